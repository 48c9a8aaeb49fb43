/**
 * Retention rules, resolved from the charter (pure, no I/O): for every store table governed by a purpose, the
 * purpose's retention rule, the anchor the period runs from (a column of the table, or a column of a related table
 * through a declared reference), the legal holds that keep rows regardless (duration holds, flag holds, and the
 * Art. 18 restriction column), and whether a fresh purpose consent renews the period.
 *
 * `duration` is the longest a row is kept (the sweep acts at anchor + duration) and `minimum` the shortest (e.g. "at
 * least 6 months and at most 2 years"): the sweep never goes by the minimum. The charter loader refuses a minimum
 * longer than the duration; should one reach this module anyway, the effective period is the longer of the two, so a
 * row never goes before its minimum.
 */
import { addDuration, approximateDays, duration, describeDuration, isAtMost } from '../charter/duration.js';
import {
  hasPeriod,
  retentionKind,
  type Charter,
  type RetentionAnchor,
  type Store,
  type StoreTable,
} from '../charter/schema.js';
import { engineHolds, type EngineHold } from '../charter/localized.js';

export type HoldKind = 'duration' | 'flag';

/** A legal hold on a table, with its law and what keeps a row under it. */
export interface ResolvedHold {
  hold: string;
  law: string;
  kind: HoldKind;
  /** Duration hold: the date column the hold period runs from (the table's anchor when not given). */
  anchor?: string | undefined;
  /** Duration hold: how long the law requires keeping. */
  duration?: string | undefined;
  /** Flag hold: the boolean column that keeps the row while true. */
  flag?: string | undefined;
  /** Columns kept under the hold (the others are erased); absent: the whole row is kept. */
  keep?: string[] | undefined;
}

export interface ResolvedAnchor {
  /** As declared: `column` or `table.column`. */
  declared: string;
  table: string;
  column: string;
  /** For a related table: the reference followed (this table's column → `table.column`). */
  via?: { column: string; to: string } | undefined;
}

/** One rule on one table: what the sweep executes. */
export interface TableRule {
  /** `store/table` (`store/table#a,b` for a column rule), stable across runs. */
  id: string;
  store: string;
  /** The store's kind, or `charter` for Charter's own data. */
  storeKind: Store['kind'] | 'charter';
  table: string;
  /** The governing purpose; for a table processed for a customer, `customer:<id>` (see processor-rules.ts). */
  purpose: string;
  /** A table processed for a customer: the `customers[]` id whose retention instructions this rule executes. */
  customer?: string | undefined;
  from: RetentionAnchor;
  duration: string;
  minimum?: string | undefined;
  /** The longer of duration and minimum. */
  period: string;
  action: 'delete' | 'anonymise';
  /** A column rule: only these columns are erased when due (by their strategies); the row stays. */
  columns?: string[] | undefined;
  /**
   * Rows of a table with duration holds reference this one (enforced, not nullable): whether a due row is blocked
   * changes from month to month, so a plan counts each month on its own.
   */
  heldReferrers?: boolean | undefined;
  /** Rows of another table can keep this one's rows from being deleted (an enforced, not nullable reference to it). */
  referenced?: boolean | undefined;
  anchor: ResolvedAnchor;
  holds: ResolvedHold[];
  /** Holds the purpose names but the table does not implement (shown, not enforced: no column to evaluate). */
  purposeHolds: string[];
  restrictColumn?: string | undefined;
  /** Where a fresh purpose consent renews the period: the purpose and this table's email column to match it on. */
  renewal?: { purpose: string; emailColumn: string } | undefined;
}

export interface RuleProblem {
  store: string;
  table: string;
  /** error: the table is left alone; warning: the rule runs, but the charter should say it better. */
  severity: 'error' | 'warning';
  message: string;
}

export interface UngovernedTable {
  store: string;
  table: string;
}

export interface ResolvedRules {
  rules: TableRule[];
  /** Tables of a store that no purpose governs: nothing ever deletes them (shown in the plan so it is a choice). */
  ungoverned: UngovernedTable[];
  /** Rules that cannot be executed as declared (errors: their tables are left alone) and doubtful ones (warnings). */
  problems: RuleProblem[];
}

/** The pseudo-store of Charter's own data in plans and runs (see own-data.ts). */
export const ownStoreId = 'charter';

/** The longer of two ISO durations (calendar-exact when both are in years/months). */
export function longerDuration(a: string, b: string | undefined): string {
  if (!b) return a;
  const [x, y] = [duration(a), duration(b)];
  const calendar = x.weeks === 0 && x.days === 0 && y.weeks === 0 && y.days === 0;
  if (calendar) return y.years * 12 + y.months > x.years * 12 + x.months ? b : a;
  // Mixed units: by average length, and a month counts longer than 30 days (some months have 31).
  return approximateDays(y) > approximateDays(x) ? b : a;
}

