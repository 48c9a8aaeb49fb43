/**
 * A charter text (`textSchema`: one string, or one per language) in one language: the text in that language, else in
 * the charter's own languages in order, else in any language given. For places outside the notice that show a
 * charter's name or text (records, mails, the banner, lint messages).
 */
import type { Language, Text } from './schema.js';

/**
 * @example
 * textFor({ en: 'IT service providers', nl: 'IT-dienstverleners' }, 'nl'); // "IT-dienstverleners"
 * textFor('Mollie', 'fr'); // "Mollie"
 */
export function textFor(text: Text, language: Language, fallback: readonly Language[] = []): string {
  if (typeof text === 'string') return text;
  for (const candidate of [language, ...fallback, 'en', 'nl', 'fr', 'de'] as const) {
    const value = text[candidate];
    if (value) return value;
  }
  return '';
}

/** The text in the charter's default language, for messages that are not in a reader's language (lint, logs, CLI). */
export function defaultText(text: Text, charter: { languages: readonly Language[]; defaultLanguage?: Language | undefined }): string {
  return textFor(text, charter.defaultLanguage ?? charter.languages[0] ?? 'en', charter.languages);
}
