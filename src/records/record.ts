/**
 * Records of processing activities (GDPR Art. 30), derived purely from the charter: the controller record
 * (Art. 30(1)(a)–(g), one entry per purpose) and, for an organisation acting as processor, the processor record
 * (Art. 30(2)(a)–(d), one entry per customer it processes for). `recordSheets` lays both out as tables with the
 * columns of the model registers supervisory authorities publish; the XLSX, CSV and PDF writers only draw them.
 */
import { legalNameIn } from '../charter/localized.js';
import { findAuthority } from '../charter/catalogs/authorities.js';
import { isInEea } from '../charter/catalogs/countries.js';
import { findDataCategory } from '../charter/catalogs/data-taxonomy.js';
import { findTransferMechanism } from '../charter/catalogs/transfer-mechanisms.js';
import { duration } from '../charter/duration.js';
import { retentionKind, type Charter, type Purpose } from '../charter/schema.js';
import { hasSourceElsewhere, purposeSources } from '../charter/sources.js';
import {
  anchorInWords,
  countryName,
  durationInWords,
  legalBasisLabels,
  localise,
  recordTexts,
  retentionActionWords,
  roleLabels,
  type RecordLanguage,
} from './i18n.js';

export interface ContactDetails {
  name?: string;
  email?: string;
  phone?: string;
  address?: string;
}

/** Art. 30(1)(a) / 30(2)(a): who keeps the record. */
export interface RecordKeeper {
  legalName: string;
  tradeName?: string;
  companyNumber?: string;
  addresses: string[];
  email: string;
  phone?: string;
  web?: string;
  dpo?: ContactDetails;
  representative?: ContactDetails;
  authority: { id: string; name: string };
  role: Charter['organisation']['role'];
}

export interface RecordRecipient {
  id: string;
  name: string;
  role: string;
  country: string;
}

export interface RecordTransfer {
  recipient: string;
  country: string;
  /** Mechanism name in the record's language, its article, and whether it can still be relied on. */
  mechanism?: { id: string; name: string; article: string; valid: boolean };
}

export interface RecordDataCategory {
  id: string;
  name: string;
  special: boolean;
  criminal: boolean;
}

/** One processing activity of the controller record: Art. 30(1)(b)–(g). */
export interface ControllerActivity {
  id: string;
  name: string;
  purpose: string;
  legalBasis: { code: Purpose['legalBasis']; label: string };
  /** Art. 13(1)(d) interest, or the law behind a legal obligation. */
  justification: string;
  subjects: string[];
  data: RecordDataCategory[];
  recipients: RecordRecipient[];
  transfers: RecordTransfer[];
  retention: string;
  security: string;
  /**
   * Where the data comes from, one line per source, when any of it does not come from the data subject (Art. 14(2)(f),
   * kept beside the record so that the record and the notice say the same); empty when all comes from the person.
   */
  sources: string[];
}

/** One entry of the processor record: Art. 30(2)(a)–(d), per controller (customer). */
export interface ProcessorActivity {
  id: string;
  controller: string;
  controllerContact: string;
  processing: string;
  data: RecordDataCategory[];
  retention: string;
  subProcessors: RecordRecipient[];
  transfers: RecordTransfer[];
  security: string;
}

export interface RecordsOfProcessing {
  language: RecordLanguage;
  generatedAt: string;
  revision?: string;
  keeper: RecordKeeper;
  controller: ControllerActivity[];
  /** Absent when the organisation acts only as controller. */
  processor?: ProcessorActivity[];
}

export interface DeriveOptions {
  language: RecordLanguage;
  now: Date;
  revision?: string;
}

