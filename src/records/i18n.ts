/**
 * The words of the records domain in the four languages Charter writes: column headings of the Art. 30 records,
 * legal-basis labels with their article as each language cites it, retention periods in words, recipient roles and
 * country names. Free text from the charter is shown in the asked language when the charter has it, otherwise in the
 * charter's default language (a record is evidence: we never machine-translate what the organisation wrote).
 */
import type { Duration } from '../charter/duration.js';
import {
  languages,
  type Charter,
  type LegalBasis,
  type Language,
  type RetentionAnchor,
  type RetentionRule,
  type Text,
} from '../charter/schema.js';

export const recordLanguages = languages;
export type RecordLanguage = (typeof recordLanguages)[number];

/** Picks the text in `language`, else in the charter's default language, else English, else any. */
export function localise(
  text: Text | undefined,
  language: Language,
  charter?: Pick<Charter, 'defaultLanguage' | 'languages'>,
): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const order = [language, charter?.defaultLanguage, ...(charter?.languages ?? []), 'en', 'nl', 'fr', 'de'] as const;
  for (const candidate of order) {
    const value = candidate ? text[candidate] : undefined;
    if (value) return value;
  }
  return '';
}

/** A country's name in the language (from the ICU data Node ships), with its code: "Verenigde Staten (US)". */
export function countryName(code: string, language: Language): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** Legal bases as each language cites Art. 6(1). */
export const legalBasisLabels: Record<RecordLanguage, Record<LegalBasis, string>> = {
  en: {
    consent: 'Consent (GDPR Art. 6(1)(a))',
    contract: 'Performance of a contract (GDPR Art. 6(1)(b))',
    'legal-obligation': 'Legal obligation (GDPR Art. 6(1)(c))',
    'vital-interests': 'Vital interests (GDPR Art. 6(1)(d))',
    'public-task': 'Public task (GDPR Art. 6(1)(e))',
    'legitimate-interests': 'Legitimate interests (GDPR Art. 6(1)(f))',
  },
  nl: {
    consent: 'Toestemming (art. 6, lid 1, a) AVG)',
    contract: 'Uitvoering van een overeenkomst (art. 6, lid 1, b) AVG)',
    'legal-obligation': 'Wettelijke verplichting (art. 6, lid 1, c) AVG)',
    'vital-interests': 'Vitale belangen (art. 6, lid 1, d) AVG)',
    'public-task': 'Taak van algemeen belang (art. 6, lid 1, e) AVG)',
    'legitimate-interests': 'Gerechtvaardigd belang (art. 6, lid 1, f) AVG)',
  },
  fr: {
    consent: 'Consentement (art. 6.1.a) RGPD)',
    contract: "Exécution d'un contrat (art. 6.1.b) RGPD)",
    'legal-obligation': 'Obligation légale (art. 6.1.c) RGPD)',
    'vital-interests': 'Intérêts vitaux (art. 6.1.d) RGPD)',
    'public-task': "Mission d'intérêt public (art. 6.1.e) RGPD)",
    'legitimate-interests': 'Intérêt légitime (art. 6.1.f) RGPD)',
  },
  de: {
    consent: 'Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)',
    contract: 'Vertragserfüllung (Art. 6 Abs. 1 lit. b DSGVO)',
    'legal-obligation': 'Rechtliche Verpflichtung (Art. 6 Abs. 1 lit. c DSGVO)',
    'vital-interests': 'Lebenswichtige Interessen (Art. 6 Abs. 1 lit. d DSGVO)',
    'public-task': 'Öffentliche Aufgabe (Art. 6 Abs. 1 lit. e DSGVO)',
    'legitimate-interests': 'Berechtigtes Interesse (Art. 6 Abs. 1 lit. f DSGVO)',
  },
};