/** Resolves every governed store table of a charter into an executable rule, or a problem saying why it cannot be. */
export function resolveRetentionRules(charter: Charter): ResolvedRules {
  const purposes = new Map(charter.purposes.map((p) => [p.id, p]));
  const catalogue = new Map(engineHolds(charter).map((h) => [h.id, h]));
  const rules: TableRule[] = [];
  const ungoverned: UngovernedTable[] = [];
  const problems: RuleProblem[] = [];

  for (const store of charter.stores) {
    if (store.id === ownStoreId) {
      for (const table of store.tables) {
        problems.push({
          store: store.id,
          table: table.name,
          severity: 'error',
          message: `the store id "${ownStoreId}" is reserved for Charter's own data: rename the store`,
        });
      }
      continue;
    }
    for (const table of store.tables) {
      const declaredRules = tableRules(table);
      // A table no rule deletes or anonymises as a whole is ungoverned (column rules leave its rows in place).
      // (A table processed for a customer follows the customer's instructions: processor-rules.ts.)
      if (!declaredRules.some((d) => !d.columns) && !table.processedFor)
        ungoverned.push({ store: store.id, table: table.name });
      let rowRules = 0;
      for (const declared of declaredRules) {
        const problem = (message: string, severity: RuleProblem['severity'] = 'error') =>
          problems.push({ store: store.id, table: table.name, severity, message });
        if (!declared.columns && ++rowRules > 1) {
          problem(
            `rule ${declared.purpose}: a table has one rule for its whole rows; give this one the columns it erases (columns: [...])`,
          );
          continue;
        }
        const resolved = resolveRule(store, table, declared, purposes, catalogue, problem);
        if (resolved) rules.push(resolved);
      }
    }
  }
  return { rules, ungoverned, problems };
}

/** A table's declared rules: its `purpose`/`anchor` (the rule on whole rows) first, then its `rules`. */
export function tableRules(
  table: StoreTable,
): { purpose: string; anchor?: string | undefined; columns?: string[] | undefined }[] {
  return [...(table.purpose ? [{ purpose: table.purpose, anchor: table.anchor }] : []), ...(table.rules ?? [])];
}

/** The id of a rule: `store/table` for the rule on whole rows, `store/table#a,b` for a column rule. */
export function ruleId(store: string, table: string, columns?: readonly string[]): string {
  return columns ? `${store}/${table}#${columns.join(',')}` : `${store}/${table}`;
}

function resolveRule(
  store: Store,
  table: StoreTable,
  declared: { purpose: string; anchor?: string | undefined; columns?: string[] | undefined },
  purposes: ReadonlyMap<string, Charter['purposes'][number]>,
  catalogue: ReadonlyMap<string, EngineHold>,
  problem: (message: string, severity?: RuleProblem['severity']) => void,
): TableRule | undefined {
  const purpose = purposes.get(declared.purpose);
  if (!purpose) {
    problem(`purpose "${declared.purpose}" is not declared`);
    return undefined;
  }
  const rule = purpose.retention;
  if (!hasPeriod(rule)) {
    // The loader refuses such a charter (references.ts); a rule stated by criteria has no date to sweep by.
    problem(
      `purpose "${purpose.id}" states its retention without a duration (${retentionKind(rule)}): nothing can execute it`,
    );
    return undefined;
  }
  if (!declared.anchor) {
    problem(`no anchor column: declare the column the ${describeDuration(duration(rule.duration))} run from`);
    return undefined;
  }
  const anchor = resolveAnchor(store, table, declared.anchor);
  if (typeof anchor === 'string') {
    problem(anchor);
    return undefined;
  }
  if (declared.columns) {
    for (const name of declared.columns) {
      const column = table.columns.find((c) => c.name === name);
      if (!column) problem(`rule ${declared.purpose}: column ${name} is not declared on the table`);
      else if (name === table.primaryKey || column.erase === 'keep')
        problem(
          `rule ${declared.purpose}: column ${name} is kept (erase: keep or the primary key), a column rule cannot erase it`,
        );
    }
    if (
      declared.columns.some(
        (name) => !table.columns.some((c) => c.name === name && c.erase !== 'keep' && c.name !== table.primaryKey),
      )
    )
      return undefined;
  }
  if (rule.minimum && !isAtMost(duration(rule.minimum), duration(rule.duration))) {
    problem(`minimum ${rule.minimum} is longer than the duration ${rule.duration}: the minimum applies`, 'warning');
  }
  const holds: ResolvedHold[] = [];
  let holdsValid = true;
  for (const held of table.holds) {
    const entry = catalogue.get(held.hold);
    if (!entry) {
      problem(`hold "${held.hold}" is not in the charter's holds`);
      holdsValid = false;
      continue;
    }
    if (held.flag) {
      holds.push({ hold: entry.id, law: entry.law, kind: 'flag', flag: held.flag, keep: held.keep });
    } else if (entry.duration) {
      holds.push({
        hold: entry.id,
        law: entry.law,
        kind: 'duration',
        anchor: held.anchor ?? table.anchor ?? declared.anchor,
        duration: entry.duration,
        keep: held.keep,
      });
    } else {
      problem(`hold "${held.hold}" has no duration and the table gives no flag column: it would keep rows forever`);
      holdsValid = false;
    }
  }
  if (!holdsValid) return undefined;
  let renewal: TableRule['renewal'];
  if (rule.renewableByConsent) {
    const emailColumn = table.columns.find((c) => c.identity === 'email')?.name;
    if (!emailColumn) {
      problem('renewable by consent, but the table has no email identity column to match consents on');
      return undefined;
    }
    renewal = { purpose: purpose.id, emailColumn };
  }
  const implemented = new Set(holds.map((h) => h.hold));
  return {
    id: ruleId(store.id, table.name, declared.columns),
    store: store.id,
    storeKind: store.kind,
    table: table.name,
    purpose: purpose.id,
    from: rule.from,
    duration: rule.duration,
    minimum: rule.minimum,
    period: longerDuration(rule.duration, rule.minimum),
    // A column rule erases its columns by their strategies and never deletes the row.
    action: declared.columns ? 'anonymise' : rule.action,
    ...(declared.columns ? { columns: declared.columns } : {}),
    ...(heldReferrers(store, table) ? { heldReferrers: true } : {}),
    ...(store.tables.some(
      (other) =>
        other.name !== table.name &&
        other.references.some((r) => r.to.split('.')[0] === table.name && !r.nullable && r.enforced !== false),
    )
      ? { referenced: true }
      : {}),
    anchor,
    holds,
    purposeHolds: rule.holds.filter((h) => !implemented.has(h)),
    restrictColumn: table.restrictColumn,
    renewal,
  };
}