/** Art. 30(1)(a): who keeps the record — the organisation, its representative and DPO, and its authority. */
function recordKeeper(charter: Charter, language: RecordLanguage): RecordKeeper {
  const authority = findAuthority(charter.organisation.authority);
  const organisation = charter.organisation;
  return {
    legalName: legalNameIn(charter, language),
    ...(organisation.tradeName ? { tradeName: organisation.tradeName } : {}),
    ...(organisation.companyNumber ? { companyNumber: organisation.companyNumber } : {}),
    addresses: organisation.addresses.map(
      (a) => `${a.street}, ${a.postalCode} ${a.city}, ${countryName(a.country, language)}`,
    ),
    email: organisation.contact.email,
    ...(organisation.contact.phone ? { phone: organisation.contact.phone } : {}),
    ...(organisation.contact.web ? { web: organisation.contact.web } : {}),
    ...(organisation.dpo ? { dpo: contactDetails(organisation.dpo, language) } : {}),
    ...(organisation.representative ? { representative: contactDetails(organisation.representative, language) } : {}),
    authority: {
      id: organisation.authority,
      name: authority
        ? (authority.names[language] ?? authority.names.en ?? authority.shortName)
        : organisation.authority,
    },
    role: organisation.role,
  };
}

/** What a controller customer allows: at least and at most so long, in words (empty when it set nothing). */
function customerRetention(customer: Charter['customers'][number], language: RecordLanguage): string {
  const t = recordTexts[language];
  return customer.retention
    ? [
        customer.retention.minimum
          ? `${t.minimum} ${durationInWords(duration(customer.retention.minimum), language)}`
          : undefined,
        `${t.maximum} ${durationInWords(duration(customer.retention.maximum), language)}`,
      ]
        .filter(Boolean)
        .join(', ')
    : '';
}

/** Derives both records from a charter. Pure: the same charter, language and clock give the same record. */
export function deriveRecords(charter: Charter, options: DeriveOptions): RecordsOfProcessing {
  const { language } = options;
  const security = localise(charter.organisation.security, language, charter);
  const recipientsById = new Map(charter.recipients.map((recipient) => [recipient.id, recipient]));
  const subjectsById = new Map(charter.subjects.map((subject) => [subject.id, subject]));
  const customDataById = new Map(charter.data.map((category) => [category.id, category]));
  const subjectName = (id: string): string => {
    const subject = subjectsById.get(id);
    return subject ? localise(subject.name, language, charter) : id;
  };

  const dataCategory = (id: string): RecordDataCategory => {
    const custom = customDataById.get(id);
    const shipped = findDataCategory(id);
    const name = custom?.name ? localise(custom.name, language, charter) : (shipped?.name[language] ?? id);
    return { id, name, special: shipped?.special === true, criminal: shipped?.criminal === true };
  };
  const recipient = (id: string): RecordRecipient | undefined => {
    const found = recipientsById.get(id);
    return (
      found && {
        id,
        name: localise(found.name, language, charter),
        role: roleLabels[language][found.role],
        country: countryName(found.country, language),
      }
    );
  };
  const transfersOf = (ids: readonly string[]): RecordTransfer[] =>
    ids.flatMap((id) => {
      const found = recipientsById.get(id);
      if (!found) return [];
      const own: RecordTransfer[] = isInEea(found.country)
        ? []
        : [transfer(localise(found.name, language, charter), found.country, found.transfer, language)];
      const subs = found.subProcessors
        .filter((sub) => !isInEea(sub.country))
        .map((sub) =>
          transfer(
            `${localise(sub.name, language, charter)} (${localise(found.name, language, charter)})`,
            sub.country,
            sub.transfer,
            language,
          ),
        );
      return [...own, ...subs];
    });

  const controller = charter.purposes.map((purpose): ControllerActivity => ({
    id: purpose.id,
    name: localise(purpose.name, language, charter),
    purpose: localise(purpose.description, language, charter),
    legalBasis: { code: purpose.legalBasis, label: legalBasisLabels[language][purpose.legalBasis] },
    justification: localise(purpose.legitimateInterest ?? purpose.legalObligation, language, charter),
    subjects: purpose.subjects.map(subjectName),
    data: purpose.data.map(dataCategory),
    recipients: purpose.recipients.flatMap((id) => recipient(id) ?? []),
    transfers: transfersOf(purpose.recipients),
    retention: retentionInWords(purpose.retention, language, charter),
    security,
    sources: hasSourceElsewhere(purpose)
      ? purposeSources(purpose).map((source) => {
          const t = recordTexts[language];
          const scope = [
            source.data ? source.data.map((id) => dataCategory(id).name).join(', ') : undefined,
            source.subjects ? source.subjects.map(subjectName).join(', ') : undefined,
          ]
            .filter(Boolean)
            .join(' — ');
          const from = `${t.sourceKinds[source.kind]}${source.description ? ` (${localise(source.description, language, charter)})` : ''}`;
          return scope ? `${scope}: ${from}` : from;
        })
      : [],
  }));

  const actsAsProcessor = charter.organisation.role === 'processor' || charter.organisation.role === 'both';
  const processor = actsAsProcessor
    ? charter.customers.map((customer): ProcessorActivity => {
        return {
          id: customer.id,
          controller: customer.name,
          controllerContact: customer.contact ?? '',
          processing: localise(customer.processing, language, charter),
          data: customer.data.map(dataCategory),
          retention: customerRetention(customer, language),
          subProcessors: customer.recipients.flatMap((id) => recipient(id) ?? []),
          transfers: transfersOf(customer.recipients),
          security,
        };
      })
    : undefined;

  return {
    language,
    generatedAt: options.now.toISOString(),
    ...(options.revision ? { revision: options.revision } : {}),
    keeper: recordKeeper(charter, language),
    controller,
    ...(processor ? { processor } : {}),
  };
}

