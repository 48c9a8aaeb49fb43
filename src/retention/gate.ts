/**
 * The approval gate (pure): a run waits for a privacy officer when it is the first real run on a store (nobody has
 * yet seen what the declared rules do to that database), or when it would delete or anonymise more than a configured
 * share of a table (a wrong anchor or a bad import can make half a table "due"). Charter's own data is exempt: its
 * rules are Charter's defaults, not an organisation's declaration about its systems.
 */
import type { ApprovalReason } from './schemas.js';

export interface GateStep {
  store: string;
  table: string;
  /** Rows the run would act on. */
  due: number;
  /** Rows in the table; undefined when the store cannot say. */
  total: number | undefined;
  own: boolean;
}

export interface GateInput {
  steps: readonly GateStep[];
  /** Stores that already had a completed run that acted (not a dry run). */
  storesWithHistory: ReadonlySet<string>;
  /** Largest share of a table a run may act on without approval (0–1). */
  maxShare: number;
}

/** The reasons a run needs approval; empty when it may go ahead. */
export function approvalReasons(input: GateInput): ApprovalReason[] {
  const reasons: ApprovalReason[] = [];
  const firstRunStores = new Set<string>();
  for (const step of input.steps) {
    if (step.own || step.due === 0) continue;
    if (!input.storesWithHistory.has(step.store) && !firstRunStores.has(step.store)) {
      firstRunStores.add(step.store);
      reasons.push({ kind: 'first-run', store: step.store, message: `first retention run on store ${step.store}` });
    }
    if (step.total === undefined) {
      reasons.push({
        kind: 'share',
        store: step.store,
        table: step.table,
        due: step.due,
        total: null,
        message: `${step.store}/${step.table}: ${step.due} rows due and the store cannot tell the table's size`,
      });
    } else if (step.total > 0 && step.due / step.total > input.maxShare) {
      const percent = Math.round((step.due / step.total) * 1000) / 10;
      reasons.push({
        kind: 'share',
        store: step.store,
        table: step.table,
        due: step.due,
        total: step.total,
        message: `${step.store}/${step.table}: ${step.due} of ${step.total} rows (${percent}%) exceed the ${Math.round(input.maxShare * 1000) / 10}% limit`,
      });
    }
  }
  return reasons;
}
