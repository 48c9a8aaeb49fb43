/**
 * What one site's notice covers: the charter seen from one site (its purposes, the recipients and cookies they use,
 * its languages), and the resolution of a charter text in a notice language, marking text that had to be taken from
 * another language so that screen readers pronounce it right and the lint can report the gap.
 */
import { findDataCategory } from '../charter/catalogs/data-taxonomy.js';
import { findTransferMechanism } from '../charter/catalogs/transfer-mechanisms.js';
import { findCountry, isInEea } from '../charter/catalogs/countries.js';
import type { Charter, Cookie, Language, Purpose, Recipient, Site, Text } from '../charter/schema.js';
import { notFound } from '../platform/errors.js';
import type { Inline } from './document.js';
import { startsWithProperNoun } from './phrasing.js';

export interface SiteView {
  charter: Charter;
  site: Site;
  languages: Language[];
  purposes: Purpose[];
  recipients: Recipient[];
  cookies: Cookie[];
}

/** The charter as one site shows it. Throws 404 for an unknown site id. */
export function siteView(charter: Charter, siteId: string): SiteView {
  const site = charter.sites.find((s) => s.id === siteId);
  if (!site) throw notFound('site');
  const purposes = site.purposes ? charter.purposes.filter((p) => site.purposes?.includes(p.id)) : charter.purposes;
  const cookies = site.cookies ? charter.cookies.filter((c) => site.cookies?.includes(c.name)) : charter.cookies;
  const used = new Set([...purposes.flatMap((p) => p.recipients), ...cookies.map((c) => c.vendor)]);
  const recipients = charter.recipients.filter((r) => used.has(r.id));
  return { charter, site, languages: site.languages ?? charter.languages, purposes, recipients, cookies };
}

/** The language a site's notice falls back to: the charter default if the site offers it, else its first language. */
export function defaultLanguageOf(view: Pick<SiteView, 'charter' | 'languages'>): Language {
  const preferred = view.charter.defaultLanguage;
  return preferred && view.languages.includes(preferred) ? preferred : (view.languages[0] ?? 'en');
}

/**
 * A charter text in `language`. A text given as one string is taken as written in every language. When the
 * language is missing, the charter's default language (or the first one given) is used and the run is marked with
 * its `lang`, so the reader's software knows and the lint can report the missing translation.
 */
export function resolveText(text: Text, language: Language, charter: Charter): Inline {
  if (typeof text === 'string') return { text };
  const own = text[language];
  if (own) return { text: own };
  const order: Language[] = [charter.defaultLanguage ?? 'en', ...charter.languages, 'en', 'nl', 'fr', 'de'];
  for (const candidate of order) {
    const value = text[candidate];
    if (value) return { text: value, lang: candidate };
  }
  // The schema guarantees at least one language; this keeps the type total.
  return { text: '' };
}

/** The plain string of a charter text in `language` (for table cells and sentences built around it). */
export function textIn(text: Text | undefined, language: Language, charter: Charter): string | undefined {
  return text === undefined ? undefined : resolveText(text, language, charter).text;
}

/** The name of a data category: the charter's own name, else the shipped taxonomy's, else its id. */
export function dataCategoryName(id: string, language: Language, charter: Charter): Inline {
  const declared = charter.data.find((d) => d.id === id);
  if (declared?.name) return resolveText(declared.name, language, charter);
  const shipped = findDataCategory(id);
  return { text: shipped ? shipped.name[language] : id };
}

/**
 * The proper nouns a charter declares: its organisation, group entities, sites, recipients and their sub-processors,
 * customers and laws. A text that starts with one keeps its case inside a sentence ("Mollie", never "mollie").
 */
export function properNouns(charter: Charter): string[] {
  const organisation = charter.organisation;
  // Every language's form counts: a name given per language ({ en: Mollie, nl: Mollie }) is as proper as a plain one.
  // Dropping those kept "Mollie" in one-string charters but lower-cased it in per-language ones.
  const forms = (name: Text | undefined): (string | undefined)[] =>
    name === undefined || typeof name === 'string' ? [name] : Object.values(name);
  return [
    ...forms(organisation.legalName),
    organisation.tradeName,
    ...(organisation.group ?? []).flatMap((g) => forms(g.legalName)),
    ...charter.sites.map((s) => s.name),
    ...charter.recipients.flatMap((r) => [...forms(r.name), ...r.subProcessors.flatMap((sub) => forms(sub.name))]),
    ...charter.customers.map((c) => c.name),
    ...charter.holds.flatMap((h) => forms(h.law)),
  ].filter((name): name is string => typeof name === 'string' && name.length > 0);
}

/**
 * A name used inside a sentence: lower-case first letter, except in German (nouns), for acronyms ("IP address") and
 * for a text that starts with a proper noun the charter declares (pass the charter).
 */
export function inSentence(inline: Inline, language: Language, charter?: Charter): Inline {
  if (language === 'de' || inline.text.length < 2) return inline;
  if (charter && startsWithProperNoun(inline.text, properNouns(charter))) return inline;
  const second = inline.text.charAt(1);
  if (second !== second.toLowerCase()) return inline;
  return { ...inline, text: inline.text.charAt(0).toLowerCase() + inline.text.slice(1) };
}

export function subjectName(id: string, language: Language, charter: Charter): Inline {
  const subject = charter.subjects.find((s) => s.id === id);
  return subject ? resolveText(subject.name, language, charter) : { text: id };
}

export function purposeName(purpose: Purpose, language: Language, charter: Charter): Inline {
  return resolveText(purpose.name, language, charter);
}

/**
 * The safeguard a transfer to `country` rests on, in the notice language: the declared mechanism, or the adequacy
 * decision a country enjoys, or undefined when the recipient is outside the EEA with nothing declared.
 */
export function safeguardName(country: string, transfer: string | undefined, language: Language): string | undefined {
  const mechanism = transfer ? findTransferMechanism(transfer) : undefined;
  if (mechanism) return mechanism.name[language];
  if (isInEea(country)) return findTransferMechanism('none-needed')?.name[language];
  if (findCountry(country)?.adequacy === 'adequate') return findTransferMechanism('adequacy')?.name[language];
  return undefined;
}

/** Whether a recipient (or sub-processor) in `country` means a transfer under Chapter V. */
export function isTransfer(country: string): boolean {
  return !isInEea(country);
}
