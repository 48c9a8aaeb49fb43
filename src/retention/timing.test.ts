import { describe, expect, it } from 'vitest';
import { approvalReasons } from './gate.js';
import { monthlyCounts, nextDailyRun, planCutoffs, renewedAt } from './timing.js';

describe('plan cutoffs and monthly counts', () => {
  it('looks 12 calendar months ahead from the plan date, clamping at month ends', () => {
    const cutoffs = planCutoffs(new Date('2026-01-31T12:00:00Z')).map((d) => d.toISOString().slice(0, 10));
    expect(cutoffs).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      '2026-12-31',
      '2027-01-31',
    ]);
  });

  it('turns cumulative counts into due now and new rows per month', () => {
    expect(monthlyCounts([3, 3, 5, 9])).toEqual({ dueNow: 3, byMonth: [0, 2, 4] });
  });
});

describe('renewal by consent', () => {
  it('keeps a person whose consent still runs at the cutoff, and lets them go once it has run out', () => {
    const renewals = [
      { email: 'fresh@example.be', grantedAt: new Date('2026-06-01T00:00:00Z') },
      { email: 'old@example.be', grantedAt: new Date('2023-06-01T00:00:00Z') },
    ];
    expect(renewedAt(renewals, 'P3Y', new Date('2026-05-01T00:00:00Z'))).toEqual([
      'fresh@example.be',
      'old@example.be',
    ]);
    expect(renewedAt(renewals, 'P3Y', new Date('2026-06-01T00:00:00Z'))).toEqual(['fresh@example.be']);
  });
});

describe('the daily schedule', () => {
  it('runs next at the time of day, today if still ahead, else tomorrow', () => {
    expect(nextDailyRun('02:30', new Date('2026-11-23T01:00:00Z')).toISOString()).toBe('2026-11-23T02:30:00.000Z');
    expect(nextDailyRun('02:30', new Date('2026-11-23T02:30:00Z')).toISOString()).toBe('2026-11-24T02:30:00.000Z');
    expect(nextDailyRun('23:59', new Date('2026-12-31T23:59:30Z')).toISOString()).toBe('2027-01-01T23:59:00.000Z');
  });
});

describe('the approval gate', () => {
  const step = { store: 'crm', table: 'customers', due: 5, total: 100, own: false };

  it('holds the first run on a store, once per store', () => {
    const reasons = approvalReasons({
      steps: [step, { ...step, table: 'orders' }],
      storesWithHistory: new Set(),
      maxShare: 0.1,
    });
    expect(reasons).toEqual([{ kind: 'first-run', store: 'crm', message: 'first retention run on store crm' }]);
  });

  it('holds a run that would act on more than the share of a table, or on a table of unknown size', () => {
    const history = new Set(['crm']);
    expect(approvalReasons({ steps: [step], storesWithHistory: history, maxShare: 0.1 })).toEqual([]);
    expect(
      approvalReasons({ steps: [{ ...step, due: 11 }], storesWithHistory: history, maxShare: 0.1 })[0],
    ).toMatchObject({ kind: 'share', table: 'customers', due: 11, total: 100 });
    expect(
      approvalReasons({ steps: [{ ...step, total: undefined }], storesWithHistory: history, maxShare: 0.1 })[0],
    ).toMatchObject({ kind: 'share', total: null });
  });

  it("lets a run with nothing due through, and never holds Charter's own data", () => {
    expect(approvalReasons({ steps: [{ ...step, due: 0 }], storesWithHistory: new Set(), maxShare: 0.1 })).toEqual([]);
    expect(
      approvalReasons({
        steps: [{ ...step, store: 'charter', own: true, due: 90 }],
        storesWithHistory: new Set(),
        maxShare: 0.1,
      }),
    ).toEqual([]);
  });
});
