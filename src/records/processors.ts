/**
 * Processors and transfers (GDPR Art. 28, 44–49): an overview of the charter's recipients — role, country, transfer
 * mechanism from the catalog, date of the data processing agreement, sub-processors — with the warnings a privacy
 * officer must act on. Pure: charter + clock + options in, plain data out.
 *
 * How old a DPA may get before it is flagged for review is configurable (`CHARTER_DPA_REVIEW_AFTER`, an ISO 8601
 * duration; default P3Y): Art. 28 sets no term, but a contract that has not been looked at for three years rarely
 * still matches the sub-processors and the 2021 SCCs, so three years is the default review cycle.
 */
import { findCountry, isInEea, type Adequacy } from '../charter/catalogs/countries.js';
import { findTransferMechanism } from '../charter/catalogs/transfer-mechanisms.js';
import { addDuration, duration, parseDuration } from '../charter/duration.js';
import type { Charter, Recipient } from '../charter/schema.js';
import { countryName, localise, roleLabels, type RecordLanguage } from './i18n.js';

export const defaultDpaReviewAfter = 'P3Y';

export interface ProcessorOptions {
  language?: RecordLanguage;
  /** ISO 8601 duration after which a DPA is due for review; default P3Y. */
  dpaReviewAfter?: string;
}

export const warningCodes = [
  'privacy-shield',
  'invalid-mechanism',
  'us-without-dpf-or-sccs',
  'no-transfer-mechanism',
  'missing-dpa',
  'dpa-review-due',
] as const;
export type WarningCode = (typeof warningCodes)[number];

export interface ProcessorWarning {
  code: WarningCode;
  severity: 'error' | 'warning';
  /** The recipient id, and the sub-processor name when the warning is about one of its sub-processors. */
  recipient: string;
  subProcessor?: string;
  article: string;
  message: string;
}

export interface TransferView {
  id: string;
  name: string;
  article: string;
  valid: boolean;
  note: string;
}

export interface SubProcessorView {
  name: string;
  country: string;
  countryName: string;
  inEea: boolean;
  service: string;
  transfer?: TransferView;
}

export interface RecipientView {
  id: string;
  name: string;
  role: Recipient['role'];
  roleLabel: string;
  service: string;
  country: string;
  countryName: string;
  inEea: boolean;
  adequacy: Adequacy | 'unknown';
  transfer?: TransferView;
  dpaDate?: string;
  /** The date from which the DPA is due for review. */
  dpaReviewDue?: string;
  privacyUrl?: string;
  /** The purposes that share data with this recipient. */
  purposes: { id: string; name: string }[];
  subProcessors: SubProcessorView[];
  warnings: ProcessorWarning[];
}

export interface ProcessorOverview {
  dpaReviewAfter: string;
  recipients: RecipientView[];
  warnings: ProcessorWarning[];
}

type Messages = Record<
  WarningCode,
  (p: { name: string; mechanism: string; date: string; country: string; age: string }) => string
>;

