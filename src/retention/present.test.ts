import { describe, expect, it } from 'vitest';
import { describeBlocked, formatPlan, formatRun, progressLine } from './present.js';
import type { RetentionPlan, RunRecord } from './schemas.js';

const plan: RetentionPlan = {
  at: '2026-11-02T00:00:00.000Z',
  charterRevision: 'abcdef0123456789',
  months: Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 11 + i, 2)).toISOString()),
  rules: [
    {
      id: 'crm/prospects',
      store: 'crm',
      table: 'prospects',
      purpose: 'prospects',
      action: 'delete',
      period: 'P3Y',
      duration: 'P3Y',
      from: 'last-contact',
      anchor: 'last_contact_at',
      renewableByConsent: false,
      holds: [],
      why: 'prospects: delete 3 years after last-contact (last_contact_at)',
      status: 'ok',
      dueNow: 1234,
      byMonth: [1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0],
      held: {},
      withoutAnchor: 3,
      blocked: [],
    },
    {
      id: 'shop/orders',
      store: 'shop',
      table: 'orders',
      purpose: 'orders',
      action: 'delete',
      period: 'P10Y',
      duration: 'P10Y',
      from: 'end-of-contract',
      anchor: 'ended_at',
      renewableByConsent: false,
      holds: [],
      why: '',
      status: 'error',
      error: 'store shop: environment variable SHOP_URL (named by connection) is not set',
      dueNow: 0,
      byMonth: new Array<number>(12).fill(0),
      held: {},
      withoutAnchor: 0,
      blocked: [],
    },
  ],
  ungoverned: [{ store: 'crm', table: 'audit_log' }],
  problems: [],
  totals: { dueNow: 1234, byMonth: [1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0] },
};

const sampleRun = {
  id: '6f0c1f7e-6d1e-4f5e-9a57-6a3f0b1e2d3c',
  trigger: 'cli',
  actor: 'cli',
  dryRun: false,
  cutoff: '2026-11-02T00:00:00.000Z',
  charterSeq: 1,
  charterRevision: 'x',
  status: 'completed',
  approvalReasons: [],
  approval: null,
  createdAt: '',
  startedAt: null,
  finishedAt: null,
  heartbeatAt: null,
  error: null,
  totals: { due: 2, deleted: 2, anonymised: 0, reduced: 0, held: 1, stayed: 0 },
  steps: [
    {
      position: 0,
      rule: 'crm/newsletter_subscriptions',
      columns: null,
      blocked: null,
      store: 'crm',
      table: 'newsletter_subscriptions',
      purpose: 'newsletter',
      action: 'anonymise',
      period: 'P3Y',
      anchor: 'last_contact_at',
      status: 'done',
      due: 2,
      total: 10,
      held: {},
      withoutAnchor: 0,
      deleted: 2,
      anonymised: 0,
      reduced: {},
      batches: 1,
      problems: [],
      error: null,
      startedAt: null,
      finishedAt: null,
      durationMs: 1234,
    },
  ],
} satisfies RunRecord;

describe('presenting retention in the terminal', () => {
  it('prints the plan: totals per table, the months ahead, why, and what no purpose governs', () => {
    const text = formatPlan(plan, 200);
    expect(text).toContain('Retention plan at 2026-11-02T00:00:00.000Z (charter abcdef012345)');
    expect(text).toMatch(/crm\/prospects\s+delete\s+P3Y\s+1,234\s+3\s+—\s+3/);
    expect(text).toMatch(/shop\/orders\s+delete\s+P10Y\s+error/);
    expect(text).toContain(
      '  shop/orders: cannot be counted: store shop: environment variable SHOP_URL (named by connection) is not set',
    );
    expect(text).toContain('Not governed by any purpose (never deleted): crm/audit_log');
    expect(text).toContain('Total: 1,234 due now, 3 in the next 12 months.');
  });

  it('prints a held run with its reasons and how to approve it', () => {
    // The sample run, held before its first batch: a delete rule counted, nothing done yet.
    const run = {
      ...sampleRun,
      id: 'r1',
      status: 'awaiting-approval',
      approvalReasons: [{ kind: 'first-run', store: 'crm', message: 'first retention run on store crm' }],
      totals: { ...sampleRun.totals, deleted: 0 },
      steps: [
        {
          ...sampleRun.steps[0]!,
          rule: 'crm/prospects',
          table: 'prospects',
          purpose: 'prospects',
          action: 'delete',
          status: 'counted',
          held: { restricted: 1 },
          deleted: 0,
          batches: 0,
          durationMs: null,
        },
      ],
    } satisfies RunRecord;
    const text = formatRun(run, 200);
    expect(text).toContain(': awaiting-approval');
    expect(text).toMatch(/crm\/prospects\s+delete\s+counted\s+2\s+0\s+0\s+—\s+restricted 1/);
    expect(text).toContain('  - first retention run on store crm');
    expect(text).toContain('charter retention run --approve');
  });

  it('says which rows blocked a delete, what was anonymised instead and what stayed', () => {
    const text = describeBlocked({
      rows: [
        { table: 'invoices', reason: 'vat-invoices', rows: 1, by: 2 },
        { table: 'notes', reason: 'ungoverned', rows: 1, by: 1 },
      ],
      anonymised: 1,
      stayed: 1,
    });
    expect(text).toBe(
      'blocked by 2 rows in invoices (hold vat-invoices), 1 row in notes (no rule deletes them); 1 anonymised instead of deleted; 1 stayed with their personal data',
    );
  });

  it('fits the plan and the run in 80 columns, wrapping headers and long lines, and splitting the months into groups', () => {
    const wide = formatPlan(plan, 80);
    expect(Math.max(...wide.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    // The months come in groups, each with the table again.
    expect(wide.split('\n').filter((line) => line.startsWith('crm/prospects')).length).toBeGreaterThan(2);
    expect(wide).toContain(
      '  shop/orders: cannot be counted: store shop: environment variable SHOP_URL\n    (named by connection) is not set',
    );
    const run = formatRun(
      {
        ...sampleRun,
        steps: [
          { ...sampleRun.steps[0]!, held: { 'vat-invoices': 12_345, restricted: 2 }, reduced: { 'vat-invoices': 3 } },
        ],
      },
      80,
    );
    expect(Math.max(...run.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(run).toContain('vat-invoices');
  });

  it('draws a progress bar', () => {
    expect(
      progressLine(
        { runId: 'r', position: 1, steps: 4, store: 'crm', table: 'orders', action: 'delete', done: 50, due: 200 },
        20,
      ),
    ).toBe('[#####...............]  25%  step 2/4  crm/orders  50/200');
  });
});
