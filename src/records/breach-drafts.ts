/**
 * Texts generated from a breach record: the notification to the supervisory authority (the fields Art. 33(3) and the
 * authorities' forms ask, in a language the authority works in, addressed with its name and address from the
 * catalog), the plain-language message to the people concerned (Art. 34(2)), and, for an organisation acting as
 * processor, the notice to its controller (Art. 33(2)). Every sentence is ours, in EN, NL, FR and DE; the facts come
 * from the record as the organisation wrote them.
 */
import {
  authorityAddress,
  authorityPages,
  findAuthority,
  type SupervisoryAuthority,
} from '../charter/catalogs/authorities.js';
import { findDataCategory } from '../charter/catalogs/data-taxonomy.js';
import type { Charter } from '../charter/schema.js';
import type { BreachContent, StoredNotification } from './breach.js';
import { breachClock } from './breach.js';
import { countryName, localise, recordLanguages, type RecordLanguage } from './i18n.js';
import { defaultText, legalNameIn, organisationName as organisationNameIn } from '../charter/localized.js';

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

function formatInstant(iso: string, language: RecordLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

function formatNumber(value: number, language: RecordLanguage): string {
  return new Intl.NumberFormat(language).format(value);
}

const words = {
  en: {
    colon: ': ',
    toComplete: '[to be completed]',
    yes: 'Yes',
    no: 'No',
    unknown: 'Not known yet',
    none: 'None',
    initial: 'Initial notification',
    followUp: (n: number) => `Follow-up notification no. ${n}`,
    natures: {
      confidentiality: 'breach of confidentiality (unauthorised disclosure or access)',
      integrity: 'breach of integrity (unauthorised alteration)',
      availability: 'breach of availability (loss of access or destruction)',
    },
    approxPeople: (n: string) => `approximately ${n} people`,
    approxRecords: (n: string) => `approximately ${n} records`,
    special: 'Special categories of data (Art. 9) are concerned.',
    criminal: 'Data on criminal convictions and offences (Art. 10) is concerned.',
    authority: {
      subject: (org: string, ref: string) => `Notification of a personal data breach (Art. 33 GDPR) — ${org} — ${ref}`,
      headings: {
        type: 'Type of notification',
        notifier: 'Controller',
        contact: 'Contact point for more information',
        timeline: 'Timeline',
        delay: 'Reasons for the delay',
        nature: 'Nature of the breach',
        subjects: 'People concerned',
        data: 'Personal data concerned',
        consequences: 'Likely consequences',
        measures: 'Measures taken or proposed',
        communication: 'Communication to the people concerned',
      },
      occurred: 'Breach occurred',
      discovered: 'Breach discovered',
      aware: 'Controller became aware',
      notified: 'This notification',
      deadline: 'Deadline of 72 hours',
      previous: (ref: string) => `Reference of the earlier notification: ${ref}`,
      taken: 'Taken',
      proposed: 'Proposed',
      told: 'The people concerned have been or will be told.',
      notTold: 'The people concerned will not be told, because:',
      companyNumber: 'Company number',
      dpo: 'Data protection officer',
    },
  },
  nl: {
    colon: ': ',
    toComplete: '[aan te vullen]',
    yes: 'Ja',
    no: 'Nee',
    unknown: 'Nog niet bekend',
    none: 'Geen',
    initial: 'Eerste melding',
    followUp: (n: number) => `Aanvullende melding nr. ${n}`,
    natures: {
      confidentiality: 'inbreuk op de vertrouwelijkheid (ongeoorloofde verstrekking of toegang)',
      integrity: 'inbreuk op de integriteit (ongeoorloofde wijziging)',
      availability: 'inbreuk op de beschikbaarheid (verlies van toegang of vernietiging)',
    },
    approxPeople: (n: string) => `ongeveer ${n} personen`,
    approxRecords: (n: string) => `ongeveer ${n} records`,
    special: 'Het gaat om bijzondere categorieën van gegevens (art. 9).',
    criminal: 'Het gaat om gegevens over strafrechtelijke veroordelingen en strafbare feiten (art. 10).',
    authority: {
      subject: (org: string, ref: string) => `Melding van een gegevenslek (art. 33 AVG) — ${org} — ${ref}`,
      headings: {
        type: 'Soort melding',
        notifier: 'Verwerkingsverantwoordelijke',
        contact: 'Contactpunt voor meer informatie',
        timeline: 'Tijdlijn',
        delay: 'Redenen voor de vertraging',
        nature: 'Aard van het lek',
        subjects: 'Betrokken personen',
        data: 'Betrokken persoonsgegevens',
        consequences: 'Waarschijnlijke gevolgen',
        measures: 'Genomen of voorgestelde maatregelen',
        communication: 'Mededeling aan de betrokkenen',
      },
      occurred: 'Het lek deed zich voor op',
      discovered: 'Het lek werd ontdekt op',
      aware: 'De verwerkingsverantwoordelijke kreeg er kennis van op',
      notified: 'Deze melding',
      deadline: 'Termijn van 72 uur',
      previous: (ref: string) => `Referentie van de vorige melding: ${ref}`,
      taken: 'Genomen',
      proposed: 'Voorgesteld',
      told: 'De betrokkenen werden of worden ingelicht.',
      notTold: 'De betrokkenen worden niet ingelicht, omdat:',
      companyNumber: 'Ondernemingsnummer',
      dpo: 'Functionaris voor gegevensbescherming',
    },
  },
  fr: {
    colon: ' : ',
    toComplete: '[à compléter]',
    yes: 'Oui',
    no: 'Non',
    unknown: 'Pas encore connu',
    none: 'Aucune',
    initial: 'Notification initiale',
    followUp: (n: number) => `Notification complémentaire n° ${n}`,
    natures: {
      confidentiality: 'atteinte à la confidentialité (divulgation ou accès non autorisé)',
      integrity: "atteinte à l'intégrité (modification non autorisée)",
      availability: "atteinte à la disponibilité (perte d'accès ou destruction)",
    },
    approxPeople: (n: string) => `environ ${n} personnes`,
    approxRecords: (n: string) => `environ ${n} enregistrements`,
    special: 'Des catégories particulières de données (art. 9) sont concernées.',
    criminal: 'Des données relatives aux condamnations pénales et aux infractions (art. 10) sont concernées.',
    authority: {
      subject: (org: string, ref: string) =>
        `Notification d'une violation de données à caractère personnel (art. 33 RGPD) — ${org} — ${ref}`,
      headings: {
        type: 'Type de notification',
        notifier: 'Responsable du traitement',
        contact: "Point de contact pour plus d'informations",
        timeline: 'Chronologie',
        delay: 'Motifs du retard',
        nature: 'Nature de la violation',
        subjects: 'Personnes concernées',
        data: 'Données à caractère personnel concernées',
        consequences: 'Conséquences probables',
        measures: 'Mesures prises ou envisagées',
        communication: 'Communication aux personnes concernées',
      },
      occurred: 'Survenance de la violation',
      discovered: 'Découverte de la violation',
      aware: 'Prise de connaissance par le responsable du traitement',
      notified: 'Présente notification',
      deadline: 'Délai de 72 heures',
      previous: (ref: string) => `Référence de la notification précédente : ${ref}`,
      taken: 'Prises',
      proposed: 'Envisagées',
      told: 'Les personnes concernées ont été ou seront informées.',
      notTold: 'Les personnes concernées ne seront pas informées, pour les raisons suivantes :',
      companyNumber: "Numéro d'entreprise",
      dpo: 'Délégué à la protection des données',
    },
  },
  de: {
    colon: ': ',
    toComplete: '[noch zu ergänzen]',
    yes: 'Ja',
    no: 'Nein',
    unknown: 'Noch nicht bekannt',
    none: 'Keine',
    initial: 'Erstmeldung',
    followUp: (n: number) => `Nachmeldung Nr. ${n}`,
    natures: {
      confidentiality: 'Verletzung der Vertraulichkeit (unbefugte Offenlegung oder unbefugter Zugang)',
      integrity: 'Verletzung der Integrität (unbefugte Veränderung)',
      availability: 'Verletzung der Verfügbarkeit (Verlust des Zugangs oder Vernichtung)',
    },
    approxPeople: (n: string) => `ungefähr ${n} Personen`,
    approxRecords: (n: string) => `ungefähr ${n} Datensätze`,
    special: 'Besondere Kategorien personenbezogener Daten (Art. 9) sind betroffen.',
    criminal: 'Daten über strafrechtliche Verurteilungen und Straftaten (Art. 10) sind betroffen.',
    authority: {
      subject: (org: string, ref: string) =>
        `Meldung einer Verletzung des Schutzes personenbezogener Daten (Art. 33 DSGVO) — ${org} — ${ref}`,
      headings: {
        type: 'Art der Meldung',
        notifier: 'Verantwortlicher',
        contact: 'Anlaufstelle für weitere Informationen',
        timeline: 'Zeitlicher Ablauf',
        delay: 'Gründe für die Verzögerung',
        nature: 'Art der Verletzung',
        subjects: 'Betroffene Personen',
        data: 'Betroffene personenbezogene Daten',
        consequences: 'Wahrscheinliche Folgen',
        measures: 'Ergriffene oder vorgeschlagene Maßnahmen',
        communication: 'Benachrichtigung der betroffenen Personen',
      },
      occurred: 'Eintritt der Verletzung',
      discovered: 'Entdeckung der Verletzung',
      aware: 'Kenntnis des Verantwortlichen',
      notified: 'Diese Meldung',
      deadline: 'Frist von 72 Stunden',
      previous: (ref: string) => `Aktenzeichen der vorherigen Meldung: ${ref}`,
      taken: 'Ergriffen',
      proposed: 'Vorgeschlagen',
      told: 'Die betroffenen Personen wurden oder werden benachrichtigt.',
      notTold: 'Die betroffenen Personen werden nicht benachrichtigt, weil:',
      companyNumber: 'Unternehmensnummer',
      dpo: 'Datenschutzbeauftragter',
    },
  },
} as const satisfies Record<RecordLanguage, unknown>;

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

/** The notification to the supervisory authority (Art. 33(3)), initial or the next follow-up. */
export function authorityDraft(
  charter: Charter,
  facts: BreachFacts,
  options: { language?: RecordLanguage; now: Date },
): Draft {
  const language = authorityDraftLanguage(charter, options.language);
  const w = words[language];
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
  const data = dataNames(charter, content.dataCategories, language);
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
        data.criminal ? w.criminal : '',
      ]
        .filter(Boolean)
        .join('\n'),
    },
    { id: 'consequences', heading: h.consequences, body: content.consequences },
    {
      id: 'measures',
      heading: h.measures,
      body: [
        `${a.taken}${w.colon}${content.measuresTaken}`,
        `${a.proposed}${w.colon}${content.measuresProposed || w.none}`,
      ].join('\n'),
    },
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

