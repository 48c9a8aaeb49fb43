/**
 * The retention plan: for every rule and table, how many rows are due now and how many become due in each of the
 * next 12 months, and why (rule, anchor, holds) — the CLI table, the API and the console chart all show this.
 *
 * Counts come from the stores (`countDue`, indexed counts, no rows leave the store). Where a table has duration
 * holds or renewals by consent, each cutoff is counted on its own with the holds and renewals as they will stand
 * then (a VAT hold that ends in March no longer keeps the row in April; a consent given 35 months ago stops renewing
 * next month); flags and restrictions are taken as they are now.
 */
import type { Kysely } from 'kysely';
import type { RetentionDb } from './tables.js';
import type { Charter } from '../charter/schema.js';
import type { OrgScope } from '../platform/db/tenancy.js';
import { InvariantError } from '../platform/errors.js';
import { safeMessage } from '../platform/safe-message.js';
import type { DueQuery, RowRule } from '../stores/connector.js';
import { restrictedIdentities } from '../rights/restricted-identities.js';
import { resolveProcessorRules } from './processor-rules.js';
import {
  ownDataRules,
  ownDataTarget,
  ownStore,
  type DueTarget,
  type OwnDataSettings,
  type TargetDueCount,
} from './own-data.js';
import type { RenewalSource } from './renewals.js';
import type { PlannedRule, RetentionPlan } from './schemas.js';
import { describeRule, resolveRetentionRules, type TableRule } from './rules.js';
import type { OpenedStore, StoreAccess } from './store-access.js';
import { monthlyCounts, planCutoffs, renewedAt, type Renewal } from './timing.js';

export type { PlannedRule, RetentionPlan };

export interface RetentionDeps {
  db: Kysely<RetentionDb>;
  stores: StoreAccess;
  renewals: RenewalSource;
  own: OwnDataSettings;
}

/** The rules of a store that delete whole rows (a referencing row under one of them goes in the same run). */
export function rowRules(rules: Iterable<TableRule>, store: string): RowRule[] {
  return [...rules]
    .filter((r) => r.store === store && !r.columns && r.action === 'delete')
    .map((r) => ({ table: r.table, period: r.period }));
}

/** What a count or sweep of a rule sends the store beside its table and period: the rule's own anchor and columns. */
export function ruleTarget(rule: TableRule): { table: string; period: string; anchor?: string; columns?: string[] } {
  return {
    table: rule.table,
    period: rule.period,
    ...(rule.store !== ownStore ? { anchor: rule.anchor.declared } : {}),
    ...(rule.columns ? { columns: rule.columns } : {}),
  };
}

/**
 * Counts of one rule at each cutoff, with holds and renewals as they stand at that cutoff when they change. For a
 * delete rule, due rows still referenced by rows that stay (`storeRules`: the store's rules deleting whole rows) are
 * counted as blocked, not due.
 */
export async function countRule(
  target: DueTarget,
  rule: TableRule,
  cutoffs: readonly Date[],
  renewals: readonly Renewal[],
  storeRules: readonly RowRule[] = [],
): Promise<TargetDueCount> {
  const exclusion = (cutoff: Date): DueQuery['exclude'] =>
    rule.renewal ? [{ column: rule.renewal.emailColumn, values: renewedAt(renewals, rule.period, cutoff) }] : undefined;
  const perCutoff =
    rule.renewal !== undefined ||
    rule.holds.some((h) => h.kind === 'duration') ||
    (rule.action === 'delete' && rule.heldReferrers === true);
  const { columns, ...counted } = ruleTarget(rule);
  const blocking =
    rule.store !== ownStore && rule.action === 'delete' ? { action: 'delete' as const, rules: [...storeRules] } : {};
  const base = { ...counted, ...blocking };
  const first = cutoffs[0] ?? new Date();
  let result: TargetDueCount | undefined;
  if (!perCutoff) {
    result = await target.countDue({ ...base, cutoffs: cutoffs.map((c) => c.toISOString()), now: first.toISOString() });
  } else {
    const due: number[] = [];
    for (const cutoff of cutoffs) {
      const exclude = exclusion(cutoff);
      const counted = await target.countDue({
        ...base,
        cutoffs: [cutoff.toISOString()],
        now: cutoff.toISOString(),
        ...(exclude ? { exclude } : {}),
      });
      result ??= counted;
      due.push(counted.due[0] ?? 0);
    }
    if (!result) throw new InvariantError('no cutoffs');
    result = { ...result, due };
  }
  if (rule.action === 'anonymise') {
    // An anonymised row keeps its anchor, so `countDue` still counts it; what is left to anonymise now is what a dry
    // sweep selects (the engine skips rows already in their erased state). Later months are differences, unaffected.
    const exclude = exclusion(first);
    const dry = await target.sweep({
      jobId: 'count',
      ...counted,
      ...(columns ? { columns } : {}),
      cutoff: first.toISOString(),
      now: first.toISOString(),
      action: 'anonymise',
      batchSize: 1,
      dryRun: true,
      ...(exclude ? { exclude } : {}),
    });
    const already = (result.due[0] ?? 0) - dry.anonymised;
    result = { ...result, due: result.due.map((n) => Math.max(0, n - already)) };
  }
  return result;
}

/** The rules a charter declares, plus Charter's own data under the settings (own data only with an organisation). */
export function allRules(charter: Charter, own: OwnDataSettings, withOwnData: boolean) {
  const resolved = resolveRetentionRules(charter);
  const processor = resolveProcessorRules(charter);
  return {
    rules: [...resolved.rules, ...processor.rules, ...(withOwnData ? ownDataRules(own) : [])],
    ungoverned: [...resolved.ungoverned, ...processor.ungoverned],
    problems: [...resolved.problems, ...processor.problems],
  };
}

