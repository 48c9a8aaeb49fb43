/**
 * Console languages (EN, NL, FR, DE): the choice is remembered in localStorage and sets <html lang>. Each page keeps its
 * own texts beside it as `{ en: {...}, nl: {...}, fr: {...}, de: {...} }` and reads them with `useTexts(table)`.
 */
import { createContext, useContext } from 'react';

export const languages = ['en', 'nl', 'fr', 'de'] as const;
export type Language = (typeof languages)[number];
/** A page's texts: every console language is required, so a missing translation fails the type check. */
export type Texts<T> = Record<Language, T>;

export const languageNames: Record<Language, string> = {
  en: 'English',
  nl: 'Nederlands',
  fr: 'Français',
  de: 'Deutsch',
};

const storageKey = 'charter.console.language';

export function initialLanguage(): Language {
  const stored = window.localStorage.getItem(storageKey);
  if (stored && (languages as readonly string[]).includes(stored)) return stored as Language;
  const browser = navigator.language.slice(0, 2).toLowerCase();
  return (languages as readonly string[]).includes(browser) ? (browser as Language) : 'en';
}

export function rememberLanguage(language: Language) {
  window.localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
}

export const LanguageContext = createContext<{ language: Language; setLanguage: (language: Language) => void }>({
  language: 'en',
  setLanguage: () => {},
});

export function useLanguage() {
  return useContext(LanguageContext);
}

/** The texts of the current language from a page's table. */
export function useTexts<T>(table: Texts<T>): T {
  return table[useLanguage().language];
}

/**
 * The singular or plural word for `count` in `language` (Intl.PluralRules: French counts 0 and 1 as singular).
 * Console languages know only the `one` and `other` categories for cardinals.
 */
export function plural(language: Language, count: number, one: string, other: string): string {
  return new Intl.PluralRules(language).select(count) === 'one' ? one : other;
}

/** `count` and its noun in the right number: `1 request`, `2 requests`, `0 demande`. */
export function countOf(language: Language, count: number, one: string, other: string): string {
  return `${new Intl.NumberFormat(language === 'en' ? 'en-GB' : language).format(count)} ${plural(language, count, one, other)}`;
}

/** Dates and times in the console's language. */
export function formatDateTime(value: string | null | undefined, language: Language): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
}

/** A calendar day (`2026-12-04` or an instant) in the console's language, without the time. */
export function formatDate(value: string | null | undefined, language: Language): string {
  if (!value) return '—';
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = dayOnly ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(
    language === 'en' ? 'en-GB' : language,
    dayOnly ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium' },
  ).format(date);
}

/**
 * ISO 8601 durations in words through Intl ("P10Y" → "10 years", "10 jaar", "10 ans", "10 Jahre"; "P1Y6M" → "1 year
 * 6 months"). Anything else (a time part, a fraction) is returned as it is rather than guessed.
 */
export function formatIsoDuration(value: string, language: Language): string {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(value);
  if (!match) return value;
  const units = ['year', 'month', 'week', 'day'] as const;
  const parts = units.flatMap((unit, i) => {
    const n = Number(match[i + 1] ?? 0);
    return n ? [new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(n)] : [];
  });
  return parts.join(' ') || value;
}