type RecipientRole = Charter['recipients'][number]['role'];
export const roleLabels: Record<RecordLanguage, Record<RecipientRole | 'organisation-processor', string>> = {
  en: {
    processor: 'processor',
    'sub-processor': 'sub-processor',
    'joint-controller': 'joint controller',
    controller: 'controller',
    'public-authority': 'public authority',
    'organisation-processor': 'processor',
  },
  nl: {
    processor: 'verwerker',
    'sub-processor': 'subverwerker',
    'joint-controller': 'gezamenlijke verwerkingsverantwoordelijke',
    controller: 'verwerkingsverantwoordelijke',
    'public-authority': 'overheidsinstantie',
    'organisation-processor': 'verwerker',
  },
  fr: {
    processor: 'sous-traitant',
    'sub-processor': 'sous-traitant ultérieur',
    'joint-controller': 'responsable conjoint du traitement',
    controller: 'responsable du traitement',
    'public-authority': 'autorité publique',
    'organisation-processor': 'sous-traitant',
  },
  de: {
    processor: 'Auftragsverarbeiter',
    'sub-processor': 'Unterauftragsverarbeiter',
    'joint-controller': 'gemeinsam Verantwortlicher',
    controller: 'Verantwortlicher',
    'public-authority': 'Behörde',
    'organisation-processor': 'Auftragsverarbeiter',
  },
};

type Anchor = RetentionAnchor;
const anchorWords: Record<RecordLanguage, Record<Exclude<Anchor, 'event'>, string>> = {
  en: {
    collection: 'after collection',
    'end-of-contract': 'after the end of the contract',
    'last-contact': 'after the last meaningful contact',
    receipt: 'after receipt',
    'end-of-legal-period': 'after the end of the legal retention period',
    'consent-withdrawn': 'after consent is withdrawn',
  },
  nl: {
    collection: 'na de verzameling',
    'end-of-contract': 'na het einde van de overeenkomst',
    'last-contact': 'na het laatste betekenisvolle contact',
    receipt: 'na ontvangst',
    'end-of-legal-period': 'na het einde van de wettelijke bewaartermijn',
    'consent-withdrawn': 'na intrekking van de toestemming',
  },
  fr: {
    collection: 'après la collecte',
    'end-of-contract': 'après la fin du contrat',
    'last-contact': 'après le dernier contact significatif',
    receipt: 'après réception',
    'end-of-legal-period': 'après la fin de la durée légale de conservation',
    'consent-withdrawn': 'après le retrait du consentement',
  },
  de: {
    collection: 'nach der Erhebung',
    'end-of-contract': 'nach Vertragsende',
    'last-contact': 'nach dem letzten maßgeblichen Kontakt',
    receipt: 'nach Eingang',
    'end-of-legal-period': 'nach Ablauf der gesetzlichen Aufbewahrungsfrist',
    'consent-withdrawn': 'nach Widerruf der Einwilligung',
  },
};

const units: Record<RecordLanguage, Record<keyof Duration, [string, string]>> = {
  en: { years: ['year', 'years'], months: ['month', 'months'], weeks: ['week', 'weeks'], days: ['day', 'days'] },
  nl: { years: ['jaar', 'jaar'], months: ['maand', 'maanden'], weeks: ['week', 'weken'], days: ['dag', 'dagen'] },
  fr: { years: ['an', 'ans'], months: ['mois', 'mois'], weeks: ['semaine', 'semaines'], days: ['jour', 'jours'] },
  de: { years: ['Jahr', 'Jahre'], months: ['Monat', 'Monate'], weeks: ['Woche', 'Wochen'], days: ['Tag', 'Tage'] },
};
const and: Record<RecordLanguage, string> = { en: 'and', nl: 'en', fr: 'et', de: 'und' };

