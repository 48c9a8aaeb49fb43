/**
 * How retention reaches the organisation's stores: through the Stores engine's connectors (src/stores/open.ts), as
 * a port so plans and runs can be composed by the CLI, the server and the tests alike.
 *
 * Before a store table is swept, its live schema is checked: every error `charter stores check` reports for the table
 * (`checkStore`: missing or renamed columns, strategies the column type cannot take…), and what this sweep in
 * particular writes — the table and its anchor exist, and every column an anonymisation (or a hold's reduction)
 * writes can take the value (NOT NULL columns declared `null`, a `delete` column nulled when the row is kept, unique
 * columns declared `redact`, non-text columns declared `hash`, no hash key). A table with a problem is refused, the
 * others go ahead.
 */
import type { Charter, Store } from '../charter/schema.js';
import type { LiveSchema, StoreConnector } from '../stores/connector.js';
import { checkStore } from '../stores/check.js';
import { openStore, type OpenStoresOptions } from '../stores/open.js';
import { deletionOrder, storeModel } from '../stores/plan.js';
import { strategyProblems } from '../stores/strategies.js';
import type { DueTarget, TargetDueCount } from './own-data.js';
import type { TableRule } from './rules.js';
import { engineHolds, type EngineHold } from '../charter/localized.js';

/** One opened store. */
export interface OpenedStore {
  target: DueTarget;
  /** Problems per table that make a sweep of it unsafe (empty list: fine). Undefined when the store cannot be checked. */
  check(rules: readonly TableRule[]): Promise<Map<string, string[]> | undefined>;
  close(): Promise<void>;
}

export interface StoreAccess {
  open(store: Store, charter: Charter): Promise<OpenedStore>;
}

/** Far enough in the future that every anchored row is "due": one countDue then counts a table's rows. */
const endOfTime = '9000-01-01T00:00:00.000Z';

/** The store access of the CLI and the server: connection URLs from the environment. */
export function storeAccess(
  options: OpenStoresOptions,
  checks: CheckOptions = { hashKeyAvailable: true },
): StoreAccess {
  return {
    async open(store, charter) {
      const connector = openStore(store, charter, options);
      return openedStore(connector, store, checks, engineHolds(charter));
    },
  };
}

export interface CheckOptions {
  /** False when no hash key is configured: steps that would write a hashed value are refused. */
  hashKeyAvailable: boolean;
}

/** Wraps a connector: counts with the table's size, and the live-schema check. */
export function openedStore(
  connector: StoreConnector,
  store: Store,
  checks: CheckOptions = { hashKeyAvailable: true },
  holds: EngineHold[] = [],
): OpenedStore {
  let live: Promise<LiveSchema> | undefined;
  return {
    target: {
      async countDue(query): Promise<TargetDueCount> {
        const counted: TargetDueCount = await connector.countDue(query);
        if (counted.total !== undefined) return counted;
        // The table's size (for the approval gate's share) from the same port: every anchored row is due at the end
        // of time unless held or restricted; rows without an anchor are counted apart.
        const all = await connector.countDue({
          table: query.table,
          period: query.period,
          cutoffs: [endOfTime],
          now: query.now,
        });
        const held = Object.values(all.held).reduce((sum, n) => sum + n, 0);
        return { ...counted, total: (all.due[0] ?? 0) + held + all.withoutAnchor };
      },
      sweep: (request) => connector.sweep(request),
      ...(connector.sweptBatch ? { sweptBatch: connector.sweptBatch.bind(connector) } : {}),
    },
    async check(rules) {
      if (!connector.capabilities.introspect) return undefined;
      live ??= connector.introspect();
      const schema = await live;
      // `charter stores check`: any error on a table (a renamed column, a strategy its type cannot take…) refuses it;
      // then what this sweep in particular writes (anonymisation, reductions to held columns, hashing without a key).
      const result = checkTables(store, schema, rules, checks);
      for (const finding of checkStore(store, schema, holds)) {
        if (finding.severity !== 'error') continue;
        const problems = result.get(finding.table);
        if (problems && !problems.includes(finding.message)) problems.push(finding.message);
      }
      return result;
    },
    close: () => connector.close(),
  };
}

/** Problems of each rule's table against the live schema (pure). */
export function checkTables(
  store: Store,
  live: LiveSchema,
  rules: readonly TableRule[],
  checks: CheckOptions = { hashKeyAvailable: true },
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const rule of rules) {
    const problems: string[] = [];
    const declared = store.tables.find((t) => t.name === rule.table);
    const table = live.tables.find((t) => t.name === rule.table);
    if (!declared || !table) {
      result.set(rule.table, [`table ${rule.table} does not exist in the database`]);
      continue;
    }
    const anchorTable = live.tables.find((t) => t.name === rule.anchor.table);
    if (!anchorTable) problems.push(`anchor table ${rule.anchor.table} does not exist`);
    else if (!anchorTable.columns.some((c) => c.name === rule.anchor.column))
      problems.push(`anchor column ${rule.anchor.declared} does not exist`);
    for (const hold of rule.holds) {
      for (const column of [hold.flag, hold.kind === 'duration' ? hold.anchor : undefined]) {
        if (column && !column.includes('.') && !table.columns.some((c) => c.name === column))
          problems.push(`hold ${hold.hold}: column ${column} does not exist`);
      }
    }
    if (rule.restrictColumn && !table.columns.some((c) => c.name === rule.restrictColumn))
      problems.push(`restriction column ${rule.restrictColumn} does not exist`);
    // Columns an anonymisation writes, and those a hold's reduction writes (the engine's `writtenColumns`).
    const writable = declared.columns.filter((c) => c.erase !== 'keep' && c.name !== declared.primaryKey);
    const written = writable.filter((c) =>
      rule.columns
        ? rule.columns.includes(c.name)
        : rule.action === 'anonymise' || rule.holds.some((h) => h.keep !== undefined && !h.keep.includes(c.name)),
    );
    for (const column of written) {
      const liveColumn = table.columns.find((c) => c.name === column.name);
      if (!liveColumn) {
        problems.push(`column ${column.name} does not exist`);
        continue;
      }
      // Anonymising or reducing keeps the row: a `delete` column is nulled then, as the engine does.
      const strategy = column.erase === 'delete' ? 'null' : column.erase;
      for (const problem of strategyProblems(strategy, liveColumn)) problems.push(problem.message);
      if (strategy === 'hash' && !checks.hashKeyAvailable)
        problems.push(`column ${column.name} is hashed: set CHARTER_HASH_KEY (or CHARTER_SECRET) first`);
    }
    // Several rules on one table: the table is refused when any of them cannot run.
    const earlier = result.get(rule.table) ?? [];
    result.set(rule.table, [...earlier, ...problems.filter((p) => !earlier.includes(p))]);
  }
  return result;
}

/** Tables of a store in sweep order: children before parents (so a due parent is never held up by a due child). */
export function sweepOrder(
  store: Store,
  charter: Pick<Charter, 'holds'> & Partial<Pick<Charter, 'languages' | 'defaultLanguage'>>,
): string[] {
  try {
    return deletionOrder(storeModel(store, engineHolds(charter)));
  } catch {
    // A reference cycle (reported by validation): declaration order, the engine skips rows still referenced.
    return store.tables.map((t) => t.name);
  }
}