const subjectTexts = {
  en: {
    subject: (org: string) => `Important: a security incident involving your personal data at ${org}`,
    greeting: 'Hello,',
    intro: (org: string) =>
      `We are writing to tell you about a security incident at ${org} that involves some of your personal data. We are sorry that this has happened.`,
    what: 'What happened',
    which: 'Which information is involved',
    mean: 'What this may mean for you',
    done: 'What we have done',
    can: 'What you can do',
    advice:
      'Be wary of unexpected emails, text messages or calls that refer to this incident or ask for personal details, passwords or payments. We will never ask you for your password.',
    questions: 'Questions',
    ask: (contact: string) => `You can contact us: ${contact}.`,
    complain: (authority: string, site: string) =>
      `You also have the right to lodge a complaint with the data protection authority: ${authority} (${site}).`,
    closing: 'Kind regards,',
  },
  nl: {
    subject: (org: string) => `Belangrijk: een beveiligingsincident met uw persoonsgegevens bij ${org}`,
    greeting: 'Beste,',
    intro: (org: string) =>
      `We laten u weten dat er bij ${org} een beveiligingsincident is gebeurd waarbij ook enkele van uw persoonsgegevens betrokken zijn. Het spijt ons dat dit is gebeurd.`,
    what: 'Wat is er gebeurd',
    which: 'Om welke gegevens gaat het',
    mean: 'Wat dit voor u kan betekenen',
    done: 'Wat wij hebben gedaan',
    can: 'Wat u kunt doen',
    advice:
      'Wees op uw hoede voor onverwachte e-mails, sms-berichten of telefoontjes die naar dit incident verwijzen of die naar persoonlijke gegevens, wachtwoorden of betalingen vragen. Wij zullen u nooit om uw wachtwoord vragen.',
    questions: 'Vragen',
    ask: (contact: string) => `U kunt contact met ons opnemen: ${contact}.`,
    complain: (authority: string, site: string) =>
      `U hebt ook het recht een klacht in te dienen bij de gegevensbeschermingsautoriteit: ${authority} (${site}).`,
    closing: 'Met vriendelijke groeten,',
  },
  fr: {
    subject: (org: string) => `Important : un incident de sécurité concernant vos données personnelles chez ${org}`,
    greeting: 'Bonjour,',
    intro: (org: string) =>
      `Nous vous informons qu'un incident de sécurité s'est produit chez ${org} et qu'il concerne certaines de vos données personnelles. Nous regrettons qu'il se soit produit.`,
    what: "Ce qui s'est passé",
    which: 'Les informations concernées',
    mean: 'Ce que cela peut signifier pour vous',
    done: 'Ce que nous avons fait',
    can: 'Ce que vous pouvez faire',
    advice:
      'Méfiez-vous des e-mails, SMS ou appels inattendus qui évoquent cet incident ou vous demandent des informations personnelles, des mots de passe ou des paiements. Nous ne vous demanderons jamais votre mot de passe.',
    questions: 'Questions',
    ask: (contact: string) => `Vous pouvez nous contacter : ${contact}.`,
    complain: (authority: string, site: string) =>
      `Vous avez aussi le droit d'introduire une réclamation auprès de l'autorité de protection des données : ${authority} (${site}).`,
    closing: 'Nous vous prions d’agréer nos salutations distinguées,',
  },
  de: {
    subject: (org: string) => `Wichtig: ein Sicherheitsvorfall mit Ihren personenbezogenen Daten bei ${org}`,
    greeting: 'Guten Tag,',
    intro: (org: string) =>
      `wir informieren Sie über einen Sicherheitsvorfall bei ${org}, von dem auch einige Ihrer personenbezogenen Daten betroffen sind. Wir bedauern sehr, dass dies geschehen ist.`,
    what: 'Was ist passiert',
    which: 'Welche Informationen betroffen sind',
    mean: 'Was das für Sie bedeuten kann',
    done: 'Was wir unternommen haben',
    can: 'Was Sie tun können',
    advice:
      'Seien Sie vorsichtig bei unerwarteten E-Mails, SMS oder Anrufen, die sich auf diesen Vorfall beziehen oder nach persönlichen Angaben, Passwörtern oder Zahlungen fragen. Wir werden Sie niemals nach Ihrem Passwort fragen.',
    questions: 'Fragen',
    ask: (contact: string) => `Sie erreichen uns so: ${contact}.`,
    complain: (authority: string, site: string) =>
      `Sie haben außerdem das Recht, sich bei der Datenschutzaufsichtsbehörde zu beschweren: ${authority} (${site}).`,
    closing: 'Mit freundlichen Grüßen',
  },
} as const satisfies Record<RecordLanguage, unknown>;

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