function contactDetails(person: NonNullable<Charter['organisation']['dpo']>, language: RecordLanguage): ContactDetails {
  const a = person.address;
  return {
    ...(person.name ? { name: person.name } : {}),
    ...(person.email ? { email: person.email } : {}),
    ...(person.phone ? { phone: person.phone } : {}),
    ...(a ? { address: `${a.street}, ${a.postalCode} ${a.city}, ${countryName(a.country, language)}` } : {}),
  };
}

function transfer(
  recipient: string,
  country: string,
  mechanismId: string | undefined,
  language: RecordLanguage,
): RecordTransfer {
  const mechanism = mechanismId ? findTransferMechanism(mechanismId) : undefined;
  return {
    recipient,
    country: countryName(country, language),
    ...(mechanism
      ? {
          mechanism: {
            id: mechanism.id,
            name: mechanism.name[language],
            article: mechanism.article,
            valid: mechanism.valid,
          },
        }
      : {}),
  };
}

/** "10 years after the end of the contract, then deleted" in the record's language. */
export function retentionInWords(rule: Purpose['retention'], language: RecordLanguage, charter?: Charter): string {
  const t = recordTexts[language];
  const anchor = anchorInWords(rule, language, charter);
  const kind = retentionKind(rule);
  // Art. 30(1)(f) "where possible, the envisaged time limits": criteria are recorded as such, an undecided period too.
  const main =
    kind === 'period' && rule.duration
      ? `${durationInWords(duration(rule.duration), language)} ${anchor}, ${retentionActionWords[language][rule.action]}`
      : kind === 'criteria'
        ? `${t.criteria}: ${localise(rule.criteria, language, charter) ?? ''}${anchor ? ` (${anchor})` : ''}, ${retentionActionWords[language][rule.action]}${rule.review ? `; ${t.review} ${durationInWords(duration(rule.review), language)}` : ''}`
        : t.notDecided;
  const minimum = rule.minimum ? ` (${t.minimum} ${durationInWords(duration(rule.minimum), language)})` : '';
  const note = rule.description ? ` — ${localise(rule.description, language, charter)}` : '';
  const holds = rule.holds.length > 0 ? `; ${t.holdsBeyond}: ${rule.holds.join(', ')}` : '';
  return `${main}${minimum}${holds}${note}`;
}

/** A table of one record type, in the record's language: what the XLSX, CSV and PDF writers draw. */
export interface RecordSheet {
  /** Sheet name (at most 31 characters, as Excel requires). */
  name: string;
  title: string;
  columns: string[];
  /** Relative column widths (in characters), used by XLSX and PDF. */
  widths: number[];
  rows: string[][];
}

export type RecordType = 'organisation' | 'controller' | 'processor';