/**
 * Computes the plan of a charter at `at`. With a scope, renewals come from the organisation's consent ledger and
 * Charter's own data of the organisation is included; without one (a charter file not yet applied), neither.
 */
export async function computePlan(
  deps: RetentionDeps,
  scope: OrgScope | undefined,
  charter: Charter,
  at: Date,
  revision?: string,
): Promise<RetentionPlan> {
  const { rules, ungoverned, problems } = allRules(charter, deps.own, scope !== undefined);
  const cutoffs = planCutoffs(at);
  const planned: PlannedRule[] = [];
  const renewalsByPurpose = new Map<string, Renewal[]>();
  const opened = new Map<string, OpenedStore | Error>();
  try {
    for (const rule of rules) {
      const entry = describePlanned(rule);
      try {
        const target = await targetFor(deps, scope, charter, rule, opened);
        let renewals: Renewal[] = [];
        if (rule.renewal && scope) {
          const cached = renewalsByPurpose.get(rule.renewal.purpose);
          renewals = cached ?? (await deps.renewals.grantsInForce(scope, rule.renewal.purpose));
          renewalsByPurpose.set(rule.renewal.purpose, renewals);
        }
        const counted = await countRule(target, rule, cutoffs, renewals, rowRules(rules, rule.store));
        const { dueNow, byMonth } = monthlyCounts(counted.due);
        planned.push({
          ...entry,
          dueNow,
          byMonth,
          held: counted.held,
          withoutAnchor: counted.withoutAnchor,
          total: counted.total,
          blocked: counted.blocked ?? [],
        });
      } catch (error) {
        planned.push({ ...entry, status: 'error', error: safeMessage(error) });
      }
    }
  } finally {
    await Promise.allSettled([...opened.values()].flatMap((o) => (o instanceof Error ? [] : [o.close()])));
  }
  const totals = {
    dueNow: planned.reduce((sum, r) => sum + r.dueNow, 0),
    byMonth: cutoffs.slice(1).map((_, i) => planned.reduce((sum, r) => sum + (r.byMonth[i] ?? 0), 0)),
  };
  return {
    at: at.toISOString(),
    charterRevision: revision,
    months: cutoffs.slice(1).map((c) => c.toISOString()),
    rules: planned,
    ungoverned,
    problems,
    totals,
  };
}

function describePlanned(rule: TableRule): PlannedRule {
  return {
    id: rule.id,
    store: rule.store,
    table: rule.table,
    purpose: rule.purpose,
    ...(rule.customer ? { customer: rule.customer } : {}),
    action: rule.action,
    period: rule.period,
    duration: rule.duration,
    minimum: rule.minimum,
    from: rule.from,
    anchor: rule.anchor.declared,
    columns: rule.columns,
    renewableByConsent: rule.renewal !== undefined,
    holds: rule.holds.map((h) => ({
      hold: h.hold,
      law: h.law,
      kind: h.kind,
      anchor: h.anchor,
      duration: h.duration,
      flag: h.flag,
      keep: h.keep,
    })),
    restrictColumn: rule.restrictColumn,
    why: describeRule(rule),
    status: 'ok',
    dueNow: 0,
    byMonth: new Array<number>(12).fill(0),
    held: {},
    withoutAnchor: 0,
    blocked: [],
  };
}

/** The target of a rule: Charter's own data, or the rule's store (opened once per store and cached in `opened`). */
export async function targetFor(
  deps: RetentionDeps,
  scope: OrgScope | undefined,
  charter: Charter,
  rule: TableRule,
  opened: Map<string, OpenedStore | Error>,
): Promise<DueTarget> {
  if (rule.store === ownStore) {
    if (!scope) throw new InvariantError('own data needs an organisation');
    return ownDataTarget(deps.db, scope);
  }
  const target = (await openFor(deps, charter, rule.store, opened)).target;
  return scope ? rememberingRestrictions(deps, scope, target) : target;
}

/**
 * Art. 18 in every store: each count and each sweep batch carries the identities of the restricted people Charter
 * remembers (a store could not mark them), read right before the call — a restriction recorded while a run goes on
 * protects the person from the next batch on. The store keeps every row they match, and what belongs to those rows.
 */
function rememberingRestrictions(deps: RetentionDeps, scope: OrgScope, target: DueTarget): DueTarget {
  const identities = async () => {
    const found = await restrictedIdentities(deps.db, scope);
    return found.length > 0 ? { restrictedIdentities: found } : {};
  };
  return {
    countDue: async (query) => target.countDue({ ...query, ...(await identities()) }),
    sweep: async (request) => target.sweep({ ...request, ...(await identities()) }),
    ...(target.sweptBatch ? { sweptBatch: target.sweptBatch.bind(target) } : {}),
  };
}

export async function openFor(
  deps: RetentionDeps,
  charter: Charter,
  storeId: string,
  opened: Map<string, OpenedStore | Error>,
): Promise<OpenedStore> {
  let store = opened.get(storeId);
  if (!store) {
    const declared = charter.stores.find((s) => s.id === storeId);
    try {
      if (!declared) throw new InvariantError(`store ${storeId} is not declared`);
      store = await deps.stores.open(declared, charter);
    } catch (error) {
      store = error instanceof Error ? error : new Error(String(error));
    }
    opened.set(storeId, store);
  }
  if (store instanceof Error) throw store;
  return store;
}
