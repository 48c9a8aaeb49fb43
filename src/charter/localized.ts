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
export function defaultText(
  text: Text,
  charter: { languages: readonly Language[]; defaultLanguage?: Language | undefined },
): string {
  return textFor(text, charter.defaultLanguage ?? charter.languages[0] ?? 'en', charter.languages);
}

/** A legal hold as the engines (stores, retention) read it: its law as one string, for run reports and plans. */
export interface EngineHold {
  id: string;
  law: string;
  duration?: string | undefined;
}

/**
 * The charter's legal holds with each law in the charter's default language. The law may be written per language
 * for the notice; the engines only name it in operator reports, which are in one language.
 */
export function engineHolds(charter: {
  holds: readonly { id: string; law: Text; duration?: string | undefined }[];
  languages?: readonly Language[];
  defaultLanguage?: Language | undefined;
}): EngineHold[] {
  const languages = { languages: charter.languages ?? [], defaultLanguage: charter.defaultLanguage };
  return charter.holds.map((hold) => ({
    id: hold.id,
    law: defaultText(hold.law, languages),
    ...(hold.duration !== undefined ? { duration: hold.duration } : {}),
  }));
}

type NamedCharter = {
  organisation: { legalName: Text; tradeName?: string | undefined };
  languages: readonly Language[];
  defaultLanguage?: Language | undefined;
};

/** The organisation's legal name in `language` (the legal name may be given per language). */
export function legalNameIn(charter: NamedCharter, language: Language): string {
  return textFor(charter.organisation.legalName, language, charter.languages);
}

/** The name a reader in `language` knows the organisation by: its trade name, else its legal name in that language. */
export function organisationName(charter: NamedCharter, language: Language): string {
  return charter.organisation.tradeName ?? legalNameIn(charter, language);
}