/** The sheets of a record: the organisation (Art. 30(1)(a)/(2)(a)), the controller record, and the processor record when there is one. */
export function recordSheets(records: RecordsOfProcessing): Record<RecordType, RecordSheet | undefined> {
  const t = recordTexts[records.language];
  const c = t.columns;
  const list = (values: string[]) => (values.length > 0 ? values.join('\n') : t.none);
  const dataList = (data: RecordDataCategory[]) =>
    list(data.map((d) => (d.special ? `${d.name} (${t.special})` : d.criminal ? `${d.name} (${t.criminal})` : d.name)));
  const recipientList = (recipients: RecordRecipient[]) =>
    list(recipients.map((r) => `${r.name} — ${r.role}, ${r.country}`));
  const transferList = (transfers: RecordTransfer[]) =>
    transfers.length === 0
      ? t.noTransfer
      : transfers
          .map((tr) => {
            const mechanism = tr.mechanism
              ? `${tr.mechanism.name} (${tr.mechanism.article})${tr.mechanism.valid ? '' : ` — ${t.invalid}`}`
              : t.noMechanism;
            return `${tr.recipient}, ${tr.country}: ${mechanism}`;
          })
          .join('\n');

  const k = records.keeper;
  const contact = (person: ContactDetails | undefined) =>
    person ? [person.name, person.email, person.phone, person.address].filter(Boolean).join(', ') : '';
  const organisationRows: [string, string][] = [
    [t.legalName, k.legalName],
    [t.tradeName, k.tradeName ?? ''],
    [t.companyNumber, k.companyNumber ?? ''],
    [t.address, k.addresses.join('\n')],
    [t.email, k.email],
    [t.phone, k.phone ?? ''],
    [t.web, k.web ?? ''],
    [t.dpo, contact(k.dpo)],
    [t.representative, contact(k.representative)],
    [t.authority, k.authority.name],
    [t.role, t.roles[k.role]],
    [t.generated, records.generatedAt.slice(0, 10)],
    ...(records.revision ? [[t.revision, records.revision.slice(0, 12)] as [string, string]] : []),
  ];
  const organisation: RecordSheet = {
    name: t.organisationSheet,
    title: `${k.legalName} — ${t.organisationSheet}`,
    columns: [t.field, t.value],
    widths: [34, 90],
    rows: organisationRows.filter(([, value]) => value !== ''),
  };

  const controller: RecordSheet = {
    name: t.controllerSheet,
    title: t.controllerTitle,
    columns: [
      c.reference,
      c.activity,
      c.purpose,
      c.legalBasis,
      c.interest,
      c.subjects,
      c.data,
      c.recipients,
      c.transfers,
      c.retention,
      c.security,
    ],
    widths: [13, 18, 30, 18, 24, 16, 22, 26, 26, 24, 30],
    rows: records.controller.map((a) => [
      a.id,
      a.name,
      a.purpose,
      a.legalBasis.label,
      a.justification,
      list(a.subjects),
      // The sources go with the data they describe, so the sheet keeps the columns of the authorities' model register.
      [dataList(a.data), ...(a.sources.length ? [`${c.sources}:`, ...a.sources] : [])].join('\n'),
      recipientList(a.recipients),
      transferList(a.transfers),
      a.retention,
      a.security,
    ]),
  };

  const processor: RecordSheet | undefined = records.processor && {
    name: t.processorSheet,
    title: t.processorTitle,
    columns: [
      c.reference,
      c.controller,
      c.controllerContact,
      c.processing,
      c.data,
      c.retention,
      c.subProcessors,
      c.transfers,
      c.security,
    ],
    widths: [10, 22, 24, 32, 26, 18, 26, 28, 30],
    rows: records.processor.map((p) => [
      p.id,
      p.controller,
      p.controllerContact,
      p.processing,
      dataList(p.data),
      p.retention,
      recipientList(p.subProcessors),
      transferList(p.transfers),
      p.security,
    ]),
  };
  return { organisation, controller, processor };
}

/** Whether an organisation with this charter keeps a processor record (Art. 30(2)). */
export function keepsProcessorRecord(charter: Charter): boolean {
  return charter.organisation.role !== 'controller';
}