const messages: Record<RecordLanguage, Messages> = {
  en: {
    'privacy-shield': (p) =>
      `${p.name} relies on the EU-US Privacy Shield, invalid since 16 July 2020 (Schrems II). Use the EU-US Data Privacy Framework if the recipient is certified, or the 2021 standard contractual clauses.`,
    'invalid-mechanism': (p) =>
      `${p.name} relies on "${p.mechanism}", which can no longer be relied on (since ${p.date}).`,
    'us-without-dpf-or-sccs': (p) =>
      `${p.name} is in the United States but neither the EU-US Data Privacy Framework nor standard contractual clauses are recorded.`,
    'no-transfer-mechanism': (p) =>
      `${p.name} is in ${p.country}, outside the EEA and without an adequacy decision, and no transfer mechanism is recorded.`,
    'missing-dpa': (p) =>
      `${p.name} is a processor, but no date of a data processing agreement is recorded (Art. 28(3)).`,
    'dpa-review-due': (p) =>
      `The data processing agreement with ${p.name} dates from ${p.date}, more than ${p.age} ago: review it (sub-processors, transfer clauses).`,
  },
  nl: {
    'privacy-shield': (p) =>
      `${p.name} steunt op het EU-VS-privacyschild, ongeldig sinds 16 juli 2020 (Schrems II). Gebruik het EU-VS Data Privacy Framework als de ontvanger gecertificeerd is, of de standaardcontractbepalingen van 2021.`,
    'invalid-mechanism': (p) =>
      `${p.name} steunt op "${p.mechanism}", waarop niet langer gesteund kan worden (sinds ${p.date}).`,
    'us-without-dpf-or-sccs': (p) =>
      `${p.name} is gevestigd in de Verenigde Staten, maar noch het EU-VS Data Privacy Framework noch standaardcontractbepalingen zijn opgegeven.`,
    'no-transfer-mechanism': (p) =>
      `${p.name} is gevestigd in ${p.country}, buiten de EER en zonder adequaatheidsbesluit, en er is geen doorgiftemechanisme opgegeven.`,
    'missing-dpa': (p) =>
      `${p.name} is een verwerker, maar er is geen datum van een verwerkersovereenkomst opgegeven (art. 28, lid 3).`,
    'dpa-review-due': (p) =>
      `De verwerkersovereenkomst met ${p.name} dateert van ${p.date}, meer dan ${p.age} geleden: herbekijk ze (subverwerkers, doorgiftebepalingen).`,
  },
  fr: {
    'privacy-shield': (p) =>
      `${p.name} repose sur le bouclier de protection des données UE–États-Unis, invalide depuis le 16 juillet 2020 (Schrems II). Utilisez le Data Privacy Framework UE–États-Unis si le destinataire est certifié, ou les clauses contractuelles types de 2021.`,
    'invalid-mechanism': (p) =>
      `${p.name} repose sur « ${p.mechanism} », qui ne peut plus servir de fondement (depuis le ${p.date}).`,
    'us-without-dpf-or-sccs': (p) =>
      `${p.name} est établi aux États-Unis, mais ni le Data Privacy Framework UE–États-Unis ni des clauses contractuelles types ne sont indiqués.`,
    'no-transfer-mechanism': (p) =>
      `${p.name} est établi en ${p.country}, hors de l'EEE et sans décision d'adéquation, et aucun mécanisme de transfert n'est indiqué.`,
    'missing-dpa': (p) =>
      `${p.name} est un sous-traitant, mais aucune date de contrat de sous-traitance n'est indiquée (art. 28.3).`,
    'dpa-review-due': (p) =>
      `Le contrat de sous-traitance avec ${p.name} date du ${p.date}, il y a plus de ${p.age} : réexaminez-le (sous-traitants ultérieurs, clauses de transfert).`,
  },
  de: {
    'privacy-shield': (p) =>
      `${p.name} stützt sich auf den EU-US-Datenschutzschild, der seit dem 16. Juli 2020 ungültig ist (Schrems II). Nutzen Sie das EU-US Data Privacy Framework, wenn der Empfänger zertifiziert ist, oder die Standardvertragsklauseln von 2021.`,
    'invalid-mechanism': (p) =>
      `${p.name} stützt sich auf „${p.mechanism}“, worauf man sich nicht mehr stützen kann (seit ${p.date}).`,
    'us-without-dpf-or-sccs': (p) =>
      `${p.name} sitzt in den Vereinigten Staaten, aber weder das EU-US Data Privacy Framework noch Standardvertragsklauseln sind angegeben.`,
    'no-transfer-mechanism': (p) =>
      `${p.name} sitzt in ${p.country}, außerhalb des EWR und ohne Angemessenheitsbeschluss, und kein Übermittlungsmechanismus ist angegeben.`,
    'missing-dpa': (p) =>
      `${p.name} ist Auftragsverarbeiter, aber kein Datum eines Auftragsverarbeitungsvertrags ist angegeben (Art. 28 Abs. 3).`,
    'dpa-review-due': (p) =>
      `Der Auftragsverarbeitungsvertrag mit ${p.name} stammt vom ${p.date}, vor mehr als ${p.age}: Überprüfen Sie ihn (Unterauftragsverarbeiter, Übermittlungsklauseln).`,
  },
};

