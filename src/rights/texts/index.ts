/**
 * Every text of the privacy center, the requester's mails and the access report, in English, Dutch, French and
 * German (written for Charter, not machine-translated), one file per language. Placeholders are `{name}`; `fill`
 * substitutes them. Charter's own content (purpose names, holds, recipients) comes from the charter in the requester's
 * language.
 *
 * To add a language: write `xx.ts` beside en.ts (its `texts` typed `RightsTexts`, so a missing key does not compile,
 * and its `locale`), register it in `languages` below, and add its code to `languages` in src/charter/schema/common.ts.
 */
import { languages as charterLanguages, type Language, type Text } from '../../charter/schema.js';
import * as de from './de.js';
import * as en from './en.js';
import * as fr from './fr.js';
import * as nl from './nl.js';
import type { RightsTexts } from './types.js';

export type { RightsTexts } from './types.js';

export const uiLanguages = charterLanguages;

/** The registered languages: their texts and the locale their dates are written in. */
const languages: Record<Language, { texts: RightsTexts; locale: string }> = { en, nl, fr, de };

export const rightsTexts = Object.fromEntries(
  Object.entries(languages).map(([language, { texts }]) => [language, texts]),
) as Record<Language, RightsTexts>;

/** Substitutes `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A charter text in a language, falling back to the charter's default language, then to any language. */
export function localText(text: Text | undefined, language: Language, fallback: Language = 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? text[fallback] ?? Object.values(text).find(Boolean) ?? '';
}

/** A duration such as P10Y or P1Y6M in words. */
export function durationWords(
  value: { years: number; months: number; weeks: number; days: number },
  language: Language,
): string {
  const u = rightsTexts[language].units;
  const parts: string[] = [];
  const unit = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;
  if (value.years) parts.push(unit(value.years, u.year));
  if (value.months) parts.push(unit(value.months, u.month));
  if (value.weeks) parts.push(unit(value.weeks, u.week));
  if (value.days) parts.push(unit(value.days, u.day));
  if (parts.length <= 1) return parts[0] ?? unit(0, u.day);
  return `${parts.slice(0, -1).join(', ')} ${u.and} ${parts[parts.length - 1]}`;
}

// Formatters are costly to build; one per language and kind is kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, kind: 'date' | 'date-time'): Intl.DateTimeFormat {
  const key = `${language}:${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    format =
      kind === 'date'
        ? new Intl.DateTimeFormat(languages[language].locale, {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            timeZone: 'UTC',
          })
        : new Intl.DateTimeFormat(languages[language].locale, {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            timeZone: 'Europe/Brussels',
          });
    dateFormats.set(key, format);
  }
  return format;
}

/** A calendar date (`YYYY-MM-DD`) in words, e.g. "28 February 2025". */
export function dateWords(isoDate: string, language: Language): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return dateFormat(language, 'date').format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant as a date and time in Brussels, e.g. "3 April 2025, 10:00". */
export function dateTimeWords(instant: Date, language: Language): string {
  return dateFormat(language, 'date-time').format(instant);
}
