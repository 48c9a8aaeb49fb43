/**
 * Cross-reference checks of the `stores` section: each table's columns, rules, anchors, references, holds and the
 * customers it is processed for; per store, the reference cycles erasure cannot break and the tables no identity
 * reaches; across stores, one physical table declared twice.
 */
import { referenceCycles, storeModel, traversalPlan } from '../stores/plan.js';
import { engineHolds } from './localized.js';
import { hint, type IssuePath, type ReferenceContext } from './reference-context.js';
import { hasPeriod, retentionKind, type Store, type StoreTable } from './schema.js';

type At = (...rest: IssuePath) => IssuePath;

/** Every store: its tables, then the cycles and unreachable tables of its data map. */
export function checkStores(context: ReferenceContext): void {
  const { charter, add } = context;
  charter.stores.forEach((store, s) => {
    if (store.kind === 'http' && !store.secret) {
      add(
        ['stores', s, 'secret'],
        'missing_secret',
        'an HTTP store needs `secret`: the environment variable holding its signing key',
      );
    }
    const seenTables = new Set<string>();
    store.tables.forEach((table, t) => {
      const at: At = (...rest) => ['stores', s, 'tables', t, ...rest];
      if (seenTables.has(table.name))
        add(at('name'), 'duplicate_id', `table "${table.name}" is declared twice in store ${store.id}`);
      seenTables.add(table.name);
      checkStoreTable(context, store, table, at);
    });
    checkDataMap(context, store, s);
  });
}

function checkStoreTable(context: ReferenceContext, store: Store, table: StoreTable, at: At): void {
  const { add, expectIn, ids } = context;
  checkColumns(context, table, at);
  if (table.purpose) expectIn(at('purpose'), table.purpose, ids.purposes, 'purpose');
  checkTableRules(context, table, at);
  if (table.restrictColumn?.includes('.')) {
    // Art. 18 protects a person's rows in every table through ownership: the flag lives on the person's own row.
    add(
      at('restrictColumn'),
      'impossible_value',
      `restrictColumn "${table.restrictColumn}" points at another table: restriction is inherited through ownership (a row belonging to a restricted row is protected), so declare restrictColumn only on the table that holds the flag, as a column of it`,
    );
  }
  if (table.purpose && !table.anchor)
    add(at('anchor'), 'missing_anchor', 'a table governed by a retention rule needs the column its period runs from');
  checkExecutable(context, table, at);
  if (table.processedFor) checkProcessedFor(context, table, store.kind, at);
  checkTableReferences(context, store, table, at);
  if (table.anchor?.includes('.')) {
    const [anchorTable] = table.anchor.split('.');
    if (!table.references.some((r) => r.to.split('.')[0] === anchorTable)) {
      add(
        at('anchor'),
        'unknown_reference',
        `the anchor "${table.anchor}" needs a reference from ${table.name} to ${anchorTable ?? ''}`,
      );
    }
  }
  checkTableHolds(context, table, at);
}

function checkColumns({ add, checkData }: ReferenceContext, table: StoreTable, at: At): void {
  table.columns.forEach((column, c) => {
    checkData(at('columns', c, 'category'), column.category);
    if (column.name === table.primaryKey && column.erase !== 'keep' && column.erase !== 'delete') {
      add(
        at('columns', c, 'erase'),
        'impossible_value',
        `the primary key "${column.name}" can only be kept or deleted with its row`,
      );
    }
    if (column.mentions && !column.identity) {
      add(
        at('columns', c, 'mentions'),
        'impossible_value',
        `"mentions" marks an identity column that names another person; ${column.name} has no identity type: add "identity" or remove "mentions"`,
      );
    }
  });
}

function checkTableRules({ add, expectIn, ids }: ReferenceContext, table: StoreTable, at: At): void {
  table.rules?.forEach((rule, r) => {
    expectIn(at('rules', r, 'purpose'), rule.purpose, ids.purposes, 'purpose');
    rule.columns?.forEach((name, c) => {
      if (!table.columns.some((column) => column.name === name))
        add(at('rules', r, 'columns', c), 'unknown_reference', `"${name}" is not a declared column of ${table.name}`);
    });
    const [anchorTable] = rule.anchor.split('.');
    if (
      rule.anchor.includes('.') &&
      anchorTable !== table.name &&
      !table.references.some((x) => x.to.split('.')[0] === anchorTable)
    ) {
      add(
        at('rules', r, 'anchor'),
        'unknown_reference',
        `the anchor "${rule.anchor}" needs a reference from ${table.name} to ${anchorTable ?? ''}`,
      );
    }
  });
}

/** A sweep deletes by a date: a rule stated by criteria, or not decided, cannot govern a table. */
function checkExecutable({ charter, add }: ReferenceContext, table: StoreTable, at: At): void {
  const unexecutable = (id: string | undefined, path: IssuePath) => {
    const governing = id ? charter.purposes.find((p) => p.id === id) : undefined;
    if (governing && !hasPeriod(governing.retention)) {
      add(
        path,
        'not_executable',
        `the retention of purpose "${governing.id}" has no duration (${retentionKind(governing.retention) === 'criteria' ? 'it is stated by criteria' : 'it is not decided'}), so no sweep can execute it on ${table.name}: give the purpose a duration, or do not let it govern the table`,
      );
    }
  };
  unexecutable(table.purpose, at('purpose'));
  table.rules?.forEach((rule, r) => unexecutable(rule.purpose, at('rules', r, 'purpose')));
}

