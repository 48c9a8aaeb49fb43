/**
 * The data map as a graph, and the plans derived from it. Pure: no I/O.
 *
 * - `storeModel` resolves a store declaration (tables, references, holds) into a form the engine walks.
 * - `traversalPlan` lists, from the identity types a requester gives, the seed tables and the edges the engine
 *   follows (down owner references, up profile references: docs/ownership.md) — the plan shown before execution.
 * - `deletionOrder` orders tables so that a row is never deleted while a declared reference still points at it:
 *   children before parents; references marked `nullable` are set to NULL first and break cycles.
 * - `referenceCycles` finds cycles of non-nullable references: reported at validation time, since no order can
 *   delete their rows.
 */
import type { Store } from '../charter/schema.js';
import type { EraseStrategy, IdentityType } from './connector.js';

export interface ColumnModel {
  name: string;
  category: string;
  erase: EraseStrategy;
  identity?: IdentityType | undefined;
  secret: boolean;
  /** An identity column naming another person (a referrer): rows found only through it merely mention the person. */
  mentions: boolean;
  /** In a row two people share: the reference column naming the person this column describes. */
  of?: string | undefined;
}

export interface ReferenceModel {
  /** The referencing (child) table and column. */
  table: string;
  column: string;
  /** The referenced (parent) table and column. */
  toTable: string;
  toColumn: string;
  /** A row of `table` belongs to whoever the referenced row belongs to (resolved: declared, or the default rules). */
  owner: boolean;
  /** The referenced row is this row's person's own (one-to-one): requests climb to it. */
  profile: boolean;
  /** The obsolete `traverse` value the charter still writes, if any (reported by lint). */
  declaredTraverse?: 'both' | 'to' | 'back' | undefined;
  nullable: boolean;
  /** A real foreign key: the referenced row cannot go while this row points at it. */
  enforced: boolean;
}

export interface HoldModel {
  hold: string;
  law: string;
  /** ISO duration the hold runs from `anchor`; absent for an open-ended hold. */
  duration?: string | undefined;
  anchor?: string | undefined;
  flag?: string | undefined;
  /** Columns kept under the hold; undefined: the whole row is kept. */
  keep?: string[] | undefined;
}

export interface AnchorModel {
  /** The column holding the anchor date. */
  column: string;
  /** When the anchor lives in a referenced table: the reference followed to it. */
  via?: ReferenceModel | undefined;
}

export interface TableModel {
  name: string;
  primaryKey: string;
  columns: ColumnModel[];
  /** References declared on this table (it is the child). */
  references: ReferenceModel[];
  /** References declared on other tables that point at this one. */
  referencedBy: ReferenceModel[];
  holds: HoldModel[];
  restrictColumn?: string | undefined;
  anchor?: AnchorModel | undefined;
  /** Whether a column of the table is an identity column (its rows belong to the person whose identity they hold). */
  hasIdentity: boolean;
  /** The references through which a row of this table belongs to a person (`owner`), resolved. */
  owners: ReferenceModel[];
  purpose?: string | undefined;
  /** The table is processed for a customer (Art. 28): requests count its rows and leave them alone (connector.ts). */
  processedFor?: { customer: string; column?: string | undefined } | undefined;
  /**
   * Erasure deletes the row when a column says `delete`, or when the table declares no personal columns at all
   * (its rows belong to the subject only through their references, like order lines).
   */
  deletesRows: boolean;
}

export interface StoreModel {
  id: string;
  kind: Store['kind'];
  schema?: string | undefined;
  tables: Map<string, TableModel>;
}

export interface HoldDefinition {
  id: string;
  law: string;
  duration?: string | undefined;
}

