/**
 * The consultancy-group example (issue 18, "How we know"): it validates, lints without errors, renders in every
 * language, and its new fields reach the notice and the records: per-language legal names, several sources, criteria
 * retention, the joint controller's arrangement, the DPO and the Art. 30(2) record.
 */
import { describe, expect, it } from 'vitest';
import { noticeSectionText as sectionText } from '../../test/support/notices.js';
import { loadCharterFile } from '../charter/template-files.js';
import { lintCharter } from '../lint.js';
import type { Charter } from '../charter/schema.js';
import { projectFile } from '../platform/project.js';
import { deriveRecords } from '../records/record.js';
import { centerPage } from '../rights/pages.js';
import { buildCookiePolicy } from './build-cookie-policy.js';
import { buildNotice } from './build-notice.js';
import { renderMarkdown } from './render-markdown.js';

async function meridian(): Promise<Charter> {
  const loaded = await loadCharterFile(projectFile('examples/meridian-group/charter.yaml'));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.charter;
}

const legalNames = { en: 'Meridian Advisory Ltd', nl: 'Meridian Advies BV', fr: 'Meridian Conseil SRL' } as const;

describe('the meridian-group example', () => {
  it('validates and lints without errors', async () => {
    expect(
      lintCharter(await meridian(), { now: new Date('2026-12-01') }).filter((f) => f.severity === 'error'),
    ).toEqual([]);
  });

  it('renders the notice and the cookie policy in each of its languages, with the legal name of that language', async () => {
    const charter = await meridian();
    for (const language of charter.languages) {
      const notice = buildNotice(charter, 'main', language);
      expect(renderMarkdown(notice)).toContain(legalNames[language as keyof typeof legalNames]);
      expect(renderMarkdown(buildCookiePolicy(charter, 'main', language)).length).toBeGreaterThan(0);
    }
  });

  it('states both sources, the criteria, the arrangement and the DPO in the notice', async () => {
    const charter = await meridian();
    const notice = buildNotice(charter, 'main', 'nl');
    expect(sectionText(notice, 'sources')).toContain('de organisatie waarvoor u werkt');
    expect(sectionText(notice, 'purposes')).toContain('Deze gegevens krijgen we van u.');
    expect(sectionText(notice, 'purposes')).toContain('zolang de opdracht loopt');
    expect(sectionText(notice, 'purposes')).toContain('Wetboek van economisch recht, art. III.88');
    const markdown = renderMarkdown(notice);
    expect(markdown).toContain('Meridian Zuid BV');
    expect(markdown).toContain('Meridian Zuid volgt zijn instructies');
    expect(markdown).toContain('dpo@meridian.example');
  });

  it('carries the sources, the legal name and the processor record into the records', async () => {
    const records = deriveRecords(await meridian(), { language: 'fr', now: new Date('2026-12-01') });
    expect(records.keeper.legalName).toBe('Meridian Conseil SRL');
    expect(records.controller[0]?.sources).toEqual([
      "Personnes de contact de nos clients: un tiers (l'organisation pour laquelle vous travaillez, lorsqu'elle nous confie une mission)",
      'Clients particuliers: la personne concernée',
    ]);
    expect(records.processor?.map((p) => p.id)).toEqual(['payroll-clients']);
  });

  it('names the organisation by its legal name in the privacy center of each language', async () => {
    const charter = await meridian();
    const site = charter.sites[0]!;
    for (const language of ['nl', 'fr'] as const) {
      const page = centerPage({ charter, site, language, languages: charter.languages, banner: false });
      expect(page).toContain(legalNames[language]);
      expect(page).not.toContain('[object Object]');
    }
  });
});