const articles: Record<WarningCode, string> = {
  'privacy-shield': 'GDPR Art. 45; CJEU C-311/18 (Schrems II)',
  'invalid-mechanism': 'GDPR Art. 44–46',
  'us-without-dpf-or-sccs': 'GDPR Art. 45, 46(2)(c)',
  'no-transfer-mechanism': 'GDPR Art. 44–46',
  'missing-dpa': 'GDPR Art. 28(3)',
  'dpa-review-due': 'GDPR Art. 28(1), 28(3)',
};

const severities: Record<WarningCode, 'error' | 'warning'> = {
  'privacy-shield': 'error',
  'invalid-mechanism': 'error',
  'us-without-dpf-or-sccs': 'error',
  'no-transfer-mechanism': 'error',
  'missing-dpa': 'warning',
  'dpa-review-due': 'warning',
};

/** Mechanisms that cover a transfer to a US recipient. BCR count for recipients inside the same group. */
const usMechanisms = new Set(['eu-us-dpf', 'sccs', 'bcr']);

function ageInWords(text: string, language: RecordLanguage): string {
  const d = duration(text);
  const words = {
    en: ['year', 'years', 'month', 'months'],
    nl: ['jaar', 'jaar', 'maand', 'maanden'],
    fr: ['an', 'ans', 'mois', 'mois'],
    de: ['Jahr', 'Jahren', 'Monat', 'Monaten'],
  }[language];
  const parts = [
    d.years ? `${d.years} ${d.years === 1 ? words[0] : words[1]}` : '',
    d.months ? `${d.months} ${d.months === 1 ? words[2] : words[3]}` : '',
    d.weeks || d.days
      ? `${d.weeks * 7 + d.days} ${{ en: 'days', nl: 'dagen', fr: 'jours', de: 'Tagen' }[language]}`
      : '',
  ].filter(Boolean);
  return parts.join(' ');
}

interface Party {
  name: string;
  country: string;
  transfer?: string | undefined;
}

function transferWarnings(
  party: Party,
  language: RecordLanguage,
  base: { recipient: string; subProcessor?: string },
): ProcessorWarning[] {
  const make = (code: WarningCode, extra: { mechanism?: string; date?: string } = {}): ProcessorWarning => ({
    code,
    severity: severities[code],
    ...base,
    article: articles[code],
    message: messages[language][code]({
      name: party.name,
      mechanism: extra.mechanism ?? '',
      date: extra.date ?? '',
      country: countryName(party.country, language),
      age: '',
    }),
  });
  const mechanism = party.transfer ? findTransferMechanism(party.transfer) : undefined;
  if (mechanism?.id === 'privacy-shield') return [make('privacy-shield')];
  if (mechanism && !mechanism.valid)
    return [make('invalid-mechanism', { mechanism: mechanism.name[language], date: mechanism.invalidSince ?? '' })];
  if (isInEea(party.country)) return [];
  if (party.country === 'US')
    return mechanism && usMechanisms.has(mechanism.id) ? [] : [make('us-without-dpf-or-sccs')];
  const adequacy = findCountry(party.country)?.adequacy;
  if (!mechanism && adequacy !== 'adequate') return [make('no-transfer-mechanism')];
  return [];
}

function transferView(id: string | undefined, language: RecordLanguage): TransferView | undefined {
  const mechanism = id ? findTransferMechanism(id) : undefined;
  return (
    mechanism && {
      id: mechanism.id,
      name: mechanism.name[language],
      article: mechanism.article,
      valid: mechanism.valid,
      note: mechanism.note[language],
    }
  );
}

