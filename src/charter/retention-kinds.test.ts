/**
 * Retention by criteria (issue 18, item 3): a rule is a duration from an event, criteria with the event they run from
 * and an optional review, or "not decided". The loader, the notice, the records, the access package's words, the
 * diff and lint each treat the three honestly; only a duration can govern a store table.
 */
import { describe, expect, it } from 'vitest';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { buildNotice } from '../notices/build-notice.js';
import { diffNotices } from '../notices/diff.js';
import { blockRuns } from '../notices/document.js';
import { noticeLintRules } from '../notices/lint-rules.js';
import { retentionInWords } from '../records/record.js';
import { ledgerShopYaml } from '../retention/testing/ledger-shop.js';
import { loadCharter } from './loader.js';
import { languages, type Charter } from './schema.js';

const period = 'retention: { duration: P10Y, from: end-of-contract, action: delete }';
const criteria =
  'retention: { criteria: { en: "as long as the contract lasts, then the legal accounting period", nl: "zolang de overeenkomst loopt, daarna de wettelijke boekhoudtermijn", fr: "tant que le contrat court, puis le délai comptable légal", de: "solange der Vertrag läuft, danach die gesetzliche Buchhaltungsfrist" }, from: collection, review: P1Y }';
const undecided = 'retention: { notDecided: true }';

function load(yaml: string): Charter {
  const loaded = loadCharter(yaml);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.charter;
}

const withRetention = (rule: string) =>
  minimalCharterYaml.replace(period, rule).replace('languages: [en, nl, fr]', 'languages: [en, nl, fr, de]');

function retentionRow(charter: Charter, language: (typeof languages)[number]): string {
  const section = buildNotice(charter, 'main', language).sections.find((s) => s.id === 'retention');
  return blockRuns(section?.blocks ?? [])
    .map((r) => r.text)
    .join(' ');
}

describe('retention by criteria or not decided', () => {
  it('keeps today’s charters valid: a duration from an event loads as before', () => {
    expect(minimalCharterYaml).toContain(period);
    expect(load(minimalCharterYaml).purposes[0]?.retention).toMatchObject({
      duration: 'P10Y',
      from: 'end-of-contract',
    });
  });

  it('accepts criteria with an event and a review, and states them in every language without inventing a period', () => {
    const charter = load(withRetention(criteria));
    expect(retentionRow(charter, 'en')).toContain(
      'How long we keep this data after we collect it is not a fixed period; it depends on these criteria: as long as the contract lasts, then the legal accounting period. We then delete it. We review at least every 1\u00a0year whether we still need it.',
    );
    expect(retentionRow(charter, 'nl')).toContain(
      'het hangt af van deze criteria: zolang de overeenkomst loopt, daarna de wettelijke boekhoudtermijn.',
    );
    expect(retentionRow(charter, 'fr')).toContain('elle dépend des critères suivants\u00a0: tant que le contrat court');
    expect(retentionRow(charter, 'de')).toContain('hängt von diesen Kriterien ab: solange der Vertrag läuft');
    for (const language of languages) expect(retentionRow(charter, language)).not.toMatch(/10/);
    // The intro does not speak of "the period below" when a purpose has none.
    expect(retentionRow(charter, 'en')).not.toContain('When the period below has passed');
  });

  it('says "not decided" in the notice and the records, and lint warns', () => {
    const charter = load(withRetention(undecided));
    expect(retentionRow(charter, 'en')).toContain('We have not yet decided how long we keep this data.');
    expect(retentionRow(charter, 'nl')).toContain('We hebben nog niet bepaald hoe lang we deze gegevens bewaren.');
    expect(retentionRow(charter, 'fr')).toContain(
      'Nous n’avons pas encore fixé la durée de conservation de ces données.',
    );
    expect(retentionRow(charter, 'de')).toContain('haben wir noch nicht festgelegt');
    const rule = charter.purposes[0]?.retention;
    if (!rule) throw new Error('no purpose');
    expect(retentionInWords(rule, 'en', charter)).toBe('not decided yet');
    const findings = noticeLintRules.flatMap((lint) => lint(charter, { now: new Date('2026-12-01') }));
    expect(
      findings.filter((f) => f.rule === 'retention-not-decided').map((f) => [f.severity, f.path.join('.')]),
    ).toEqual([['warning', 'purposes.0.retention']]);
  });

  it('records criteria with the review period, and lint says nothing executes them', () => {
    const charter = load(withRetention(criteria));
    const rule = charter.purposes[0]?.retention;
    if (!rule) throw new Error('no purpose');
    expect(retentionInWords(rule, 'en', charter)).toBe(
      'by criteria: as long as the contract lasts, then the legal accounting period (after collection), then deleted; reviewed every 1 year',
    );
    const findings = noticeLintRules.flatMap((lint) => lint(charter, { now: new Date('2026-12-01') }));
    const byCriteria = findings.filter((f) => f.rule === 'retention-by-criteria');
    expect(byCriteria.map((f) => f.severity)).toEqual(['info']);
    expect(byCriteria[0]?.message).toContain('no sweep executes it');
    expect(
      findings.filter((f) => f.rule === 'retention-not-executed' && f.path.join('.') === 'purposes.0.retention'),
    ).toEqual([]);
  });

  it('refuses a rule that mixes kinds, criteria without an event, a review with a duration, or nothing at all', () => {
    const problems = (rule: string) => {
      const loaded = loadCharter(withRetention(rule));
      return loaded.ok ? [] : loaded.problems.map((p) => `${p.path} ${p.code}`);
    };
    expect(problems('retention: { duration: P1Y, from: collection, notDecided: true }')).toContain(
      'purposes[0].retention.notDecided impossible_value',
    );
    expect(problems('retention: { criteria: "as long as needed" }')).toContain(
      'purposes[0].retention.from missing_event',
    );
    expect(problems('retention: { duration: P1Y, from: collection, review: P1Y }')).toContain(
      'purposes[0].retention.review impossible_value',
    );
    expect(problems('retention: { action: delete }')).toContain('purposes[0].retention.duration custom');
  });

  it('refuses a store table governed by a purpose whose retention has no duration: nothing could execute it', () => {
    const shop = ledgerShopYaml({ connection: 'SHOP_URL', kind: 'postgres' }).replace(
      'retention: { duration: P2Y, from: collection, action: delete }',
      'retention: { criteria: "as long as the order can be returned", from: collection }',
    );
    const loaded = loadCharter(shop);
    expect(loaded.ok).toBe(false);
    const refused = loaded.ok ? [] : loaded.problems.filter((p) => p.code === 'not_executable');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.message).toContain('has no duration (it is stated by criteria)');
  });

  it('tells readers in the diff when a period becomes criteria', () => {
    const before = load(withRetention(period));
    const after = load(withRetention(criteria));
    const said = diffNotices(before, after, 'main', 'en').map((c) => c.text.replace(/\u00a0/g, ' '));
    expect(
      said.some(
        (line) =>
          line.includes('10 years after our contract with you ends') &&
          line.includes('by criteria: as long as the contract lasts'),
      ),
    ).toBe(true);
  });
});