/** "3 years", "1 jaar en 6 maanden", "2 ans", "13 Monate". */
export function durationInWords(value: Duration, language: RecordLanguage): string {
  const parts = (['years', 'months', 'weeks', 'days'] as const)
    .filter((unit) => value[unit] > 0)
    .map((unit) => `${value[unit]} ${units[language][unit][value[unit] === 1 ? 0 : 1]}`);
  if (parts.length === 0) return `0 ${units[language].days[1]}`;
  if (parts.length === 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${and[language]} ${parts[parts.length - 1]}`;
}

export function anchorInWords(
  rule: Pick<RetentionRule, 'from' | 'event'>,
  language: RecordLanguage,
  charter?: Charter,
): string {
  if (rule.from === undefined) return '';
  if (rule.from === 'event') {
    const event = localise(rule.event, language, charter);
    const after = { en: 'after', nl: 'na', fr: 'après', de: 'nach' }[language];
    return event ? `${after} ${event}` : after;
  }
  return anchorWords[language][rule.from];
}

export const retentionActionWords: Record<RecordLanguage, Record<'delete' | 'anonymise', string>> = {
  en: { delete: 'then deleted', anonymise: 'then anonymised' },
  nl: { delete: 'daarna gewist', anonymise: 'daarna geanonimiseerd' },
  fr: { delete: 'puis supprimées', anonymise: 'puis anonymisées' },
  de: { delete: 'danach gelöscht', anonymise: 'danach anonymisiert' },
};

/** Everything else the record writes: headings, field names, fixed phrases. */
export const recordTexts = {
  en: {
    organisationSheet: 'Organisation',
    controllerSheet: 'Controller record',
    processorSheet: 'Processor record',
    controllerTitle: 'Record of processing activities — controller (GDPR Art. 30(1))',
    processorTitle: 'Record of categories of processing activities — processor (GDPR Art. 30(2))',
    field: 'Field',
    value: 'Value',
    legalName: 'Name',
    tradeName: 'Trade name',
    companyNumber: 'Company number',
    address: 'Address',
    email: 'Email',
    phone: 'Telephone',
    web: 'Website',
    dpo: 'Data protection officer',
    representative: 'Representative in the EU',
    authority: 'Lead supervisory authority',
    role: 'Role',
    generated: 'Generated',
    revision: 'Charter revision',
    roles: { controller: 'controller', processor: 'processor', both: 'controller and processor' },
    columns: {
      reference: 'Ref.',
      activity: 'Processing activity',
      purpose: 'Purpose',
      legalBasis: 'Legal basis',
      interest: 'Legitimate interest or legal obligation',
      subjects: 'Categories of data subjects',
      data: 'Categories of personal data',
      recipients: 'Categories of recipients',
      transfers: 'Transfers to third countries and safeguards',
      retention: 'Retention period',
      security: 'Technical and organisational security measures',
      controller: 'Controller (customer)',
      controllerContact: 'Controller contact',
      processing: 'Categories of processing',
      subProcessors: 'Sub-processors',
      sources: 'Sources (where not from the data subject)',
    },
    sourceKinds: { subject: 'the data subject', 'third-party': 'a third party', public: 'publicly accessible sources' },
    none: 'None',
    noTransfer: 'No transfer outside the EEA',
    special: 'special category, Art. 9',
    criminal: 'criminal data, Art. 10',
    minimum: 'at least',
    maximum: 'at most',
    page: 'Page',
    of: 'of',
    invalid: 'NOT VALID',
    noMechanism: 'no transfer mechanism recorded',
    holdsBeyond: 'kept longer under legal hold',
    criteria: 'by criteria',
    notDecided: 'not decided yet',
    review: 'reviewed every',
  },
  nl: {
    organisationSheet: 'Organisatie',
    controllerSheet: 'Register verantwoordelijke',
    processorSheet: 'Register verwerker',
    controllerTitle: 'Register van verwerkingsactiviteiten — verwerkingsverantwoordelijke (art. 30, lid 1, AVG)',
    processorTitle: 'Register van categorieën van verwerkingsactiviteiten — verwerker (art. 30, lid 2, AVG)',
    field: 'Gegeven',
    value: 'Waarde',
    legalName: 'Naam',
    tradeName: 'Handelsnaam',
    companyNumber: 'Ondernemingsnummer',
    address: 'Adres',
    email: 'E-mail',
    phone: 'Telefoon',
    web: 'Website',
    dpo: 'Functionaris voor gegevensbescherming',
    representative: 'Vertegenwoordiger in de EU',
    authority: 'Leidende toezichthoudende autoriteit',
    role: 'Rol',
    generated: 'Opgemaakt op',
    revision: 'Versie van het charter',
    roles: {
      controller: 'verwerkingsverantwoordelijke',
      processor: 'verwerker',
      both: 'verwerkingsverantwoordelijke en verwerker',
    },
    columns: {
      reference: 'Ref.',
      activity: 'Verwerkingsactiviteit',
      purpose: 'Doeleinde',
      legalBasis: 'Rechtsgrond',
      interest: 'Gerechtvaardigd belang of wettelijke verplichting',
      subjects: 'Categorieën van betrokkenen',
      data: 'Categorieën van persoonsgegevens',
      recipients: 'Categorieën van ontvangers',
      transfers: 'Doorgiften naar derde landen en waarborgen',
      retention: 'Bewaartermijn',
      security: 'Technische en organisatorische beveiligingsmaatregelen',
      controller: 'Verwerkingsverantwoordelijke (klant)',
      controllerContact: 'Contactgegevens verantwoordelijke',
      processing: 'Categorieën van verwerkingen',
      subProcessors: 'Subverwerkers',
      sources: 'Herkomst van de gegevens (als niet van de betrokkene)',
    },
    sourceKinds: { subject: 'de betrokkene', 'third-party': 'een derde', public: 'openbaar toegankelijke bronnen' },
    none: 'Geen',
    noTransfer: 'Geen doorgifte buiten de EER',
    special: 'bijzondere categorie, art. 9',
    criminal: 'strafrechtelijke gegevens, art. 10',
    minimum: 'minstens',
    maximum: 'hoogstens',
    page: 'Pagina',
    of: 'van',
    invalid: 'NIET GELDIG',
    noMechanism: 'geen doorgiftemechanisme opgegeven',
    holdsBeyond: 'langer bewaard bij wettelijke bewaarplicht',
    criteria: 'volgens criteria',
    notDecided: 'nog niet bepaald',
    review: 'herzien om de',
  },
  fr: {
    organisationSheet: 'Organisation',
    controllerSheet: 'Registre responsable',
    processorSheet: 'Registre sous-traitant',
    controllerTitle: 'Registre des activités de traitement — responsable du traitement (art. 30.1 RGPD)',
    processorTitle: 'Registre des catégories d’activités de traitement — sous-traitant (art. 30.2 RGPD)',
    field: 'Rubrique',
    value: 'Valeur',
    legalName: 'Dénomination',
    tradeName: 'Nom commercial',
    companyNumber: "Numéro d'entreprise",
    address: 'Adresse',
    email: 'E-mail',
    phone: 'Téléphone',
    web: 'Site web',
    dpo: 'Délégué à la protection des données',
    representative: "Représentant dans l'UE",
    authority: 'Autorité de contrôle chef de file',
    role: 'Rôle',
    generated: 'Établi le',
    revision: 'Version de la charte',
    roles: {
      controller: 'responsable du traitement',
      processor: 'sous-traitant',
      both: 'responsable du traitement et sous-traitant',
    },
    columns: {
      reference: 'Réf.',
      activity: 'Activité de traitement',
      purpose: 'Finalité',
      legalBasis: 'Base juridique',
      interest: 'Intérêt légitime ou obligation légale',
      subjects: 'Catégories de personnes concernées',
      data: 'Catégories de données à caractère personnel',
      recipients: 'Catégories de destinataires',
      transfers: 'Transferts vers des pays tiers et garanties',
      retention: 'Durée de conservation',
      security: 'Mesures de sécurité techniques et organisationnelles',
      controller: 'Responsable du traitement (client)',
      controllerContact: 'Coordonnées du responsable',
      processing: 'Catégories de traitements',
      subProcessors: 'Sous-traitants ultérieurs',
      sources: 'Origine des données (si elles ne proviennent pas de la personne concernée)',
    },
    sourceKinds: {
      subject: 'la personne concernée',
      'third-party': 'un tiers',
      public: 'des sources accessibles au public',
    },
    none: 'Aucun',
    noTransfer: "Aucun transfert hors de l'EEE",
    special: 'catégorie particulière, art. 9',
    criminal: 'données pénales, art. 10',
    minimum: 'au moins',
    maximum: 'au plus',
    page: 'Page',
    of: 'sur',
    invalid: 'NON VALABLE',
    noMechanism: 'aucun mécanisme de transfert indiqué',
    holdsBeyond: 'conservées plus longtemps en cas d’obligation légale',
    criteria: 'selon des critères',
    notDecided: 'pas encore fixée',
    review: 'réexaminée tous les',
  },
  de: {
    organisationSheet: 'Organisation',
    controllerSheet: 'Verzeichnis Verantwortlicher',
    processorSheet: 'Verzeichnis Auftragsverarb.',
    controllerTitle: 'Verzeichnis von Verarbeitungstätigkeiten — Verantwortlicher (Art. 30 Abs. 1 DSGVO)',
    processorTitle:
      'Verzeichnis aller Kategorien von Verarbeitungstätigkeiten — Auftragsverarbeiter (Art. 30 Abs. 2 DSGVO)',
    field: 'Angabe',
    value: 'Wert',
    legalName: 'Name',
    tradeName: 'Handelsname',
    companyNumber: 'Unternehmensnummer',
    address: 'Anschrift',
    email: 'E-Mail',
    phone: 'Telefon',
    web: 'Website',
    dpo: 'Datenschutzbeauftragter',
    representative: 'Vertreter in der EU',
    authority: 'Federführende Aufsichtsbehörde',
    role: 'Rolle',
    generated: 'Erstellt am',
    revision: 'Version der Charta',
    roles: {
      controller: 'Verantwortlicher',
      processor: 'Auftragsverarbeiter',
      both: 'Verantwortlicher und Auftragsverarbeiter',
    },
    columns: {
      reference: 'Nr.',
      activity: 'Verarbeitungstätigkeit',
      purpose: 'Zweck',
      legalBasis: 'Rechtsgrundlage',
      interest: 'Berechtigtes Interesse oder rechtliche Verpflichtung',
      subjects: 'Kategorien betroffener Personen',
      data: 'Kategorien personenbezogener Daten',
      recipients: 'Kategorien von Empfängern',
      transfers: 'Übermittlungen an Drittländer und Garantien',
      retention: 'Löschfristen',
      security: 'Technische und organisatorische Maßnahmen',
      controller: 'Verantwortlicher (Kunde)',
      controllerContact: 'Kontakt des Verantwortlichen',
      processing: 'Kategorien von Verarbeitungen',
      subProcessors: 'Unterauftragsverarbeiter',
      sources: 'Herkunft der Daten (wenn nicht von der betroffenen Person)',
    },
    sourceKinds: {
      subject: 'die betroffene Person',
      'third-party': 'ein Dritter',
      public: 'öffentlich zugängliche Quellen',
    },
    none: 'Keine',
    noTransfer: 'Keine Übermittlung außerhalb des EWR',
    special: 'besondere Kategorie, Art. 9',
    criminal: 'strafrechtliche Daten, Art. 10',
    minimum: 'mindestens',
    maximum: 'höchstens',
    page: 'Seite',
    of: 'von',
    invalid: 'NICHT GÜLTIG',
    noMechanism: 'kein Übermittlungsmechanismus angegeben',
    holdsBeyond: 'bei gesetzlicher Aufbewahrungspflicht länger aufbewahrt',
    criteria: 'nach Kriterien',
    notDecided: 'noch nicht festgelegt',
    review: 'überprüft alle',
  },
} as const satisfies Record<RecordLanguage, unknown>;
