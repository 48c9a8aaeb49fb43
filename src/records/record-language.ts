/** Which language a record is written in when none is asked: the charter's default (when we write it), else English. */
import type { Charter } from '../charter/schema.js';
import { recordLanguages, type RecordLanguage } from './i18n.js';

export function recordLanguage(charter: Charter, asked?: RecordLanguage): RecordLanguage {
  if (asked) return asked;
  const preferred = [charter.defaultLanguage, ...charter.languages].find(
    (l): l is RecordLanguage => l !== undefined && (recordLanguages as readonly string[]).includes(l),
  );
  return preferred ?? 'en';
}
