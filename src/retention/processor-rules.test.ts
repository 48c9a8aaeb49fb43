import { describe, expect, it } from 'vitest';
import { exampleCharter } from '../../test/support/charter.js';
import type { OwnDataSettings } from './own-data.js';
import { allRules } from './plan.js';
import { customerOfPurpose, resolveProcessorRules } from './processor-rules.js';
import { describeRule } from './rules.js';

const flashbooth = () => exampleCharter('flashbooth');

const own: OwnDataSettings = {};

describe('retention of processor data', () => {
  it('builds a rule from the customer’s instructions for each table processed for it, children first', () => {
    const { rules, problems } = resolveProcessorRules(flashbooth());
    expect(problems).toEqual([]);
    expect(rules.map((r) => [r.id, r.customer, r.duration, r.minimum, r.period, r.from, r.anchor.declared])).toEqual([
      ['gallery/photos', 'event-organisers', 'P2Y', 'P6M', 'P2Y', 'end-of-contract', 'events.ended_at'],
      ['gallery/guests', 'event-organisers', 'P2Y', 'P6M', 'P2Y', 'end-of-contract', 'events.ended_at'],
    ]);
    expect(customerOfPurpose(rules[0]?.purpose)).toBe('event-organisers');
    expect(describeRule(rules[0]!)).toBe(
      'on the instructions of customer event-organisers: delete 2 years after end-of-contract (events.ended_at); minimum 6 months',
    );
  });

  it('never goes before the minimum, even when a maximum shorter than it reached the engine', () => {
    const charter = flashbooth();
    charter.customers[0]!.retention = { minimum: 'P6M', maximum: 'P1M' };
    const [rule] = resolveProcessorRules(charter).rules;
    expect(rule?.period).toBe('P6M');
    expect(rule?.from).toBe('collection');
    expect(rule?.action).toBe('delete');
  });

  it('shows a table whose customer gives no instructions as ungoverned, and governs it with the organisation’s rules otherwise', () => {
    const charter = flashbooth();
    delete charter.customers[0]!.retention;
    const resolved = allRules(charter, own, false);
    expect(resolved.rules.filter((r) => r.store === 'gallery').map((r) => r.table)).toEqual(['clients', 'events']);
    expect(resolved.ungoverned).toEqual([
      { store: 'gallery', table: 'guests' },
      { store: 'gallery', table: 'photos' },
    ]);
    expect(resolved.problems.filter((p) => p.store === 'gallery').map((p) => p.severity)).toEqual([
      'warning',
      'warning',
    ]);
  });

  it('does not count processor tables as ungoverned own tables', () => {
    const resolved = allRules(flashbooth(), own, false);
    expect(resolved.ungoverned).toEqual([]);
    expect(resolved.rules.filter((r) => r.customer).map((r) => r.table)).toEqual(['photos', 'guests']);
  });
});
