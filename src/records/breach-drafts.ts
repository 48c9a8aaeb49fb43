/**
 * Texts generated from a breach record: the notification to the supervisory authority (the fields Art. 33(3) and the
 * authorities' forms ask, in a language the authority works in, addressed with its name and address from the
 * catalog), the plain-language message to the people concerned (Art. 34(2)), and, for an organisation acting as
 * processor, the notice to its controller (Art. 33(2)). Every sentence is ours, in EN, NL, FR and DE; the facts come
 * from the record as the organisation wrote them.
 */
import {
  type SupervisoryAuthority,
  authorityAddress,
  authorityPages,
  findAuthority,
} from '../charter/catalogs/authorities.js';
import { findDataCategory } from '../charter/catalogs/data-taxonomy.js';
import { defaultText, legalNameIn, organisationName as organisationNameIn } from '../charter/localized.js';
import type { Charter } from '../charter/schema.js';
import { controllerTexts, draftWords, subjectTexts } from './breach-draft-texts.js';
import { type BreachContent, type StoredNotification, breachClock } from './breach.js';
import { type RecordLanguage, countryName, localise, recordLanguages } from './i18n.js';

/** An address as lines: street, postal code and city, country in `language`. */
function postalLines(address: SupervisoryAuthority['address'], language: RecordLanguage): string[] {
  return [address.street, `${address.postalCode} ${address.city}`, countryName(address.country, language)];
}

export interface DraftSection {
  id: string;
  heading: string;
  body: string;
}

export interface Draft {
  language: RecordLanguage;
  /** Addressee: the authority, or the controller. */
  to: { name: string; address?: string[]; email?: string; website?: string };
  subject: string;
  sections: DraftSection[];
  /** The whole draft as plain text, ready to paste into a form or an email. */
  text: string;
}

export interface BreachFacts {
  reference: string;
  content: BreachContent;
  notifications: readonly StoredNotification[];
}

/**
 * The languages an authority takes notifications in, among the ones we write. The Belgian APD/GBA works in French
 * and Dutch (its forms exist in both); elsewhere the authority's own official languages, else English.
 */
export function authorityLanguages(authority: SupervisoryAuthority | undefined): RecordLanguage[] {
  if (!authority) return ['en'];
  if (authority.id === 'be-apd') return ['fr', 'nl'];
  const own = recordLanguages.filter((language) => language !== 'en' && authority.names[language] !== undefined);
  return own.length > 0 ? own : ['en'];
}

/** The draft language: the one asked if the authority takes it, else the charter's default, else its first. */
export function authorityDraftLanguage(charter: Charter, asked?: RecordLanguage): RecordLanguage {
  const allowed = authorityLanguages(findAuthority(charter.organisation.authority));
  if (asked && allowed.includes(asked)) return asked;
  const preferred = [charter.defaultLanguage, ...charter.languages].find(
    (l): l is RecordLanguage => l !== undefined && allowed.includes(l),
  );
  return preferred ?? allowed[0] ?? 'en';
}

const timeZones: Record<string, string> = {
  AT: 'Europe/Vienna', BE: 'Europe/Brussels', BG: 'Europe/Sofia', HR: 'Europe/Zagreb', CY: 'Asia/Nicosia', CZ: 'Europe/Prague',
  DK: 'Europe/Copenhagen', EE: 'Europe/Tallinn', FI: 'Europe/Helsinki', FR: 'Europe/Paris', DE: 'Europe/Berlin', GR: 'Europe/Athens',
  HU: 'Europe/Budapest', IE: 'Europe/Dublin', IT: 'Europe/Rome', LV: 'Europe/Riga', LT: 'Europe/Vilnius', LU: 'Europe/Luxembourg',
  MT: 'Europe/Malta', NL: 'Europe/Amsterdam', PL: 'Europe/Warsaw', PT: 'Europe/Lisbon', RO: 'Europe/Bucharest', SK: 'Europe/Bratislava',
  SI: 'Europe/Ljubljana', ES: 'Europe/Madrid', SE: 'Europe/Stockholm', IS: 'Atlantic/Reykjavik', LI: 'Europe/Vaduz', NO: 'Europe/Oslo',
  CH: 'Europe/Zurich', GB: 'Europe/London',
}; // prettier-ignore

/** The organisation's time zone, from the country of its first address (UTC when unknown). */
export function organisationTimeZone(charter: Charter): string {
  return timeZones[charter.organisation.addresses[0]?.country ?? ''] ?? 'UTC';
}

/** An instant as a date and time in words, in `language` and the given time zone, with the zone's short name. */
export function formatInstant(instant: string | number | Date, language: RecordLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(instant));
}

function formatNumber(value: number, language: RecordLanguage): string {
  return new Intl.NumberFormat(language).format(value);
}

function subjectNames(charter: Charter, ids: readonly string[], language: RecordLanguage): string[] {
  return ids.map((id) => {
    const subject = charter.subjects.find((s) => s.id === id);
    return subject ? localise(subject.name, language, charter) : id;
  });
}