function heldReferrers(store: Store, table: StoreTable): boolean {
  return store.tables.some(
    (other) =>
      other.name !== table.name &&
      other.holds.some((h) => h.flag === undefined) &&
      other.references.some((r) => r.to.split('.')[0] === table.name && !r.nullable && r.enforced !== false),
  );
}

export function resolveAnchor(store: Store, table: StoreTable, declared: string): ResolvedAnchor | string {
  const parts = declared.split('.');
  if (parts.length === 1) return { declared, table: table.name, column: declared };
  const [otherTable, column] = parts;
  if (parts.length !== 2 || !otherTable || !column) return `anchor "${declared}" is neither a column nor table.column`;
  if (otherTable === table.name) return { declared, table: table.name, column };
  const reference = table.references.find((r) => r.to.split('.')[0] === otherTable);
  if (!reference) return `anchor "${declared}" needs a reference from ${table.name} to ${otherTable}`;
  if (!store.tables.some((t) => t.name === otherTable))
    return `anchor "${declared}": table ${otherTable} is not declared in store ${store.id}`;
  return { declared, table: otherTable, column, via: { column: reference.column, to: reference.to } };
}

/**
 * When a row anchored at `anchor` is due under `rule`, renewed by a purpose consent given at `renewedAt` (the later
 * of the two counts), for one row and for the hand computations of tests and documentation.
 */
export function dueDate(rule: Pick<TableRule, 'period'>, anchor: Date, renewedAt?: Date): Date {
  const from = renewedAt && renewedAt > anchor ? renewedAt : anchor;
  return addDuration(from, duration(rule.period));
}

/** One line on why a table's rows go when they go: rule, anchor and holds. */
export function describeRule(rule: TableRule): string {
  const what = rule.columns ? `erase ${rule.columns.join(', ')}` : rule.action;
  const parts = [
    `${rule.customer ? `on the instructions of customer ${rule.customer}` : rule.purpose}: ${what} ${describeDuration(duration(rule.period))} after ${rule.from} (${rule.anchor.declared})`,
  ];
  if (rule.minimum) parts.push(`minimum ${describeDuration(duration(rule.minimum))}`);
  if (rule.renewal) parts.push(`renewed by a fresh ${rule.renewal.purpose} consent`);
  for (const hold of rule.holds) {
    const keeps = hold.keep?.length ? `, keeps ${hold.keep.join(', ')}` : '';
    parts.push(
      hold.kind === 'flag'
        ? `hold ${hold.hold} while ${hold.flag} (${hold.law}${keeps})`
        : `hold ${hold.hold} ${describeDuration(duration(hold.duration ?? 'P0D'))} from ${hold.anchor} (${hold.law}${keeps})`,
    );
  }
  if (rule.restrictColumn) parts.push(`kept while ${rule.restrictColumn} (Art. 18)`);
  return parts.join('; ');
}