/** The recipients of the charter with their transfers, agreements, sub-processors and warnings. */
export function processorOverview(charter: Charter, now: Date, options: ProcessorOptions = {}): ProcessorOverview {
  const language = options.language ?? 'en';
  const reviewAfter = options.dpaReviewAfter ?? defaultDpaReviewAfter;
  const reviewDuration = parseDuration(reviewAfter);
  if (!reviewDuration) throw new Error(`dpaReviewAfter must be an ISO 8601 duration such as P3Y, not "${reviewAfter}"`);
  const today = now.toISOString().slice(0, 10);

  const recipients = charter.recipients.map((declared): RecipientView => {
    // Names may be given per language: the record is in one.
    const recipient = {
      ...declared,
      name: localise(declared.name, language, charter),
      subProcessors: declared.subProcessors.map((sub) => ({ ...sub, name: localise(sub.name, language, charter) })),
    };
    const base = { recipient: recipient.id };
    const warnings: ProcessorWarning[] = [...transferWarnings(recipient, language, base)];
    const isProcessor = recipient.role === 'processor' || recipient.role === 'sub-processor';
    let dpaReviewDue: string | undefined;
    if (isProcessor && !recipient.dpaDate) {
      warnings.push({
        code: 'missing-dpa',
        severity: severities['missing-dpa'],
        ...base,
        article: articles['missing-dpa'],
        message: messages[language]['missing-dpa']({
          name: recipient.name,
          mechanism: '',
          date: '',
          country: '',
          age: '',
        }),
      });
    }
    if (recipient.dpaDate) {
      dpaReviewDue = addDuration(new Date(`${recipient.dpaDate}T00:00:00Z`), reviewDuration)
        .toISOString()
        .slice(0, 10);
      if (isProcessor && dpaReviewDue <= today) {
        warnings.push({
          code: 'dpa-review-due',
          severity: severities['dpa-review-due'],
          ...base,
          article: articles['dpa-review-due'],
          message: messages[language]['dpa-review-due']({
            name: recipient.name,
            mechanism: '',
            date: recipient.dpaDate,
            country: '',
            age: ageInWords(reviewAfter, language),
          }),
        });
      }
    }
    const subProcessors = recipient.subProcessors.map((sub): SubProcessorView => {
      warnings.push(...transferWarnings(sub, language, { recipient: recipient.id, subProcessor: sub.name }));
      const transfer = transferView(sub.transfer, language);
      return {
        name: sub.name,
        country: sub.country,
        countryName: countryName(sub.country, language),
        inEea: isInEea(sub.country),
        service: localise(sub.service, language, charter),
        ...(transfer ? { transfer } : {}),
      };
    });
    const transfer = transferView(recipient.transfer, language);
    return {
      id: recipient.id,
      name: recipient.name,
      role: recipient.role,
      roleLabel: roleLabels[language][recipient.role],
      service: localise(recipient.service, language, charter),
      country: recipient.country,
      countryName: countryName(recipient.country, language),
      inEea: isInEea(recipient.country),
      adequacy: findCountry(recipient.country)?.adequacy ?? 'unknown',
      ...(transfer ? { transfer } : {}),
      ...(recipient.dpaDate ? { dpaDate: recipient.dpaDate } : {}),
      ...(dpaReviewDue ? { dpaReviewDue } : {}),
      ...(recipient.privacyUrl ? { privacyUrl: recipient.privacyUrl } : {}),
      purposes: charter.purposes
        .filter((purpose) => purpose.recipients.includes(recipient.id))
        .map((purpose) => ({ id: purpose.id, name: localise(purpose.name, language, charter) })),
      subProcessors,
      warnings,
    };
  });
  return { dpaReviewAfter: reviewAfter, recipients, warnings: recipients.flatMap((r) => r.warnings) };
}

/** Only the warnings: Privacy Shield, a US recipient without DPF or SCCs, a processor without a DPA, a DPA due for review. */
export function processorWarnings(charter: Charter, now: Date, options: ProcessorOptions = {}): ProcessorWarning[] {
  return processorOverview(charter, now, options).warnings;
}
