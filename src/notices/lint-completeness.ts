/**
 * Art. 13/14 completeness: the items every notice must carry, which ones a built notice lacks, and the rule that
 * reports what the notice cannot state from the charter.
 */
import type { LintFinding, LintRule } from '../charter/lint.js';
import type { IssuePath } from '../charter/references.js';
import type { Charter } from '../charter/schema.js';
import { hasSourceElsewhere, purposeSources } from '../charter/sources.js';
import { buildNotice } from './build-notice.js';
import type { NoticeDocument } from './document.js';
import { finding } from './lint-support.js';

/** The Art. 13 items every privacy notice must show, and the Art. 14 items when a purpose's data comes from elsewhere. */
export const article13Items = [
  '13(1)(a)',
  '13(1)(b)',
  '13(1)(c)',
  '13(1)(d)',
  '13(1)(e)',
  '13(1)(f)',
  '13(2)(a)',
  '13(2)(b)',
  '13(2)(c)',
  '13(2)(d)',
  '13(2)(e)',
  '13(2)(f)',
] as const;
export const article14Items = ['14(1)(d)', '14(2)(f)'] as const;

/** The items a notice of this charter must carry: Art. 13 always, Art. 14 when some data is not obtained from the person. */
export function requiredItems(charter: Charter, siteId: string): string[] {
  const site = charter.sites.find((s) => s.id === siteId);
  const purposes = site?.purposes ? charter.purposes.filter((p) => site.purposes?.includes(p.id)) : charter.purposes;
  return [...article13Items, ...(purposes.some(hasSourceElsewhere) ? article14Items : [])];
}

/** Whether a section carries text (not only headings). */
function sectionText(document: NoticeDocument, item: string): string {
  return document.sections
    .filter((s) => s.gdpr.includes(item))
    .flatMap((s) => s.blocks)
    .map((block) => JSON.stringify(block))
    .join('');
}

/** The items a built notice lacks (no section for the item, or an empty one). */
export function missingItems(document: NoticeDocument, required: readonly string[]): string[] {
  return required.filter((item) => sectionText(document, item).replace(/[^\p{L}\p{N}]/gu, '').length === 0);
}

/**
 * Art. 13/14 items the notice cannot state from this charter: no way to exercise rights, a DPO or representative
 * without contact details, automated decisions without their logic, a requirement without its consequence, data from
 * elsewhere without its source — and, as a guard, any required item the built notice lacks.
 */
export const noticeCompletenessRule: LintRule = (charter) => {
  const findings: LintFinding[] = [];
  const rule = 'notice-missing-item';
  const channels = charter.rights.channels;
  if (!channels.web && !channels.email && !channels.post && !channels.phone) {
    findings.push(
      finding(
        rule,
        'error',
        'GDPR Art. 12(2), 13(2)(b)',
        ['rights', 'channels'],
        'the notice cannot say how to exercise rights: declare at least one channel (web, email, post or phone)',
      ),
    );
  }
  const person = (value: { email?: string | undefined; phone?: string | undefined; address?: unknown } | undefined) =>
    Boolean(value?.email || value?.phone || value?.address);
  if (charter.organisation.dpo && !person(charter.organisation.dpo)) {
    findings.push(
      finding(
        rule,
        'error',
        'GDPR Art. 13(1)(b), 37(7)',
        ['organisation', 'dpo'],
        'a data protection officer is declared without any contact details (email, phone or address)',
      ),
    );
  }
  if (charter.organisation.representative && !person(charter.organisation.representative)) {
    findings.push(
      finding(
        rule,
        'error',
        'GDPR Art. 13(1)(a), 27',
        ['organisation', 'representative'],
        'an EU representative is declared without any contact details (email, phone or address)',
      ),
    );
  }
  charter.purposes.forEach((purpose, p) => {
    if (
      purpose.automatedDecisions.exists &&
      (!purpose.automatedDecisions.logic || !purpose.automatedDecisions.consequences)
    ) {
      findings.push(
        finding(
          rule,
          'error',
          'GDPR Art. 13(2)(f)',
          ['purposes', p, 'automatedDecisions'],
          `${purpose.id}: automated decisions need meaningful information about the logic involved and the envisaged consequences (logic and consequences)`,
        ),
      );
    }
    if (purpose.requirement.kind !== 'none' && !purpose.requirement.consequence) {
      findings.push(
        finding(
          rule,
          'warning',
          'GDPR Art. 13(2)(e)',
          ['purposes', p, 'requirement'],
          `${purpose.id}: the data is required (${purpose.requirement.kind}) but the notice cannot say what happens if it is not given (consequence)`,
        ),
      );
    }
    purposeSources(purpose).forEach((source, i) => {
      if (source.kind !== 'subject' && !source.description) {
        const path: IssuePath = Array.isArray(purpose.source)
          ? ['purposes', p, 'source', i]
          : ['purposes', p, 'source'];
        findings.push(
          finding(
            rule,
            'warning',
            'GDPR Art. 14(2)(f)',
            path,
            `${purpose.id}: the data does not come from the person, but the source is not described`,
          ),
        );
      }
    });
  });
  // Guard: every required item present and non-empty in every notice the charter produces.
  charter.sites.forEach((site, s) => {
    for (const language of site.languages ?? charter.languages) {
      const missing = missingItems(buildNotice(charter, site.id, language), requiredItems(charter, site.id));
      if (missing.length)
        findings.push(
          finding(
            rule,
            'error',
            'GDPR Art. 13, 14',
            ['sites', s],
            `the ${language} notice of site "${site.id}" lacks: ${missing.join(', ')}`,
          ),
        );
    }
  });
  return findings;
};
