/**
 * Lint findings for people: what each rule means, in EN/NL/FR/DE, and where a finding is told in words ("Purpose
 * 'Newsletter' → retention") instead of the path `purposes[3].retention`. Pure and free of dependencies, so the
 * console (editor, overview) and the server share one table.
 */
export type FindingLanguage = 'en' | 'nl' | 'fr' | 'de';

type Table = Record<FindingLanguage, string>;

/** One sentence per lint rule saying what is wrong; the rule's detailed message (English) adds the specifics. */
export const ruleTitles: Record<string, Table> = {
  'invalid-transfer-mechanism': {
    en: 'This transfer mechanism is not valid (any more, or not yet).',
    nl: 'Dit doorgiftemechanisme is niet (meer of nog niet) geldig.',
    fr: 'Ce mécanisme de transfert n’est pas (plus ou pas encore) valable.',
    de: 'Dieser Übermittlungsmechanismus ist nicht (mehr oder noch nicht) gültig.',
  },
  'transfer-mechanism-mismatch': {
    en: 'The transfer mechanism does not fit the recipient’s country.',
    nl: 'Het doorgiftemechanisme past niet bij het land van de ontvanger.',
    fr: 'Le mécanisme de transfert ne convient pas au pays du destinataire.',
    de: 'Der Übermittlungsmechanismus passt nicht zum Land des Empfängers.',
  },
  'transfer-without-mechanism': {
    en: 'A recipient outside the EEA has no transfer mechanism.',
    nl: 'Een ontvanger buiten de EER heeft geen doorgiftemechanisme.',
    fr: 'Un destinataire hors de l’EEE n’a pas de mécanisme de transfert.',
    de: 'Ein Empfänger außerhalb des EWR hat keinen Übermittlungsmechanismus.',
  },
  'processor-without-dpa': {
    en: 'A processor without the date of its data processing agreement.',
    nl: 'Een verwerker zonder datum van de verwerkersovereenkomst.',
    fr: 'Un sous-traitant sans date de contrat de sous-traitance.',
    de: 'Ein Auftragsverarbeiter ohne Datum des Auftragsverarbeitungsvertrags.',
  },
  'cookie-over-13-months': {
    en: 'A cookie that lives longer than 13 months.',
    nl: 'Een cookie die langer dan 13 maanden bewaard wordt.',
    fr: 'Un cookie dont la durée dépasse 13 mois.',
    de: 'Ein Cookie, das länger als 13 Monate gespeichert wird.',
  },
  'notice-missing-item': {
    en: 'The privacy notice cannot state something the law requires.',
    nl: 'De privacyverklaring kan iets niet vermelden dat de wet vereist.',
    fr: 'La déclaration de confidentialité ne peut pas indiquer une information exigée par la loi.',
    de: 'Die Datenschutzerklärung kann eine gesetzlich vorgeschriebene Angabe nicht machen.',
  },
  'notice-untranslated': {
    en: 'A text is missing in a language the site shows.',
    nl: 'Een tekst ontbreekt in een taal die de website toont.',
    fr: 'Un texte manque dans une langue que le site affiche.',
    de: 'Ein Text fehlt in einer Sprache, die die Website anzeigt.',
  },
  'weak-legitimate-interest': {
    en: 'The legitimate interest does not say what the interest is.',
    nl: 'Het gerechtvaardigd belang zegt niet wat het belang is.',
    fr: 'L’intérêt légitime ne dit pas en quoi consiste l’intérêt.',
    de: 'Das berechtigte Interesse sagt nicht, worin das Interesse besteht.',
  },
  'consent-without-withdrawal-route': {
    en: 'Consent cannot be withdrawn as easily as it is given.',
    nl: 'Toestemming kan niet even gemakkelijk worden ingetrokken als gegeven.',
    fr: 'Le consentement ne peut pas être retiré aussi facilement qu’il est donné.',
    de: 'Die Einwilligung kann nicht so einfach widerrufen werden, wie sie erteilt wird.',
  },
  placeholder: {
    en: 'A text still holds a placeholder (TODO, TBD, <…>, lorem ipsum).',
    nl: 'Een tekst bevat nog een tijdelijke aanduiding (TODO, TBD, <…>, lorem ipsum).',
    fr: 'Un texte contient encore un espace réservé (TODO, TBD, <…>, lorem ipsum).',
    de: 'Ein Text enthält noch einen Platzhalter (TODO, TBD, <…>, Lorem ipsum).',
  },
  'outdated-reference': {
    en: 'A text cites a law, authority or mechanism that no longer exists.',
    nl: 'Een tekst verwijst naar een wet, autoriteit of mechanisme dat niet meer bestaat.',
    fr: 'Un texte cite une loi, une autorité ou un mécanisme qui n’existe plus.',
    de: 'Ein Text nennt ein Gesetz, eine Behörde oder einen Mechanismus, die es nicht mehr gibt.',
  },
  'retention-not-executed': {
    en: 'No mapped database carries out this retention period.',
    nl: 'Geen gekoppelde database voert deze bewaartermijn uit.',
    fr: 'Aucune base de données reliée n’applique cette durée de conservation.',
    de: 'Keine angebundene Datenbank setzt diese Aufbewahrungsfrist um.',
  },
  'store-category-not-in-notice': {
    en: 'A database column holds data the notice does not mention.',
    nl: 'Een databasekolom bevat gegevens die de verklaring niet vermeldt.',
    fr: 'Une colonne de base de données contient des données que la déclaration ne mentionne pas.',
    de: 'Eine Datenbankspalte enthält Daten, die die Erklärung nicht nennt.',
  },
  'child-age-below-threshold': {
    en: 'A minimum age is below what the country’s law allows.',
    nl: 'Een minimumleeftijd ligt onder wat de wet van het land toelaat.',
    fr: 'Un âge minimum est inférieur à ce que permet la loi du pays.',
    de: 'Ein Mindestalter liegt unter dem, was das Recht des Landes erlaubt.',
  },
  'obsolete-traverse': {
    en: 'A store reference uses a setting that is no longer needed.',
    nl: 'Een verwijzing in een database gebruikt een instelling die niet meer nodig is.',
    fr: 'Une référence de base de données utilise un réglage devenu inutile.',
    de: 'Ein Verweis einer Datenbank nutzt eine Einstellung, die nicht mehr nötig ist.',
  },
  'ambiguous-identity': {
    en: 'A database table has two identity columns of one type and does not say which one names another person.',
    nl: 'Een databasetabel heeft twee identiteitskolommen van hetzelfde type en zegt niet welke een andere persoon noemt.',
    fr: 'Une table de base de données a deux colonnes d’identité du même type sans dire laquelle désigne une autre personne.',
    de: 'Eine Datenbanktabelle hat zwei Identitätsspalten desselben Typs und sagt nicht, welche eine andere Person nennt.',
  },
};