function dataNames(charter: Charter, ids: readonly string[], language: RecordLanguage) {
  let special = false;
  let criminal = false;
  const names = ids.map((id) => {
    const custom = charter.data.find((d) => d.id === id);
    const shipped = findDataCategory(id);
    special ||= shipped?.special === true;
    criminal ||= shipped?.criminal === true;
    return custom?.name ? localise(custom.name, language, charter) : (shipped?.name[language] ?? id);
  });
  return { names, special, criminal };
}

/** The contact point: the one recorded on the breach, else the DPO, else the organisation's privacy contact. */
export function contactPoint(
  charter: Charter,
  content: BreachContent,
): { name: string; email?: string; phone?: string } {
  if (content.contact) return content.contact;
  const dpo = charter.organisation.dpo;
  if (dpo?.email || dpo?.phone) {
    return {
      name: dpo.name ?? defaultText(charter.organisation.legalName, charter),
      ...(dpo.email ? { email: dpo.email } : {}),
      ...(dpo.phone ? { phone: dpo.phone } : {}),
    };
  }
  return {
    name: defaultText(charter.organisation.legalName, charter),
    email: charter.organisation.contact.email,
    ...(charter.organisation.contact.phone ? { phone: charter.organisation.contact.phone } : {}),
  };
}

const contactLine = (c: { name: string; email?: string; phone?: string }) =>
  [c.name, c.email, c.phone].filter(Boolean).join(', ');

function render(subject: string, to: Draft['to'], sections: DraftSection[]): string {
  const address = [to.name, ...(to.address ?? [])].join('\n');
  return (
    [address, '', subject, '', ...sections.flatMap((s) => [s.heading.toUpperCase(), s.body, ''])].join('\n').trimEnd() +
    '\n'
  );
}

/**
 * The facts every breach draft states the same way (Art. 33(3)(a)-(d)): the nature of the breach, the people and the
 * data concerned with their approximate numbers, the likely consequences and the measures. Only the authority is told
 * whether criminal-offence data (Art. 10) is involved; the controller decides on that itself.
 */
function factSections(
  charter: Charter,
  content: BreachContent,
  language: RecordLanguage,
  options: { criminal: boolean },
): DraftSection[] {
  const w = draftWords[language];
  const h = w.authority.headings;
  const data = dataNames(charter, content.dataCategories, language);
  return [
    {
      id: 'nature',
      heading: h.nature,
      body: [content.nature.map((n) => `– ${w.natures[n]}`).join('\n'), '', content.description].join('\n'),
    },
    {
      id: 'subjects',
      heading: h.subjects,
      body: `${subjectNames(charter, content.subjectCategories, language).join(', ')}\n${w.approxPeople(formatNumber(content.approximateSubjects, language))}`,
    },
    {
      id: 'data',
      heading: h.data,
      body: [
        data.names.join(', '),
        w.approxRecords(formatNumber(content.approximateRecords, language)),
        data.special ? w.special : '',
        options.criminal && data.criminal ? w.criminal : '',
      ]
        .filter(Boolean)
        .join('\n'),
    },
    { id: 'consequences', heading: h.consequences, body: content.consequences },
    {
      id: 'measures',
      heading: h.measures,
      body: [
        `${w.authority.taken}${w.colon}${content.measuresTaken}`,
        `${w.authority.proposed}${w.colon}${content.measuresProposed || w.none}`,
      ].join('\n'),
    },
  ];
}