const controllerTexts = {
  en: {
    subject: (org: string, ref: string) => `Personal data breach at your processor ${org} (Art. 33(2) GDPR) — ${ref}`,
    intro: (org: string) =>
      `As your processor, ${org} informs you without undue delay of a personal data breach that affects personal data we process on your behalf.`,
    aware: 'We became aware of it on',
    next: 'We will send further information as soon as we have it (Art. 33(4)). As controller, you decide whether the supervisory authority and the people concerned must be told; we will assist you with everything you need for that (Art. 28(3)(f)).',
    customer: 'Processing concerned',
  },
  nl: {
    subject: (org: string, ref: string) => `Gegevenslek bij uw verwerker ${org} (art. 33, lid 2, AVG) — ${ref}`,
    intro: (org: string) =>
      `Als uw verwerker meldt ${org} u zonder onredelijke vertraging een inbreuk in verband met persoonsgegevens die wij voor u verwerken.`,
    aware: 'Wij kregen er kennis van op',
    next: 'Wij bezorgen u bijkomende informatie zodra we die hebben (art. 33, lid 4). Als verwerkingsverantwoordelijke beslist u of de toezichthoudende autoriteit en de betrokkenen moeten worden ingelicht; wij helpen u met alles wat u daarvoor nodig hebt (art. 28, lid 3, f)).',
    customer: 'Betrokken verwerking',
  },
  fr: {
    subject: (org: string, ref: string) =>
      `Violation de données chez votre sous-traitant ${org} (art. 33.2 RGPD) — ${ref}`,
    intro: (org: string) =>
      `En sa qualité de sous-traitant, ${org} vous notifie dans les meilleurs délais une violation de données à caractère personnel qui concerne des données que nous traitons pour votre compte.`,
    aware: 'Nous en avons pris connaissance le',
    next: "Nous vous transmettrons des informations complémentaires dès que nous en disposerons (art. 33.4). En tant que responsable du traitement, vous décidez s'il faut informer l'autorité de contrôle et les personnes concernées ; nous vous aiderons pour tout ce dont vous avez besoin à cet effet (art. 28.3.f).",
    customer: 'Traitement concerné',
  },
  de: {
    subject: (org: string, ref: string) =>
      `Datenschutzverletzung bei Ihrem Auftragsverarbeiter ${org} (Art. 33 Abs. 2 DSGVO) — ${ref}`,
    intro: (org: string) =>
      `Als Ihr Auftragsverarbeiter meldet ${org} Ihnen unverzüglich eine Verletzung des Schutzes personenbezogener Daten, die wir in Ihrem Auftrag verarbeiten.`,
    aware: 'Wir haben davon Kenntnis erlangt am',
    next: 'Weitere Informationen senden wir Ihnen, sobald sie vorliegen (Art. 33 Abs. 4). Als Verantwortlicher entscheiden Sie, ob die Aufsichtsbehörde und die betroffenen Personen benachrichtigt werden müssen; wir unterstützen Sie dabei mit allem, was Sie benötigen (Art. 28 Abs. 3 lit. f).',
    customer: 'Betroffene Verarbeitung',
  },
} as const satisfies Record<RecordLanguage, unknown>;

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
  const w = words[language];
  const h = w.authority.headings;
  const { content } = facts;
  const organisation = legalNameIn(charter, language);
  const at = (iso: string) => formatInstant(iso, language, organisationTimeZone(charter));
  const data = dataNames(charter, content.dataCategories, language);
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
    { id: 'contact', heading: h.contact, body: `${contactLine(contactPoint(charter, content))}\n\n${t.next}` },
  ];
  const to: Draft['to'] = { name: customer.name, ...(customer.contact ? { address: [customer.contact] } : {}) };
  const subject = t.subject(organisation, facts.reference);
  return { language, to, subject, sections, text: render(subject, to, sections) };
}