const fallbackTitle: Table = {
  en: 'A finding about the charter.',
  nl: 'Een bevinding over het charter.',
  fr: 'Un constat sur la charte.',
  de: 'Ein Befund zur Charta.',
};

/** What a rule means, in the language; rules added later fall back to a generic sentence (the message still says it). */
export function ruleTitle(rule: string, language: FindingLanguage): string {
  return (ruleTitles[rule] ?? fallbackTitle)[language];
}

/** Names of the charter's lists, singular, as a reader says them. */
const collectionNames: Record<string, Table> = {
  purposes: { en: 'Purpose', nl: 'Doel', fr: 'Finalité', de: 'Zweck' },
  recipients: { en: 'Recipient', nl: 'Ontvanger', fr: 'Destinataire', de: 'Empfänger' },
  subProcessors: {
    en: 'Sub-processor',
    nl: 'Subverwerker',
    fr: 'Sous-traitant ultérieur',
    de: 'Unterauftragsverarbeiter',
  },
  cookies: { en: 'Cookie', nl: 'Cookie', fr: 'Cookie', de: 'Cookie' },
  sites: { en: 'Site', nl: 'Website', fr: 'Site', de: 'Website' },
  subjects: { en: 'Data subjects', nl: 'Betrokkenen', fr: 'Personnes concernées', de: 'Betroffene' },
  data: { en: 'Data category', nl: 'Gegevenscategorie', fr: 'Catégorie de données', de: 'Datenkategorie' },
  holds: { en: 'Legal hold', nl: 'Wettelijke bewaarplicht', fr: 'Conservation légale', de: 'Aufbewahrungspflicht' },
  stores: { en: 'Database', nl: 'Database', fr: 'Base de données', de: 'Datenbank' },
  tables: { en: 'Table', nl: 'Tabel', fr: 'Table', de: 'Tabelle' },
  columns: { en: 'Column', nl: 'Kolom', fr: 'Colonne', de: 'Spalte' },
  references: { en: 'Reference', nl: 'Verwijzing', fr: 'Référence', de: 'Verweis' },
  categories: {
    en: 'Consent category',
    nl: 'Toestemmingscategorie',
    fr: 'Catégorie de consentement',
    de: 'Einwilligungskategorie',
  },
  customers: { en: 'Customer', nl: 'Klant', fr: 'Client', de: 'Kunde' },
  addresses: { en: 'Address', nl: 'Adres', fr: 'Adresse', de: 'Adresse' },
};