/** Resolves a store declaration against the charter's holds. Unknown names are left for `references.ts` to report. */
export function storeModel(store: Store, holds: readonly HoldDefinition[] = []): StoreModel {
  const tables = new Map<string, TableModel>();
  for (const table of store.tables) {
    tables.set(table.name, {
      name: table.name,
      primaryKey: table.primaryKey,
      columns: table.columns.map((c) => ({
        name: c.name,
        category: c.category,
        erase: c.erase,
        identity: c.identity,
        mentions: c.mentions ?? false,
        secret: c.secret ?? false,
        of: c.of,
      })),
      references: [],
      referencedBy: [],
      holds: table.holds.map((h) => {
        const definition = holds.find((d) => d.id === h.hold);
        return {
          hold: h.hold,
          law: definition?.law ?? '',
          duration: definition?.duration,
          anchor: h.anchor,
          flag: h.flag,
          keep: h.keep,
        };
      }),
      restrictColumn: table.restrictColumn,
      purpose: table.purpose,
      processedFor: table.processedFor,
      hasIdentity: table.columns.some((c) => c.identity !== undefined),
      owners: [],
      deletesRows: table.columns.length === 0 || table.columns.some((c) => c.erase === 'delete'),
    });
  }
  for (const table of store.tables) {
    const model = tables.get(table.name);
    if (!model) continue;
    for (const reference of table.references) {
      const [toTable = '', toColumn = ''] = reference.to.split('.');
      const ref: ReferenceModel = {
        table: table.name,
        column: reference.column,
        toTable,
        toColumn,
        owner: reference.owner ?? false,
        profile: reference.profile ?? false,
        declaredTraverse: reference.traverse,
        nullable: reference.nullable ?? false,
        enforced: reference.enforced ?? true,
      };
      model.references.push(ref);
      tables.get(toTable)?.referencedBy.push(ref);
    }
  }
  resolveOwners(
    tables,
    new Set(store.tables.filter((t) => t.references.some((r) => r.owner !== undefined)).map((t) => t.name)),
  );
  for (const table of store.tables) {
    const model = tables.get(table.name);
    if (!model || !table.anchor) continue;
    const [first, second] = table.anchor.split('.');
    if (second === undefined) model.anchor = { column: table.anchor };
    else model.anchor = { column: second, via: model.references.find((r) => r.toTable === first) };
  }
  return { id: store.id, kind: store.kind, schema: store.schema, tables };
}

/**
 * Resolves each table's owner references (docs/ownership.md): where the charter writes `owner` on a reference of a
 * table, exactly those marked `owner: true`; otherwise the defaults — its references to tables with identity columns,
 * else, for a table without identity columns of its own, its references to tables that belong to someone
 * (recursively). Self-references are never owners by default. Sets `owner` on each reference and `owners` per table.
 */
function resolveOwners(tables: Map<string, TableModel>, explicit: ReadonlySet<string>): void {
  const candidates = (t: TableModel) => t.references.filter((r) => r.toTable !== t.name && tables.has(r.toTable));
  const owned = new Set<string>();
  for (const t of tables.values()) {
    if (explicit.has(t.name)) t.owners = t.references.filter((r) => r.owner && tables.has(r.toTable));
    else t.owners = candidates(t).filter((r) => tables.get(r.toTable)?.hasIdentity);
    if (t.hasIdentity || t.owners.length > 0) owned.add(t.name);
  }
  // Rule 3: references to tables that belong to someone, to a fixed point (a chain order → order line → …).
  for (let changed = true; changed;) {
    changed = false;
    for (const t of tables.values()) {
      if (explicit.has(t.name) || t.hasIdentity || t.owners.length > 0) continue;
      const toOwned = candidates(t).filter((r) => owned.has(r.toTable));
      if (toOwned.length === 0) continue;
      t.owners = toOwned;
      owned.add(t.name);
      changed = true;
    }
  }
  for (const t of tables.values()) for (const r of t.references) r.owner = t.owners.includes(r);
}