/** The notification to the supervisory authority (Art. 33(3)), initial or the next follow-up. */
export function authorityDraft(
  charter: Charter,
  facts: BreachFacts,
  options: { language?: RecordLanguage; now: Date },
): Draft {
  const language = authorityDraftLanguage(charter, options.language);
  const w = draftWords[language];
  const a = w.authority;
  const h = a.headings;
  const zone = organisationTimeZone(charter);
  const at = (iso: string) => formatInstant(iso, language, zone);
  const { content } = facts;
  const authority = findAuthority(charter.organisation.authority);
  const organisation = charter.organisation;
  const earlier = facts.notifications.filter((n) => n.recipient === 'authority');
  const clock = breachClock(content, facts.notifications, options.now);
  const late =
    earlier.length === 0 ? options.now.getTime() > Date.parse(clock.deadline) : clock.state === 'notified-late';
  const contact = contactPoint(charter, content);
  const sections: DraftSection[] = [
    {
      id: 'type',
      heading: h.type,
      body: [
        earlier.length === 0 ? w.initial : w.followUp(earlier.length),
        ...earlier
          .filter((n) => n.reference)
          .slice(-1)
          .map((n) => a.previous(n.reference ?? '')),
      ].join('\n'),
    },
    {
      id: 'notifier',
      heading: h.notifier,
      body: [
        legalNameIn(charter, language),
        organisation.companyNumber ? `${a.companyNumber}${w.colon}${organisation.companyNumber}` : '',
        ...organisation.addresses
          .slice(0, 1)
          .map((ad) => `${ad.street}, ${ad.postalCode} ${ad.city}, ${countryName(ad.country, language)}`),
        organisation.dpo
          ? `${a.dpo}${w.colon}${[organisation.dpo.name, organisation.dpo.email, organisation.dpo.phone].filter(Boolean).join(', ')}`
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
    },
    { id: 'contact', heading: h.contact, body: contactLine(contact) },
    {
      id: 'timeline',
      heading: h.timeline,
      body: [
        `${a.occurred}${w.colon}${content.occurredAt ? at(content.occurredAt) : w.unknown}`,
        `${a.discovered}${w.colon}${at(content.discoveredAt)}`,
        `${a.aware}${w.colon}${at(content.awareAt)}`,
        `${a.deadline}${w.colon}${at(clock.deadline)}`,
        `${a.notified}${w.colon}${at(options.now.toISOString())}`,
      ].join('\n'),
    },
    ...(late
      ? [
          {
            id: 'delay',
            heading: h.delay,
            body: content.delayReasons || earlier.find((n) => n.delayReasons)?.delayReasons || w.toComplete,
          },
        ]
      : []),
    ...factSections(charter, content, language, { criminal: true }),
    {
      id: 'communication',
      heading: h.communication,
      body: content.subjects.required
        ? `${a.told}\n${content.subjects.reason}`
        : `${a.notTold}\n${content.subjects.reason}`,
    },
  ];
  const to: Draft['to'] = authority
    ? {
        name: authority.names[language] ?? authority.names.en ?? authority.shortName,
        address: postalLines(authorityAddress(authority, language), language),
        ...(authority.email ? { email: authority.email } : {}),
        website: authority.website,
      }
    : { name: organisation.authority };
  const subject = a.subject(legalNameIn(charter, language), facts.reference);
  return { language, to, subject, sections, text: render(subject, to, sections) };
}

/** The plain-language message to the people concerned (Art. 34(2)). */
export function subjectsMessage(charter: Charter, facts: BreachFacts, language: RecordLanguage): Draft {
  const t = subjectTexts[language];
  const { content } = facts;
  const organisation = organisationNameIn(charter, language);
  const authority = findAuthority(charter.organisation.authority);
  const data = dataNames(charter, content.dataCategories, language);
  const measures = [content.measuresTaken, content.measuresProposed].filter(Boolean).join('\n\n');
  const sections: DraftSection[] = [
    { id: 'intro', heading: t.greeting, body: t.intro(organisation) },
    { id: 'what', heading: t.what, body: content.description },
    { id: 'which', heading: t.which, body: data.names.join(', ') },
    { id: 'mean', heading: t.mean, body: content.consequences },
    { id: 'done', heading: t.done, body: measures },
    { id: 'can', heading: t.can, body: content.adviceToSubjects || t.advice },
    {
      id: 'questions',
      heading: t.questions,
      body: [
        t.ask(contactLine(contactPoint(charter, content))),
        ...(authority
          ? [
              t.complain(
                authority.names[language] ?? authority.names.en ?? authority.shortName,
                authorityPages(authority, language).complaintUrl,
              ),
            ]
          : []),
        '',
        t.closing,
        organisation,
      ].join('\n'),
    },
  ];
  const subject = t.subject(organisation);
  const text =
    [
      subject,
      '',
      t.greeting,
      '',
      t.intro(organisation),
      '',
      ...sections.slice(1).flatMap((s) => [s.heading, s.body, '']),
    ]
      .join('\n')
      .trimEnd() + '\n';
  return { language, to: { name: '' }, subject, sections, text };
}

/** For an organisation acting as processor: the notice to one of its controllers (Art. 33(2)). */
export function controllerNotice(
  charter: Charter,
  facts: BreachFacts,
  customerId: string,
  language: RecordLanguage,
): Draft | undefined {
  const customer = charter.customers.find((c) => c.id === customerId);
  if (!customer) return undefined;
  const t = controllerTexts[language];
  const w = draftWords[language];
  const h = w.authority.headings;
  const { content } = facts;
  const organisation = legalNameIn(charter, language);
  const at = (iso: string) => formatInstant(iso, language, organisationTimeZone(charter));
  const sections: DraftSection[] = [
    {
      id: 'intro',
      heading: t.customer,
      body: `${t.intro(organisation)}\n${localise(customer.processing, language, charter)}`,
    },
    {
      id: 'timeline',
      heading: h.timeline,
      body: [
        `${w.authority.occurred}${w.colon}${content.occurredAt ? at(content.occurredAt) : w.unknown}`,
        `${w.authority.discovered}${w.colon}${at(content.discoveredAt)}`,
        `${t.aware} ${at(content.awareAt)}`,
      ].join('\n'),
    },
    ...factSections(charter, content, language, { criminal: false }),
    { id: 'contact', heading: h.contact, body: `${contactLine(contactPoint(charter, content))}\n\n${t.next}` },
  ];
  const to: Draft['to'] = { name: customer.name, ...(customer.contact ? { address: [customer.contact] } : {}) };
  const subject = t.subject(organisation, facts.reference);
  return { language, to, subject, sections, text: render(subject, to, sections) };
}