const sectionNames: Record<string, Table> = {
  organisation: { en: 'Organisation', nl: 'Organisatie', fr: 'Organisation', de: 'Organisation' },
  rights: { en: 'Rights', nl: 'Rechten', fr: 'Droits', de: 'Rechte' },
  consent: { en: 'Consent', nl: 'Toestemming', fr: 'Consentement', de: 'Einwilligung' },
  children: { en: 'Children', nl: 'Kinderen', fr: 'Enfants', de: 'Kinder' },
  stores: { en: 'Databases', nl: 'Databases', fr: 'Bases de données', de: 'Datenbanken' },
};

const documentName: Table = {
  en: 'The whole charter',
  nl: 'Het hele charter',
  fr: 'Toute la charte',
  de: 'Die ganze Charta',
};

/** `purposes[3].retention` → ['purposes', 3, 'retention']. */
export function parsePath(path: string): (string | number)[] {
  const steps: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    steps.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return steps;
}

function textOf(value: unknown, language: FindingLanguage): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const texts = value as Record<string, unknown>;
    const chosen = texts[language] ?? texts.en ?? Object.values(texts).find((t) => typeof t === 'string');
    return typeof chosen === 'string' ? chosen : undefined;
  }
  return undefined;
}

/** How an item of a list is called: its name (in the language), else its id, else its position. */
function itemName(item: unknown, index: number, language: FindingLanguage): string {
  const record = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
  const name =
    textOf(record.name, language) ??
    (typeof record.id === 'string' ? record.id : undefined) ??
    textOf(record.street, language);
  return name ? `‘${name}’` : `#${index + 1}`;
}

/**
 * Where a finding is, in words: each list item by its name, each remaining key as the charter spells it, joined by
 * arrows. `charter` is the parsed charter (or as much of it as parsed); names fall back to positions without it.
 *
 * @example
 * describeLocation(charter, 'purposes[3].retention', 'en'); // "Purpose ‘Newsletter’ → retention"
 */
export function describeLocation(charter: unknown, path: string, language: FindingLanguage): string {
  const steps = parsePath(path);
  if (steps.length === 0) return documentName[language];
  const parts: string[] = [];
  let node: unknown = charter;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const next = steps[i + 1];
    const child: unknown =
      node && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined;
    if (typeof step === 'string' && typeof next === 'number' && collectionNames[step]) {
      const item: unknown = Array.isArray(child) ? child[next] : undefined;
      parts.push(`${collectionNames[step][language]} ${itemName(item, next, language)}`);
      node = item;
      i++;
      continue;
    }
    if (typeof step === 'number') parts.push(`#${step + 1}`);
    else if (i === 0 && sectionNames[step]) parts.push(sectionNames[step][language]);
    else parts.push(step);
    node = child;
  }
  return parts.join(' → ');
}
