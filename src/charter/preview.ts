/**
 * What publishing a charter would change for readers: per site of the new charter and per language it shows, the
 * changes to its privacy notice and cookie policy in words (the notice diff), plus the sites that appear or go away.
 * Pure over two charters; the editor's preview route and the console present it before anything is published.
 */
import { diffDocuments, type NoticeChange } from '../notices/diff.js';
import type { Charter, Language } from './schema.js';

export interface SitePreview {
  site: string;
  name: string;
  /** The site did not exist in the active charter: its notice will be a first version, nothing "changes". */
  added: boolean;
  languages: { language: Language; notice: NoticeChange[]; cookies: NoticeChange[] }[];
}

export interface CharterPreview {
  sites: SitePreview[];
  /** Site ids the active charter has and the new one drops: their notices stop being served. */
  removedSites: string[];
}

/** The reader-facing changes from `before` (the active charter, if any) to `after`. */
export function previewCharter(before: Charter | undefined, after: Charter): CharterPreview {
  const sites = after.sites.map((site): SitePreview => {
    const added = !before?.sites.some((s) => s.id === site.id);
    const languages = (site.languages ?? after.languages).map((language) => ({
      language,
      notice: added ? [] : diffDocuments('privacy-notice', before, after, site.id, language),
      cookies: added ? [] : diffDocuments('cookie-policy', before, after, site.id, language),
    }));
    return { site: site.id, name: site.name, added, languages };
  });
  const kept = new Set(after.sites.map((s) => s.id));
  return { sites, removedSites: (before?.sites ?? []).map((s) => s.id).filter((id) => !kept.has(id)) };
}
