/**
 * Helpers for notice tests: a test charter offered in all four languages, and a section's text.
 */
import { languages, type Charter } from '../../src/charter/schema.js';
import { blockRuns, type NoticeDocument } from '../../src/notices/document.js';
import { buildCharter } from './charter.js';

/** The test charter with every language on every site, so that each language file is exercised. */
export function buildCharterInEveryLanguage(edit?: (charter: Charter) => void): Charter {
  return buildCharter((charter) => {
    charter.languages = [...languages];
    charter.sites = charter.sites.map((site) => ({ ...site, languages: [...languages] }));
    edit?.(charter);
  });
}

/** The text of every run of a section, joined by spaces; empty for a section the document does not have. */
export function noticeSectionText(document: NoticeDocument, id: string): string {
  return blockRuns(document.sections.find((s) => s.id === id)?.blocks ?? [])
    .map((r) => r.text)
    .join(' ');
}