/** One step of the traversal: rows of `target` whose `targetColumn` is among the values of `source.sourceColumn`. */
export interface TraversalEdge {
  source: string;
  sourceColumn: string;
  target: string;
  targetColumn: string;
  /** `to`: child row → the parent it references (a profile); `back`: parent row → the children that belong to it. */
  direction: 'to' | 'back';
  /** The declared reference the edge follows. */
  reference: ReferenceModel;
}

export interface SeedModel {
  table: string;
  column: string;
  type: IdentityType;
}

export interface TraversalPlan {
  seeds: SeedModel[];
  edges: TraversalEdge[];
  /** Tables reachable from the seeds, in breadth-first order. */
  reachable: string[];
  /** Declared tables no identity of the given types reaches. */
  unreachable: string[];
}

/**
 * Every edge a request follows: down each owner reference (from the parent row to the rows that belong to it) and up
 * each profile reference (from a row to the one-to-one row it declares its person's own). Nothing else: a parent
 * several people share is never entered, so nobody else's rows are reached through it.
 */
export function traversalEdges(model: StoreModel): TraversalEdge[] {
  const edges: TraversalEdge[] = [];
  for (const table of model.tables.values()) {
    for (const ref of table.references) {
      if (!model.tables.has(ref.toTable)) continue;
      if (ref.owner)
        edges.push({
          source: ref.toTable,
          sourceColumn: ref.toColumn,
          target: ref.table,
          targetColumn: ref.column,
          direction: 'back',
          reference: ref,
        });
      if (ref.profile)
        edges.push({
          source: ref.table,
          sourceColumn: ref.column,
          target: ref.toTable,
          targetColumn: ref.toColumn,
          direction: 'to',
          reference: ref,
        });
    }
  }
  return edges;
}

/** The seeds and edges for a request with identities of the given types. */
export function traversalPlan(model: StoreModel, types: readonly IdentityType[]): TraversalPlan {
  const seeds: SeedModel[] = [];
  for (const table of model.tables.values()) {
    for (const column of table.columns) {
      if (column.identity && types.includes(column.identity))
        seeds.push({ table: table.name, column: column.name, type: column.identity });
    }
  }
  const edges = traversalEdges(model);
  const reachable: string[] = [];
  const queue = [...new Set(seeds.map((s) => s.table))];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const table = queue.shift() as string;
    reachable.push(table);
    for (const edge of edges) {
      if (edge.source === table && !seen.has(edge.target)) {
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  const unreachable = [...model.tables.keys()].filter((t) => !seen.has(t));
  const used = edges.filter((e) => seen.has(e.source));
  return { seeds, edges: used, reachable, unreachable };
}

/** Cycles of references no order can delete (each as the list of tables along it). Nullable references break cycles. */
export function referenceCycles(model: StoreModel): string[][] {
  const graph = new Map<string, string[]>();
  for (const table of model.tables.values()) {
    graph.set(
      table.name,
      table.references.filter((r) => !r.nullable && r.enforced && model.tables.has(r.toTable)).map((r) => r.toTable),
    );
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const seenCycles = new Set<string>();
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'visiting') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join('>');
        if (!seenCycles.has(key)) {
          seenCycles.add(key);
          cycles.push([...cycle, next]);
        }
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/**
 * Tables in an order safe for deletion: every table comes before the tables it references (children first),
 * ignoring nullable references (set to NULL beforehand). Throws on a cycle; validation reports cycles first.
 */
export function deletionOrder(model: StoreModel): string[] {
  const cycles = referenceCycles(model);
  if (cycles.length > 0) throw new Error(`reference cycle: ${cycles[0]?.join(' → ')}`);
  const order: string[] = [];
  const done = new Set<string>();
  // Depth-first: a parent is placed after all of its children.
  const place = (name: string) => {
    if (done.has(name)) return;
    done.add(name);
    const table = model.tables.get(name);
    for (const child of table?.referencedBy ?? []) {
      if (!child.nullable && child.enforced && child.table !== name) place(child.table);
    }
    order.push(name);
  };
  for (const name of model.tables.keys()) place(name);
  return order;
}
