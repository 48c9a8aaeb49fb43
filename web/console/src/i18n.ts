/**
 * Console languages (EN, NL, FR): the choice is remembered in localStorage and sets <html lang>. Each page keeps its
 * own texts beside it as `{ en: {...}, nl: {...}, fr: {...} }` and reads them with `useTexts(table)`.
 */
import { createContext, useContext } from 'react';

export const languages = ['en', 'nl', 'fr', 'de'] as const;
export type Language = (typeof languages)[number];
/** A page's texts. German is being added page by page: until a page has it, that page shows English. */
export type Texts<T> = Record<Exclude<Language, 'de'>, T> & { de?: T };

export const languageNames: Record<Language, string> = { en: 'English', nl: 'Nederlands', fr: 'Français', de: 'Deutsch' };

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
  return table[useLanguage().language] ?? table.en;
}

/** Dates and times in the console's language. */
export function formatDateTime(value: string | null | undefined, language: Language): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}
