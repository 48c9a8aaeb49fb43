/**
 * How a request reaches each table of a store, in words (docs/ownership.md): from an identity column, down an owner
 * reference from the rows it belongs to, or up a profile reference — or not at all, with the reason (a parent many
 * people share). Pure over the store model; `charter validate`, `charter stores check` and `charter stores explain`
 * print it, so an officer sees before any request which tables a person's request will touch.
 */
import type { Charter } from '../charter/schema.js';
import type { IdentityType } from './connector.js';
import { ambiguityMessage, ambiguousIdentities } from './ownership.js';
import { storeModel, traversalPlan, type StoreModel, type TableModel } from './plan.js';
import { engineHolds } from '../charter/localized.js';

export interface TableReach {
  table: string;
  /** `identity`: rows found by the person's identity; `owner`: rows that belong to rows found; `profile`: climbed to. */
  how: 'identity' | 'owner' | 'profile' | 'not-reached';
  /** One line: `orders ← customers (customer_id): the customer's own orders`. */
  text: string;
  /** The chain of tables from a seed, for `how` other than `not-reached`. */
  path: string[];
  /** For `owner` and `profile`: the table it is reached from and the reference column. */
  via?: { table: string; column: string } | undefined;
}

const allIdentities: IdentityType[] = ['email', 'phone', 'customer-number', 'account-id'];

function notReachedReason(model: StoreModel, t: TableModel): string {
  const children = t.referencedBy
    .filter((r) => !r.owner && model.tables.has(r.table))
    .map((r) => `${r.table}.${r.column}`);
  if (children.length > 0) {
    return `shared: referenced by ${[...new Set(children)].join(', ')} without belonging to them, so no request enters it (mark a reference profile: true only when the row is one person's own)`;
  }
  return 'no identity column, and no owner reference to a table that has one';
}

/** Per table, how a request with any identity reaches it, in the order requests find them. */
export function describeReach(model: StoreModel, types: readonly IdentityType[] = allIdentities): TableReach[] {
  const plan = traversalPlan(model, types);
  const paths = new Map<string, string[]>();
  const result: TableReach[] = [];
  for (const seed of plan.seeds) {
    if (paths.has(seed.table)) continue;
    paths.set(seed.table, [seed.table]);
    const columns = plan.seeds.filter((s) => s.table === seed.table).map((s) => `${s.column} (${s.type})`);
    result.push({
      table: seed.table,
      how: 'identity',
      text: `${seed.table}: the person's rows by ${columns.join(', ')}`,
      path: [seed.table],
    });
  }
  // Breadth-first over the plan's edges, so each table gets its shortest path.
  const queue = [...paths.keys()];
  while (queue.length > 0) {
    const source = queue.shift() as string;
    for (const edge of plan.edges.filter((e) => e.source === source)) {
      if (paths.has(edge.target)) continue;
      const path = [...(paths.get(source) ?? []), edge.target];
      paths.set(edge.target, path);
      queue.push(edge.target);
      const text =
        edge.direction === 'back'
          ? `${edge.target} ← ${source} (owner reference ${edge.target}.${edge.reference.column}): rows that belong to the person's ${source} rows`
          : `${edge.target} ← ${source} (profile reference ${source}.${edge.reference.column}): the person's own ${edge.target} row, unless someone else's ${source} row names it too`;
      result.push({
        table: edge.target,
        how: edge.direction === 'back' ? 'owner' : 'profile',
        text,
        path,
        via: { table: source, column: edge.reference.column },
      });
    }
  }
  for (const name of plan.unreachable) {
    const t = model.tables.get(name);
    if (t)
      result.push({
        table: name,
        how: 'not-reached',
        text: `${name}: not reached — ${notReachedReason(model, t)}`,
        path: [],
      });
  }
  return result;
}

/** The reach of every SQL store of a charter as printable lines (validate and stores check print them). */
export function reachLines(charter: Charter): string[] {
  const lines: string[] = [];
  for (const store of charter.stores) {
    if (store.kind === 'http' || store.tables.length === 0) continue;
    lines.push(`${store.id}: how a request reaches each table`);
    const model = storeModel(store, engineHolds(charter));
    for (const reach of describeReach(model)) {
      // Processor data (Art. 28): found and counted, never exported or written; the request goes to the customer.
      const customer = reach.how === 'not-reached' ? undefined : model.tables.get(reach.table)?.processedFor?.customer;
      lines.push(
        `  ${reach.text}${customer ? ` — processed for customer ${customer}: counted and routed to them, never exported or written` : ''}`,
      );
    }
  }
  return lines;
}

/**
 * One line per store table whose identity columns of one type are not told apart (none marked `mentions: true`):
 * `charter validate` prints them as warnings, as `lint` and `stores check` do.
 */
export function ambiguityWarnings(charter: Charter): string[] {
  return charter.stores.flatMap((store) =>
    store.tables.flatMap((table) => {
      const ambiguous = ambiguousIdentities(table.columns);
      return ambiguous.length > 0 ? [`stores.${store.id}: ${ambiguityMessage(table.name, ambiguous)}`] : [];
    }),
  );
}
