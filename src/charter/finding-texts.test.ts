import { describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import { lintCharter } from '../lint.js';
import { describeLocation, parsePath, ruleTitle, ruleTitles } from './finding-texts.js';

describe('finding texts', () => {
  const charter = buildCharter();

  it('names a purpose by its name in the reader’s language, then the key', () => {
    expect(describeLocation(charter, 'purposes[0].retention', 'en')).toBe('Purpose ‘Orders’ → retention');
    expect(describeLocation(charter, 'purposes[0].retention', 'nl')).toBe('Doel ‘Bestellingen’ → retention');
    expect(describeLocation(charter, 'purposes[1].retention', 'de')).toBe('Zweck ‘Analytics’ → retention');
  });

  it('walks nested lists and sections, and falls back to positions for what the charter lacks', () => {
    expect(describeLocation(charter, 'recipients[1].subProcessors[0].transfer', 'fr')).toBe(
      'Destinataire ‘Stats Inc.’ → Sous-traitant ultérieur #1 → transfer',
    );
    expect(describeLocation(charter, 'rights.channels', 'en')).toBe('Rights → channels');
    expect(describeLocation(undefined, 'cookies[4].duration', 'en')).toBe('Cookie #5 → duration');
    expect(describeLocation(charter, '', 'nl')).toBe('Het hele charter');
    expect(parsePath('stores[0].tables[12].columns[3]')).toEqual(['stores', 0, 'tables', 12, 'columns', 3]);
  });

  it('has a title in every language for every rule the lint runs', () => {
    const revised = buildCharter((c) => {
      c.cookies[1]!.duration = 'P2Y';
      c.cookies[1]!.justification = 'needed';
      c.recipients[0]!.dpaDate = undefined;
    });
    const rules = new Set(lintCharter(revised, { now: new Date('2026-01-01') }).map((f) => f.rule));
    expect(rules.size).toBeGreaterThan(1);
    for (const rule of rules) expect(Object.keys(ruleTitles)).toContain(rule);
    for (const table of Object.values(ruleTitles)) expect(Object.keys(table).sort()).toEqual(['de', 'en', 'fr', 'nl']);
    expect(ruleTitle('cookie-over-13-months', 'de')).toBe('Ein Cookie, das länger als 13 Monate gespeichert wird.');
    expect(ruleTitle('a-future-rule', 'fr')).toBe('Un constat sur la charte.');
  });
});