function checkTableReferences({ add }: ReferenceContext, store: Store, table: StoreTable, at: At): void {
  const tableNames = store.tables.map((t) => t.name);
  table.references.forEach((reference, r) => {
    const [target, targetColumn] = reference.to.split('.');
    const targetTable = store.tables.find((x) => x.name === target);
    if (target && !targetTable)
      add(at('references', r, 'to'), 'unknown_reference', `unknown table "${target}"${hint(target, tableNames)}`);
    else if (
      targetTable &&
      targetColumn &&
      targetColumn !== targetTable.primaryKey &&
      !targetTable.columns.some((c) => c.name === targetColumn)
    ) {
      add(
        at('references', r, 'to'),
        'unknown_reference',
        `"${targetColumn}" is neither the primary key nor a declared column of ${target}`,
      );
    }
  });
}

function checkTableHolds({ charter, add, expectIn, ids }: ReferenceContext, table: StoreTable, at: At): void {
  table.holds.forEach((held, h) => {
    expectIn(at('holds', h, 'hold'), held.hold, ids.holds, 'legal hold');
    const definition = charter.holds.find((x) => x.id === held.hold);
    if (held.anchor && definition && !definition.duration) {
      add(
        at('holds', h, 'anchor'),
        'impossible_value',
        `hold "${held.hold}" has no duration to run from ${held.anchor}: give the hold a duration or use a flag column`,
      );
    }
  });
}

/** The data map of one SQL store: reference cycles erasure cannot order, and tables no identity reaches. */
function checkDataMap({ charter, add }: ReferenceContext, store: Store, s: number): void {
  if (store.kind === 'http' || store.tables.length === 0) return;
  // Cycles of non-nullable references: no order can delete their rows (children first), so erasure would fail.
  const model = storeModel(store, engineHolds(charter));
  for (const cycle of referenceCycles(model)) {
    const index = store.tables.findIndex((x) => x.name === cycle[0]);
    add(
      ['stores', s, 'tables', Math.max(0, index), 'references'],
      'reference_cycle',
      `reference cycle ${cycle.join(' → ')}: mark one of its references nullable: true so erasure can unlink it first`,
    );
  }
  // Every table must be reachable from some identity, or requests would silently miss it.
  const plan = traversalPlan(model, ['email', 'phone', 'customer-number', 'account-id']);
  for (const name of plan.unreachable) {
    const index = store.tables.findIndex((x) => x.name === name);
    add(
      ['stores', s, 'tables', index, 'name'],
      'unreachable_table',
      `no identity column reaches table "${name}": declare an identity column on it or a reference to a table that has one`,
    );
  }
}

/**
 * One physical table declared twice (one database under two stores, or twice in one store) would be read, erased
 * and swept twice under rules that contradict each other: declare it once, with several `rules` if needed.
 */
export function checkPhysicalTables({ charter, add }: ReferenceContext): void {
  const physical = new Map<string, IssuePath>();
  charter.stores.forEach((store, s) => {
    if (store.kind === 'http') return;
    store.tables.forEach((table, t) => {
      const key = `${store.connection}\u0000${store.schema ?? ''}\u0000${table.name}`;
      const first = physical.get(key);
      const at: IssuePath = ['stores', s, 'tables', t, 'name'];
      if (first) {
        const where = (path: IssuePath) => `stores[${String(path[1])}].tables[${String(path[3])}]`;
        const message = (other: IssuePath) =>
          `table "${table.name}" of the database ${store.connection}${store.schema ? ` (schema ${store.schema})` : ''} is declared twice (also at ${where(other)}): declare it once and give it several retention rules (rules: [...]) instead`;
        add(first, 'duplicate_table', message(at));
        // Twice in one store: the second is already reported as a duplicate name.
        if (first[1] !== s) add(at, 'duplicate_table', message(first));
      } else physical.set(key, at);
    });
  });
}

/**
 * A table the organisation processes for its customers (Art. 28): the customer must be declared, the table cannot
 * also be governed by a purpose of the organisation's own, the customer's retention needs an anchor column, and
 * the column naming the client must exist.
 */
function checkProcessedFor(
  { charter, add, ids }: ReferenceContext,
  table: StoreTable,
  storeKind: Store['kind'],
  at: At,
): void {
  const declared = table.processedFor;
  if (!declared) return;
  if (!ids.customers.includes(declared.customer)) {
    add(
      at('processedFor', 'customer'),
      'unknown_reference',
      `unknown customer "${declared.customer}"${hint(declared.customer, ids.customers)}: declare it under customers`,
    );
  }
  if (table.purpose) {
    add(
      at('purpose'),
      'conflicting_governance',
      `table "${table.name}" is processed for customer "${declared.customer}": it follows the customer's instructions, so it cannot also be governed by the purpose "${table.purpose}" of the organisation's own`,
    );
  }
  if (storeKind === 'http') {
    add(
      at('processedFor'),
      'unsupported',
      'processor data is supported on PostgreSQL and MySQL stores; an HTTP store decides itself what its adapter returns',
    );
  }
  const customer = charter.customers.find((c) => c.id === declared.customer);
  if (customer?.retention && !table.anchor) {
    add(
      at('anchor'),
      'missing_anchor',
      `customer "${customer.id}" instructs a retention of at most ${customer.retention.maximum}: give the column the period runs from`,
    );
  }
  if (declared.column) {
    const columns = [table.primaryKey, ...table.columns.map((c) => c.name), ...table.references.map((r) => r.column)];
    if (!columns.includes(declared.column)) {
      add(
        at('processedFor', 'column'),
        'unknown_reference',
        `"${declared.column}" is neither a declared column nor a reference column of ${table.name}${hint(declared.column, columns)}`,
      );
    }
  }
}
