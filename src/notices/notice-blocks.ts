/**
 * The building blocks every section of the privacy notice is made of: where the notice's pages live, the context a
 * section is built in (site view, charter, language, texts), and small constructors for runs, links, paragraphs,
 * lists, addresses and definitions in the typographic conventions of the language.
 */
import type { Charter, Language } from '../charter/schema.js';
import { type Definition, type Inline, type LeafBlock, type Paragraph, text } from './document.js';
import { countryName, listFormat } from './phrasing.js';
import { type SiteView, resolveText } from './site-view.js';
import type { NoticeTexts } from './texts/index.js';

/** Where the notice's own pages live, relative to the server; renderers make them absolute where needed. */
export const noticePaths = {
  privacyCenter: (site: string, language: Language) => `/privacy/${site}?lang=${language}`,
  notice: (site: string, language: Language) => `/privacy/${site}/notice?lang=${language}`,
  cookies: (site: string, language: Language) => `/privacy/${site}/cookies?lang=${language}`,
  versions: (site: string, language: Language) => `/privacy/${site}/notice/versions?lang=${language}`,
};

export interface SectionContext {
  view: SiteView;
  charter: Charter;
  language: Language;
  t: NoticeTexts;
}

export const run = (value: string): Inline => ({ text: value });
export const link = (label: string, href: string): Inline => ({ text: label, href });
export const paragraph = (...runs: (Inline | string)[]): LeafBlock => ({
  type: 'paragraph',
  content: runs.map((r) => (typeof r === 'string' ? run(r) : r)),
});

/** Inline runs joined as a list in the language ("a, b and c"), keeping each run's own `lang`. */
export function listRuns(runs: Inline[], language: Language): Paragraph {
  let element = 0;
  return listFormat(language)
    .formatToParts(runs.map((r) => r.text))
    .map((part) => (part.type === 'element' ? (runs[element++] ?? run(part.value)) : run(part.value)));
}

/** "Label: " with the colon spacing of the language (French sets a no-break space before it). */
export function colon(label: string, language: Language): string {
  return language === 'fr' ? `${label}\u00a0: ` : `${label}: `;
}

export function mailto(email: string): Inline {
  return link(email, `mailto:${email}`);
}

export function tel(phone: string): Inline {
  return link(phone, `tel:${phone.replace(/[^+\d]/g, '')}`);
}

export function addressLines(
  address: {
    label?: Charter['organisation']['addresses'][number]['label'];
    street: string;
    postalCode: string;
    city: string;
    country: string;
  },
  context: SectionContext,
  name?: string,
): Paragraph[] {
  const lines: Paragraph[] = [];
  if (name) lines.push(text(name));
  if (address.label) lines.push([resolveText(address.label, context.language, context.charter)]);
  lines.push(
    text(address.street),
    text(`${address.postalCode} ${address.city}`),
    text(countryName(address.country, context.language)),
  );
  return lines;
}

export function definition(term: string, gdpr: string[], ...paragraphs: Paragraph[]): Definition {
  return { term, gdpr, paragraphs: paragraphs.filter((p) => p.length > 0) };
}

export function hasConsentCookies(view: SiteView): boolean {
  return view.cookies.some((c) => c.category !== 'necessary');
}
