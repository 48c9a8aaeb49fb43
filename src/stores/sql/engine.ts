/**
 * The SQL store connector: access, erasure, rectification, restriction and retention sweeps over any `SqlDriver`
 * (PostgreSQL, PGlite, MySQL/MariaDB), driven by the store's declaration in the charter.
 *
 * Erasure runs in one transaction per store: find the subject's rows, decide per row (delete, update the columns by
 * their strategy, reduce to the columns a legal hold keeps, or keep), keep parents still referenced by kept
 * children (or unlink them where the reference is nullable), then write by primary key in batches — updates,
 * unlinks, and deletes children-first. Strategies are idempotent, so a re-run after a crash changes nothing twice.
 */
import { addDuration, duration } from '../../charter/duration.js';
import {
  StoreError,
  type AccessColumn,
  type AccessRecord,
  type AccessRequest,
  type AccessSink,
  type AccessSummary,
  type ConnectorContext,
  type ContactsOnFile,
  type DueCount,
  type DueQuery,
  type ErasedTable,
  type ErasureRequest,
  type ErasureResult,
  type Identity,
  type JsonValue,
  type KeptRows,
  type LiveSchema,
  type RectificationRequest,
  type RectificationResult,
  type RestrictionRequest,
  type RestrictionResult,
  type RowRule,
  type StoreConnector,
  type SweepRequest,
  type SweepResult,
  type TableCount,
} from '../connector.js';
import {
  classifyRows,
  mentionedColumns,
  ownershipColumns,
  personColumns,
  restrictable,
  valueText,
  visibleColumns,
  type ProfileReferrers,
  type RowOwnership,
} from '../ownership.js';
import {
  deletionOrder,
  traversalPlan,
  type AnchorModel,
  type ColumnModel,
  type HoldModel,
  type ReferenceModel,
  type StoreModel,
  type TableModel,
  type TraversalPlan,
} from '../plan.js';
import { leftToCustomer, ProcessorTally, protectCustomerParents } from '../processor-rows.js';
import { findOwnerlessRows } from './ownerless.js';
import { defaultRedactToken, hashPrefix, hashValue, hmacPads } from '../strategies.js';
import { countingSession, Statement, type SqlDriver, type SqlSession } from './driver.js';
import { restrictedMember, restrictedRows, type RestrictedRows } from './restricted.js';
import { chunks, tableName, traverse, valueFitsFamily, type Row } from './traverse.js';

const accessBatch = 1000;

/** A value as JSON: dates as ISO strings, binary as base64, big integers as strings. */
export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return null;
}

function keyText(value: unknown): string {
  const json = toJson(value);
  return typeof json === 'string' ? json : JSON.stringify(json);
}

function truthy(value: unknown): boolean {
  return (
    value === true ||
    value === 1 ||
    value === '1' ||
    value === 't' ||
    value === 'true' ||
    (Buffer.isBuffer(value) && value[0] === 1)
  );
}

function asDate(value: unknown): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const date =
    value instanceof Date
      ? value
      : new Date(typeof value === 'number' ? value : typeof value === 'string' ? value : NaN);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The hold that keeps a row now, if any (first matching hold wins), and until when. */
export function rowHold(
  holds: readonly HoldModel[],
  row: Row,
  now: Date,
): { hold: HoldModel; until?: Date | undefined } | undefined {
  for (const hold of holds) {
    if (hold.flag !== undefined && truthy(row[hold.flag])) return { hold };
    if (hold.anchor !== undefined) {
      const anchor = asDate(row[hold.anchor]);
      if (anchor && hold.duration) {
        const until = addDuration(anchor, duration(hold.duration));
        if (until > now) return { hold, until };
      }
      continue;
    }
    if (hold.flag === undefined) return { hold };
  }
  return undefined;
}

type RowAction =
  | { kind: 'delete' }
  | { kind: 'update' }
  | { kind: 'reduce'; hold: HoldModel; until?: Date | undefined }
  | { kind: 'keep'; hold: HoldModel | 'referenced'; until?: Date | undefined }
  /** A row someone else's row still references: kept, its personal columns erased by their strategies. */
  | { kind: 'anonymise' }
  /** A row shared with someone else: only the person's columns are erased and their nullable references unlinked. */
  | { kind: 'shared'; columns: ColumnModel[]; unlink: ReferenceModel[] }
  /** A row processed for a customer (Art. 28): never written, counted; it still protects the rows it references. */
  | { kind: 'customer' };

/** Columns written when a row is updated (`update`) or reduced to a hold's kept columns (`reduce`). */
export function writtenColumns(
  table: TableModel,
  mode: 'update' | 'reduce' | 'anonymise',
  keep: readonly string[] = [],
): ColumnModel[] {
  return table.columns.filter((c) => {
    if (c.name === table.primaryKey) return false;
    if (mode === 'reduce') return !keep.includes(c.name) && c.erase !== 'keep';
    if (mode === 'anonymise') return c.erase !== 'keep';
    return c.erase === 'null' || c.erase === 'hash' || c.erase === 'redact';
  });
}

function effectiveStrategy(column: ColumnModel, mode: 'update' | 'reduce' | 'anonymise'): 'null' | 'hash' | 'redact' {
  if (column.erase === 'hash' || column.erase === 'redact') return column.erase;
  if (mode !== 'update' && column.erase === 'delete') return 'null';
  return 'null';
}

export interface SqlConnectorOptions {
  id: string;
  kind: 'postgres' | 'mysql';
  model: StoreModel;
  driver: SqlDriver;
  context: Pick<ConnectorContext, 'hashKey' | 'redactToken'>;
  /** Statements an access runs at once over the pool (default 4; keep at most the pool size). */
  concurrency?: number;
}

/** A `StoreConnector` over a SQL driver. */
export function createSqlConnector(options: SqlConnectorOptions): StoreConnector {
  const { id, model, driver } = options;
  const token = options.context.redactToken ?? defaultRedactToken;
  const hashKey = options.context.hashKey;

  const table = (name: string): TableModel => {
    const found = model.tables.get(name);
    if (!found) throw new StoreError(id, `table "${name}" is not declared in the charter`, 'unknown_table');
    return found;
  };
  const types = (identities: readonly Identity[]) => [...new Set(identities.map((i) => i.type))];

  // The families of the identity columns, read once from the live schema, so a value the column cannot hold is
  // never compared with it (an unreadable schema leaves every value allowed, as before). Only a successful read is
  // kept: a failed or timed-out one (the store briefly unreachable) is tried again by the next request, not cached
  // as an empty schema until the connector is reopened.
  let liveSchema: Promise<LiveSchema | undefined> | undefined;
  const live = () =>
    (liveSchema ??= driver.introspect(model.schema).catch(() => {
      liveSchema = undefined;
      return undefined;
    }));
  const identityFamilies = async () =>
    new Map(
      ((await live())?.tables ?? []).flatMap((t) => t.columns.map((c) => [`${t.name}.${c.name}`, c.family] as const)),
    );
  const seedFilter = async () => {
    const known = await identityFamilies();
    return (table: string, column: string, value: string) => valueFitsFamily(known.get(`${table}.${column}`), value);
  };
  /**
   * Refuses a request that would reach a table whose declared primary key is not a key of the live table (one column
   * of a composite key, or a column that is neither the primary key nor unique): rows would be told apart by it and
   * written by it, so a write for one person would reach another person's rows sharing the value. `stores check`
   * reports the same table; a schema that cannot be read is left to the statements themselves.
   */
  const assertKeys = async (plan: TraversalPlan) => {
    const schema = await live();
    if (!schema) return;
    for (const name of plan.reachable) {
      const t = model.tables.get(name);
      const liveTable = schema.tables.find((l) => l.name === name);
      if (!t || !liveTable) continue;
      const column = liveTable.columns.find((c) => c.name === t.primaryKey);
      const isKey =
        (liveTable.primaryKey.length === 1 && liveTable.primaryKey[0] === t.primaryKey) || Boolean(column?.unique);
      if (!isKey) {
        throw new StoreError(
          id,
          `"${name}.${t.primaryKey}" is not a key of ${name} (its primary key is ${liveTable.primaryKey.length > 0 ? `(${liveTable.primaryKey.join(', ')})` : 'missing'}): rows of different people could share it, so no request acts on this store until a unique column is declared (charter stores check)`,
          'primary_key',
        );
      }
    }
  };

  /** Writes `columns` of the rows by strategy, in batches; hashed columns need the current values. */
  async function writeStrategies(
    session: SqlSession,
    t: TableModel,
    rows: Row[],
    columns: ColumnModel[],
    mode: 'update' | 'reduce' | 'anonymise',
    batchSize: number,
  ): Promise<number> {
    if (columns.length === 0 || rows.length === 0) return 0;
    let written = 0;
    for (const batch of chunks(rows, batchSize)) {
      const statement = new Statement(session.dialect);
      const pk = statement.id(t.primaryKey);
      const hashed = columns.filter((column) => effectiveStrategy(column, mode) === 'hash');
      const fixed = (column: ColumnModel, target: string) =>
        effectiveStrategy(column, mode) === 'null' ? `${target} = null` : `${target} = ${statement.param(token)}`;
      const keys = batch.map((row) => row[t.primaryKey]);
      const hashes = (column: ColumnModel) => batch.map((row) => hashValue(row[column.name], hashKey));
      const target = tableName(statement, model, t.name);
      let text: string;
      if (hashed.length === 0) {
        text = `update ${target} set ${columns.map((c) => fixed(c, statement.id(c.name))).join(', ')} where ${statement.inList(pk, keys)}`;
      } else if (
        session.dialect === 'postgres' &&
        keys.every((k) => typeof k === 'string' || typeof k === 'number' || typeof k === 'bigint')
      ) {
        // Each row's hash looked up by its key's text in one JSON object per column: one statement, a few
        // parameters, a binary search per row (a CASE with a branch per row costs the square of the batch).
        const sets = columns.map((c) => {
          if (effectiveStrategy(c, mode) !== 'hash') return fixed(c, statement.id(c.name));
          const values = hashes(c);
          const lookup = Object.fromEntries(keys.map((k, i) => [String(k), values[i] ?? null]));
          return `${statement.id(c.name)} = ${statement.param(JSON.stringify(lookup))}::jsonb ->> (${pk}::text)`;
        });
        text = `update ${target} set ${sets.join(', ')} where ${statement.inList(pk, keys)}`;
      } else if (session.dialect === 'mysql') {
        // Joined to a derived table of (key, hashes…) rows: one statement, each row found by its primary key.
        const columnHashes = hashed.map(hashes);
        const derived = keys
          .map(
            (k, i) =>
              `select ${statement.param(k)}${i === 0 ? ' as k' : ''}${columnHashes.map((h, j) => `, ${statement.param(h[i] ?? null)}${i === 0 ? ` as h${j}` : ''}`).join('')}`,
          )
          .join(' union all ');
        const sets = columns.map((c) => {
          const j = hashed.indexOf(c);
          return j >= 0 ? `t.${statement.id(c.name)} = u.h${j}` : fixed(c, `t.${statement.id(c.name)}`);
        });
        text = `update ${target} t join (${derived}) u on t.${pk} = u.k set ${sets.join(', ')}`;
      } else {
        const sets = columns.map((c) => {
          if (effectiveStrategy(c, mode) !== 'hash') return fixed(c, statement.id(c.name));
          const values = hashes(c);
          return `${statement.id(c.name)} = case ${pk} ${keys.map((k, i) => `when ${statement.param(k)} then ${statement.param(values[i])}`).join(' ')} else ${statement.id(c.name)} end`;
        });
        text = `update ${target} set ${sets.join(', ')} where ${statement.inList(pk, keys)}`;
      }
      written += (await session.query(text, statement.params)).affected || batch.length;
    }
    return written;
  }

  /**
   * A column's anonymisation as a PostgreSQL expression: the keyed hash computed by the database (HMAC-SHA256 from
   * the padded keys, the same value `hashValue` gives; `concat` keeps the padding of a char(n) as the driver reads it).
   */
  function sqlStrategy(statement: Statement, column: ColumnModel, current: string): string {
    const strategy = effectiveStrategy(column, 'anonymise');
    if (strategy === 'null') return 'null';
    if (strategy === 'redact') return statement.param(token);
    const pads = (padded ??= hmacPads(hashKey));
    const digest = `sha256(${statement.param(pads.outer)}::bytea || sha256(${statement.param(pads.inner)}::bytea || convert_to(concat(${current}), 'UTF8')))`;
    const prefix = statement.param(hashPrefix);
    return `case when ${current} is null then null when ${current} ~ ${statement.param(`^${hashPrefix}[0-9a-f]{32}$`)} then ${current} else ${prefix} || left(encode(${digest}, 'hex'), 32) end`;
  }
  let padded: { inner: Buffer; outer: Buffer } | undefined;

  async function deleteKeys(
    session: SqlSession,
    t: TableModel,
    keys: unknown[],
    batchSize: number,
    onBatch?: (rows: number) => void,
  ): Promise<number> {
    let deleted = 0;
    for (const batch of chunks(keys, batchSize)) {
      const statement = new Statement(session.dialect);
      const text = `delete from ${tableName(statement, model, t.name)} where ${statement.inList(statement.id(t.primaryKey), batch)}`;
      deleted += (await session.query(text, statement.params)).affected;
      onBatch?.(batch.length);
    }
    return deleted;
  }

  // The sweep ledger: one row per retention run (job), holding its last batch's effect, written in the batch's own
  // transaction. Created once per connector, outside any transaction (DDL commits implicitly on MySQL).
  let ledger: Promise<boolean> | undefined;
  const ledgerReady = () =>
    (ledger ??= (async () => {
      const statement = new Statement(driver.dialect);
      const engine = driver.dialect === 'mysql' ? ' engine=InnoDB' : '';
      try {
        await driver.query(
          `create table if not exists ${ledgerName(statement, model)} (job_id varchar(64) primary key, batch_id varchar(64) not null, deleted bigint not null, anonymised bigint not null, reduced varchar(4000) not null)${engine}`,
        );
        return true;
      } catch {
        // A role without CREATE: sweeps go on without the ledger (a crash between commit and record is then not recounted).
        return false;
      }
    })());
  async function recordLedger(session: SqlSession, jobId: string, batchId: string, result: SweepResult): Promise<void> {
    const statement = new Statement(session.dialect);
    const values = [jobId, batchId, result.deleted, result.anonymised, JSON.stringify(result.reduced)].map((v) =>
      statement.param(v),
    );
    const columns = '(job_id, batch_id, deleted, anonymised, reduced)';
    const update =
      session.dialect === 'postgres'
        ? 'on conflict (job_id) do update set batch_id = excluded.batch_id, deleted = excluded.deleted, anonymised = excluded.anonymised, reduced = excluded.reduced'
        : 'on duplicate key update batch_id = values(batch_id), deleted = values(deleted), anonymised = values(anonymised), reduced = values(reduced)';
    await session.query(
      `insert into ${ledgerName(statement, model)} ${columns} values (${values.join(', ')}) ${update}`,
      statement.params,
    );
  }

  /**
   * The person's rows in this store and whose they are (docs/ownership.md): the traversal's rows with the columns
   * asked for plus those ownership needs, then, for each profile reference, every row of the store that points at a
   * profile row found (someone else's profile makes it shared), then the classification.
   */
  async function findPersonRows(
    session: SqlSession,
    plan: TraversalPlan,
    identities: readonly Identity[],
    accepts: (table: string, column: string, value: string) => boolean,
    columns: (t: TableModel) => string[],
    concurrency?: number,
  ): Promise<{ found: Map<string, Row[]>; ownership: Map<string, Map<string, RowOwnership>> }> {
    const found = new Map<string, Row[]>();
    const seedTables = new Set(plan.seeds.map((s) => s.table));
    // Seed rows that name someone else in another identity column: their data is that person's (docs/ownership.md).
    const mentions = new Map<Row, string[]>();
    await traverse(session, model, plan, identities, {
      acceptsValue: accepts,
      ...(concurrency === undefined ? {} : { concurrency }),
      columns: (t) => [
        ...new Set([
          ...columns(t),
          ...ownershipColumns(model, t),
          ...t.columns.filter((c) => c.identity).map((c) => c.name),
        ]),
      ],
      leadsNowhere: (t, row) => {
        if (!seedTables.has(t.name)) return false;
        const mentioned = mentionedColumns(t, row, identities);
        if (mentioned) mentions.set(row, mentioned);
        return mentioned !== undefined;
      },
      onRows: async (t, rows) => {
        const list = found.get(t.name);
        if (list) for (const row of rows) list.push(row);
        else found.set(t.name, [...rows]);
      },
    });
    const referrers: ProfileReferrers = new Map();
    for (const t of model.tables.values()) {
      for (const ref of t.references) {
        const targets = ref.profile ? found.get(ref.toTable) : undefined;
        if (!targets || !model.tables.has(ref.toTable)) continue;
        const values = [
          ...new Set(targets.map((row) => row[ref.toColumn]).filter((v) => v !== null && v !== undefined)),
        ];
        const byValue = new Map<string, Set<string>>();
        for (const batch of chunks(values, 1000)) {
          const statement = new Statement(session.dialect);
          const text = `select ${statement.id(t.primaryKey)} as k, ${statement.id(ref.column)} as v from ${tableName(statement, model, t.name)} where ${statement.inList(statement.id(ref.column), batch)}`;
          for (const row of (await session.query(text, statement.params)).rows) {
            const value = valueText(row.v);
            const keys = byValue.get(value) ?? new Set<string>();
            keys.add(valueText(row.k));
            byValue.set(value, keys);
          }
        }
        referrers.set(ref, byValue);
      }
    }
    // Rows the found ones point at that belong to nobody (an earlier erasure's husks) count as NULL: idempotence.
    const nobody = await findOwnerlessRows(session, model, found, referrers, {
      redactToken: token,
      heldColumns: (t, row) => {
        const held = rowHold(t.holds, row, new Date());
        return held ? (held.hold.keep ?? 'all') : undefined;
      },
    });
    return { found, ownership: classifyRows(model, found, referrers, mentions, nobody) };
  }

  /**
   * Values of `t`'s rows that rows outside `found` still reference through an enforced foreign key: deleting those
   * rows would fail, or (if the database cascaded) reach into someone else's data; they are kept.
   */
  async function referencedFromOutside(
    session: SqlSession,
    plan: TraversalPlan,
    t: TableModel,
    rows: readonly Row[],
    found: ReadonlyMap<string, Row[]>,
  ): Promise<Map<string, Set<string>>> {
    const outside = new Map<string, Set<string>>();
    for (const ref of t.referencedBy) {
      const child = model.tables.get(ref.table);
      if (!ref.enforced || !child) continue;
      // A reference the traversal walked down from these rows already brought back every row pointing at them: all
      // are in `found`, none is outside, and the query would only repeat the traversal's.
      if (plan.edges.some((edge) => edge.direction === 'back' && edge.reference === ref)) continue;
      const values = [...new Set(rows.map((row) => row[ref.toColumn]).filter((v) => v !== null && v !== undefined))];
      if (values.length === 0) continue;
      const mine = new Set((found.get(child.name) ?? []).map((row) => valueText(row[child.primaryKey])));
      const kept = outside.get(ref.toColumn) ?? new Set<string>();
      for (const batch of chunks(values, 1000)) {
        const statement = new Statement(session.dialect);
        const text = `select ${statement.id(child.primaryKey)} as k, ${statement.id(ref.column)} as v from ${tableName(statement, model, child.name)} where ${statement.inList(statement.id(ref.column), batch)}`;
        for (const row of (await session.query(text, statement.params)).rows)
          if (!mine.has(valueText(row.k))) kept.add(valueText(row.v));
      }
      outside.set(ref.toColumn, kept);
    }
    return outside;
  }

  const connector: StoreConnector = {
    id,
    kind: options.kind,
    capabilities: { introspect: true, sample: true },

    async access(request: AccessRequest, sink: AccessSink): Promise<AccessSummary> {
      // Read before any transaction opens: the schema comes through the pool.
      const accepts = await seedFilter();
      const plan = traversalPlan(model, types(request.identities));
      await assertKeys(plan);
      const counts = new Map<string, number>();
      const processor = new ProcessorTally();
      // No transaction: PostgreSQL and MySQL read committed give each statement its own snapshot anyway, and a
      // large result opens its own cursor transaction. One connection per statement keeps the pool free. The rows
      // are held until the traversal ends: whether a row is the person's alone is known only once its parents are.
      const session = countingSession(driver);
      const { found, ownership } = await findPersonRows(
        session,
        plan,
        request.identities,
        accepts,
        (t) => t.columns.map((c) => c.name),
        options.concurrency ?? 4,
      );
      for (const name of plan.reachable) {
        const t = model.tables.get(name);
        const rows = found.get(name);
        if (!t || !rows) continue;
        if (leftToCustomer(t, request.processorData)) {
          processor.add(t, rows.length);
          continue;
        }
        const owned = ownership.get(name);
        const records: AccessRecord[] = [];
        for (const row of rows) {
          const key = keyText(row[t.primaryKey]);
          const own = owned?.get(valueText(row[t.primaryKey])) ?? {
            exclusive: false,
            mine: new Set<string>(),
            restricted: false,
          };
          if (own.restricted && request.excludeRestricted) continue;
          // Art. 15(4): in a row shared with someone else, their columns are withheld.
          const columns: AccessColumn[] = visibleColumns(t.columns, own)
            .filter((c) => request.includeSecrets || !c.secret)
            .map((c) => ({ name: c.name, category: c.category, value: toJson(row[c.name]) }));
          records.push({
            store: id,
            table: t.name,
            key,
            columns,
            restricted: own.restricted,
            ...(own.exclusive ? {} : { shared: true }),
          });
        }
        counts.set(t.name, (counts.get(t.name) ?? 0) + records.length);
        for (const batch of chunks(records, accessBatch)) await sink(batch);
      }
      return {
        store: id,
        tables: [...counts].map(([name, rows]) => ({ table: name, rows })),
        queries: session.count,
        processorRows: processor.list(),
      };
    },

    async contacts(identities: Identity[]): Promise<ContactsOnFile> {
      // Read before any transaction opens: the schema comes through the pool.
      const accepts = await seedFilter();
      const plan = traversalPlan(model, types(identities));
      const contacts = new Map<string, Identity>();
      let found = false;
      await traverse(driver, model, { ...plan, edges: [] }, identities, {
        acceptsValue: accepts,
        columns: (t) => t.columns.filter((c) => c.identity).map((c) => c.name),
        onRows: async (t, rows) => {
          found = true;
          for (const row of rows) {
            // A row that names the person only beside someone else's address (Mallory's row with Alice as her
            // referrer) is not the person's: its other addresses must never receive the person's code.
            if (mentionedColumns(t, row, identities)) continue;
            for (const column of t.columns) {
              const value = row[column.name];
              // The person's own row naming a referrer: the referrer's address is not a channel of the person.
              if (column.mentions) continue;
              if (
                column.identity &&
                typeof value === 'string' &&
                value.length > 0 &&
                !value.startsWith(hashPrefix) &&
                value !== token
              ) {
                contacts.set(`${column.identity}:${value}`, { type: column.identity, value });
              }
            }
          }
        },
      });
      return { store: id, found, contacts: [...contacts.values()] };
    },

    async erase(request: ErasureRequest): Promise<ErasureResult> {
      // Read before any transaction opens: the schema comes through the pool.
      const accepts = await seedFilter();
      const batchSize = request.batchSize ?? 500;
      const now = new Date();
      const plan = traversalPlan(model, types(request.identities));
      await assertKeys(plan);
      const order = deletionOrder(model);
      const run = async (raw: SqlSession): Promise<ErasureResult> => {
        const session = countingSession(raw);
        const { found, ownership } = await findPersonRows(session, plan, request.identities, accepts, (t) => {
          const columns = new Set<string>();
          for (const c of t.columns) if (c.erase === 'hash') columns.add(c.name);
          for (const h of t.holds) {
            if (h.anchor) columns.add(h.anchor);
            if (h.flag) columns.add(h.flag);
          }
          for (const r of t.references) columns.add(r.column);
          for (const r of t.referencedBy) columns.add(r.toColumn);
          return [...columns];
        });
        const ownershipOf = (t: TableModel, row: Row): RowOwnership =>
          ownership.get(t.name)?.get(valueText(row[t.primaryKey])) ?? {
            exclusive: false,
            mine: new Set(),
            restricted: false,
          };

        // Decide per row, children first so a parent knows which children survive. The order cannot follow nullable
        // references (they break cycles), so a child met after its parent may still keep it: the decisions are made
        // again until the rows kept no longer change (protection only grows, so this ends).
        let actions = new Map<string, Map<unknown, RowAction>>();
        const protectedValues = new Map<string, Map<string, Set<unknown>>>(); // parent table → column → values kept by children
        let unlinks: {
          table: TableModel;
          column: string;
          toTable: string;
          toColumn: string;
          keys: unknown[];
          values: unknown[];
        }[] = [];
        let sharedUnlinks: { table: TableModel; column: string; keys: unknown[] }[] = [];
        protectCustomerParents(model, found, request.processorData, protectedValues);
        const outsideOf = new Map<string, Map<string, Set<string>>>();
        const protectedCount = () =>
          [...protectedValues.values()].reduce(
            (n, byColumn) => n + [...byColumn.values()].reduce((m, values) => m + values.size, 0),
            0,
          );
        for (let before = -1; before !== protectedCount();) {
          before = protectedCount();
          actions = new Map();
          unlinks = [];
          sharedUnlinks = [];
          for (const name of order) {
            const t = model.tables.get(name);
            const rows = found.get(name);
            if (!t || !rows) continue;
            const decided = new Map<unknown, RowAction>();
            const kept = protectedValues.get(name);
            // Rows of other people (never reached, never written) that point at rows found here keep them.
            let outside = outsideOf.get(name);
            if (!outside) {
              outside = t.deletesRows
                ? await referencedFromOutside(
                    session,
                    plan,
                    t,
                    rows.filter((row) => ownershipOf(t, row).exclusive),
                    found,
                  )
                : new Map<string, Set<string>>();
              outsideOf.set(name, outside);
            }
            for (const row of rows) {
              const key = row[t.primaryKey];
              if (leftToCustomer(t, request.processorData)) {
                decided.set(key, { kind: 'customer' });
                continue;
              }
              const own = ownershipOf(t, row);
              if (!own.exclusive) {
                // Someone else's too: only the person's columns, and the person's nullable references unlinked.
                const unlink = t.references.filter(
                  (r) => r.nullable && own.mine.has(r.column) && (r.owner || t.columns.some((c) => c.of === r.column)),
                );
                decided.set(key, {
                  kind: 'shared',
                  columns: personColumns(t.columns, own).filter((c) => c.erase !== 'keep'),
                  unlink,
                });
                continue;
              }
              const held = rowHold(t.holds, row, now);
              if (held) {
                decided.set(
                  key,
                  held.hold.keep
                    ? { kind: 'reduce', hold: held.hold, until: held.until }
                    : { kind: 'keep', hold: held.hold, until: held.until },
                );
                continue;
              }
              const referenced =
                (kept && [...kept].some(([column, values]) => values.has(row[column]))) ||
                [...outside].some(([column, values]) => row[column] != null && values.has(valueText(row[column])));
              if (t.deletesRows && !referenced) decided.set(key, { kind: 'delete' });
              else if (t.deletesRows) decided.set(key, { kind: 'anonymise' });
              else decided.set(key, { kind: 'update' });
            }
            // Within the table (self-references, which the order cannot follow): a surviving row keeps the row it points
            // at, unless it is the person's own and its reference is nullable — then it lets go of it. To a fixed point,
            // since a kept row survives in turn.
            for (let changed = true; changed;) {
              changed = false;
              for (const ref of t.references) {
                if (ref.toTable !== name || !ref.enforced) continue;
                const deleted = new Map<string, Row[]>();
                for (const row of rows) {
                  if (decided.get(row[t.primaryKey])?.kind !== 'delete' || row[ref.toColumn] == null) continue;
                  const value = valueText(row[ref.toColumn]);
                  deleted.set(value, [...(deleted.get(value) ?? []), row]);
                }
                for (const row of rows) {
                  const action = decided.get(row[t.primaryKey]);
                  const value = row[ref.column];
                  if (!action || action.kind === 'delete' || value == null || !deleted.has(valueText(value))) continue;
                  if (action.kind === 'shared' && action.unlink.includes(ref)) continue;
                  if (action.kind !== 'shared' && ref.nullable) {
                    if (
                      !unlinks.some(
                        (u) => u.table === t && u.column === ref.column && u.keys.includes(row[t.primaryKey]),
                      )
                    ) {
                      unlinks.push({
                        table: t,
                        column: ref.column,
                        toTable: name,
                        toColumn: ref.toColumn,
                        keys: [row[t.primaryKey]],
                        values: [value],
                      });
                    }
                    continue;
                  }
                  for (const parent of deleted.get(valueText(value)) ?? [])
                    decided.set(parent[t.primaryKey], { kind: 'anonymise' });
                  changed = true;
                }
              }
            }
            actions.set(name, decided);
            // Surviving rows protect the parents they point to (or are unlinked from them when nullable).
            for (const ref of t.references) {
              if (ref.toTable === name || !ref.enforced) continue;
              const survivors = rows.filter((row) => {
                const action = decided.get(row[t.primaryKey]);
                if (action?.kind === 'delete' || row[ref.column] == null) return false;
                return !(action?.kind === 'shared' && action.unlink.includes(ref));
              });
              if (survivors.length === 0) continue;
              // A shared row is never unlinked from a parent that is not the person's (that would write someone
              // else's link): it keeps the parent instead.
              const mineToUnlink = ref.nullable
                ? survivors.filter(
                    (row) => !['shared', 'customer'].includes(decided.get(row[t.primaryKey])?.kind ?? ''),
                  )
                : [];
              if (mineToUnlink.length > 0) {
                unlinks.push({
                  table: t,
                  column: ref.column,
                  toTable: ref.toTable,
                  toColumn: ref.toColumn,
                  keys: mineToUnlink.map((r) => r[t.primaryKey]),
                  values: mineToUnlink.map((r) => r[ref.column]),
                });
              }
              const protecting = survivors.filter((row) => !mineToUnlink.includes(row));
              if (protecting.length === 0) continue;
              const byColumn = protectedValues.get(ref.toTable) ?? new Map<string, Set<unknown>>();
              const values = byColumn.get(ref.toColumn) ?? new Set<unknown>();
              for (const row of protecting) values.add(row[ref.column]);
              byColumn.set(ref.toColumn, values);
              protectedValues.set(ref.toTable, byColumn);
            }
            for (const row of rows) {
              const action = decided.get(row[t.primaryKey]);
              if (action?.kind !== 'shared') continue;
              for (const ref of action.unlink) {
                const entry = sharedUnlinks.find((u) => u.table === t && u.column === ref.column);
                if (entry) entry.keys.push(row[t.primaryKey]);
                else sharedUnlinks.push({ table: t, column: ref.column, keys: [row[t.primaryKey]] });
              }
            }
          }
        }

        const erased: ErasedTable[] = [];
        const keptRows = new Map<string, KeptRows>();
        const processor = new ProcessorTally();
        const report = (t: TableModel, action: RowAction) => {
          if (action.kind === 'customer') return processor.add(t, 1);
          if (action.kind === 'delete' || action.kind === 'update') return;
          const hold: HoldModel | undefined =
            action.kind === 'reduce'
              ? action.hold
              : action.kind === 'keep' && action.hold !== 'referenced'
                ? action.hold
                : undefined;
          const holdId = hold?.hold ?? (action.kind === 'shared' ? 'shared' : 'referenced');
          // Columns left as they are (the others erased); an empty list means the row was left untouched.
          const keptColumns =
            action.kind === 'reduce'
              ? [...(action.hold.keep ?? [])]
              : action.kind === 'anonymise'
                ? t.columns.filter((c) => c.erase === 'keep').map((c) => c.name)
                : action.kind === 'shared' && (action.columns.length > 0 || action.unlink.length > 0)
                  ? t.columns.filter((c) => !action.columns.includes(c)).map((c) => c.name)
                  : [];
          const key = `${t.name}\u0000${holdId}\u0000${keptColumns.join(',')}`;
          const entry: KeptRows = keptRows.get(key) ?? {
            table: t.name,
            rows: 0,
            hold: holdId,
            law: hold?.law ?? '',
            keptColumns,
          };
          entry.rows++;
          const until =
            action.kind === 'reduce' || action.kind === 'keep' ? action.until?.toISOString().slice(0, 10) : undefined;
          if (until && (!entry.until || until > entry.until)) entry.until = until;
          keptRows.set(key, entry);
        };

        // 1. Updates and reductions.
        for (const [name, decided] of actions) {
          const t = table(name);
          const rows = found.get(name) ?? [];
          const updates = rows.filter((row) => decided.get(row[t.primaryKey])?.kind === 'update');
          if (!request.dryRun)
            await writeStrategies(session, t, updates, writtenColumns(t, 'update'), 'update', batchSize);
          if (updates.length > 0 && writtenColumns(t, 'update').length > 0)
            request.onBatch?.({ store: id, table: name, action: 'update', rows: updates.length });
          const reductions = new Map<HoldModel, Row[]>();
          for (const row of rows) {
            const action = decided.get(row[t.primaryKey]);
            if (!action) continue;
            report(t, action);
            if (action.kind === 'reduce') reductions.set(action.hold, [...(reductions.get(action.hold) ?? []), row]);
          }
          for (const [hold, reduced] of reductions) {
            if (!request.dryRun)
              await writeStrategies(session, t, reduced, writtenColumns(t, 'reduce', hold.keep), 'reduce', batchSize);
          }
          // Rows kept because someone else's row references them: their personal columns erased all the same.
          const anonymised = rows.filter((row) => decided.get(row[t.primaryKey])?.kind === 'anonymise');
          if (!request.dryRun)
            await writeStrategies(session, t, anonymised, writtenColumns(t, 'anonymise'), 'anonymise', batchSize);
          // Shared rows: the person's columns only, grouped by which columns those are.
          const sharedGroups = new Map<string, { columns: ColumnModel[]; rows: Row[] }>();
          for (const row of rows) {
            const action = decided.get(row[t.primaryKey]);
            if (action?.kind !== 'shared' || action.columns.length === 0) continue;
            const signature = action.columns.map((c) => c.name).join(',');
            const group = sharedGroups.get(signature) ?? { columns: action.columns, rows: [] };
            group.rows.push(row);
            sharedGroups.set(signature, group);
          }
          for (const group of sharedGroups.values()) {
            if (!request.dryRun) await writeStrategies(session, t, group.rows, group.columns, 'anonymise', batchSize);
          }
          erased.push({
            table: name,
            deleted: 0,
            updated: updates.length > 0 && writtenColumns(t, 'update').length > 0 ? updates.length : 0,
          });
        }

        // 2. Unlink shared rows from the person's rows, and surviving children from parents that are deleted.
        for (const unlink of sharedUnlinks) {
          if (request.dryRun) continue;
          for (const batch of chunks(unlink.keys, batchSize)) {
            const statement = new Statement(session.dialect);
            const text = `update ${tableName(statement, model, unlink.table.name)} set ${statement.id(unlink.column)} = null where ${statement.inList(statement.id(unlink.table.primaryKey), batch)}`;
            await session.query(text, statement.params);
            request.onBatch?.({ store: id, table: unlink.table.name, action: 'unlink', rows: batch.length });
          }
        }
        for (const unlink of unlinks) {
          const parent = actions.get(unlink.toTable);
          const parentRows = found.get(unlink.toTable) ?? [];
          const parentTable = model.tables.get(unlink.toTable);
          if (!parent || !parentTable) continue;
          const deletedValues = new Set(
            parentRows
              .filter((row) => parent.get(row[parentTable.primaryKey])?.kind === 'delete')
              .map((row) => row[unlink.toColumn]),
          );
          const keys = unlink.keys.filter((_, i) => deletedValues.has(unlink.values[i]));
          if (keys.length === 0 || request.dryRun) continue;
          for (const batch of chunks(keys, batchSize)) {
            const statement = new Statement(session.dialect);
            const text = `update ${tableName(statement, model, unlink.table.name)} set ${statement.id(unlink.column)} = null where ${statement.inList(statement.id(unlink.table.primaryKey), batch)}`;
            await session.query(text, statement.params);
            request.onBatch?.({ store: id, table: unlink.table.name, action: 'unlink', rows: batch.length });
          }
        }

        // 3. A row deleted here that points at another row deleted here through a nullable reference (which the
        // order does not follow: nullable references break cycles, a row may even point at itself) lets go of it
        // first, so no delete ever meets a foreign key.
        if (!request.dryRun) {
          const deletedValues = (parentTable: string, column: string) => {
            const t = model.tables.get(parentTable);
            const decided = actions.get(parentTable);
            if (!t || !decided) return new Set<string>();
            return new Set(
              (found.get(parentTable) ?? [])
                .filter((row) => decided.get(row[t.primaryKey])?.kind === 'delete' && row[column] != null)
                .map((row) => valueText(row[column])),
            );
          };
          for (const [name, decided] of actions) {
            const t = table(name);
            for (const ref of t.references) {
              if (!ref.nullable || !ref.enforced) continue;
              const parents = deletedValues(ref.toTable, ref.toColumn);
              if (parents.size === 0) continue;
              const keys = (found.get(name) ?? [])
                .filter(
                  (row) =>
                    decided.get(row[t.primaryKey])?.kind === 'delete' &&
                    row[ref.column] != null &&
                    parents.has(valueText(row[ref.column])),
                )
                .map((row) => row[t.primaryKey]);
              for (const batch of chunks(keys, batchSize)) {
                const statement = new Statement(session.dialect);
                await session.query(
                  `update ${tableName(statement, model, name)} set ${statement.id(ref.column)} = null where ${statement.inList(statement.id(t.primaryKey), batch)}`,
                  statement.params,
                );
              }
            }
          }
        }

        // 4. Deletes, children first.
        for (const name of order) {
          const decided = actions.get(name);
          if (!decided) continue;
          const t = table(name);
          const keys = [...decided].filter(([, action]) => action.kind === 'delete').map(([key]) => key);
          const entry = erased.find((e) => e.table === name);
          if (keys.length === 0 || !entry) continue;
          if (request.dryRun) entry.deleted = keys.length;
          else
            entry.deleted = await deleteKeys(session, t, keys, batchSize, (rows) =>
              request.onBatch?.({ store: id, table: name, action: 'delete', rows }),
            );
        }
        return {
          store: id,
          jobId: request.jobId,
          dryRun: Boolean(request.dryRun),
          erased: erased.filter((e) => e.deleted > 0 || e.updated > 0),
          kept: [...keptRows.values()],
          queries: session.count,
          processorRows: processor.list(),
        };
      };
      // One transaction per store: a crash or an error leaves the store as it was. A dry run reads the same way and
      // writes nothing.
      return driver.transaction(run);
    },

    async rectify(request: RectificationRequest): Promise<RectificationResult> {
      // Read before any transaction opens: the schema comes through the pool.
      const accepts = await seedFilter();
      for (const change of request.changes) {
        const t = table(change.table);
        const column = t.columns.find((c) => c.name === change.column);
        if (!column)
          throw new StoreError(
            id,
            `column "${change.table}.${change.column}" is not declared: only declared columns can be rectified`,
            'unknown_column',
          );
        if (column.name === t.primaryKey)
          throw new StoreError(id, 'a primary key cannot be rectified', 'unknown_column');
      }
      const plan = traversalPlan(model, types(request.identities));
      await assertKeys(plan);
      return driver.transaction(async (session) => {
        const { found, ownership } = await findPersonRows(session, plan, request.identities, accepts, () => []);
        const updated: TableCount[] = [];
        const processor = new ProcessorTally();
        const byTable = new Map<string, typeof request.changes>();
        for (const change of request.changes) byTable.set(change.table, [...(byTable.get(change.table) ?? []), change]);
        for (const [name, changes] of byTable) {
          const t = table(name);
          if (leftToCustomer(t, request.processorData)) {
            processor.add(t, found.get(name)?.length ?? 0);
            continue;
          }
          // The person's own rows take every change; a row shared with someone else only changes in the person's
          // columns (`of` a reference that points at them). Rows grouped by the changes they take.
          const groups = new Map<string, { changes: typeof changes; keys: unknown[] }>();
          for (const row of found.get(name) ?? []) {
            const own = ownership.get(name)?.get(valueText(row[t.primaryKey]));
            if (!own) continue;
            const mine = own.exclusive
              ? changes
              : changes.filter((c) => personColumns(t.columns, own).some((column) => column.name === c.column));
            if (mine.length === 0) continue;
            const signature = mine.map((c) => c.column).join(',');
            const group = groups.get(signature) ?? { changes: mine, keys: [] };
            group.keys.push(row[t.primaryKey]);
            groups.set(signature, group);
          }
          let rows = 0;
          for (const group of groups.values()) {
            for (const batch of chunks(group.keys, 1000)) {
              const statement = new Statement(session.dialect);
              const sets = group.changes.map(
                (c) =>
                  `${statement.id(c.column)} = ${statement.param(c.value === null || typeof c.value !== 'object' ? c.value : JSON.stringify(c.value))}`,
              );
              const text = `update ${tableName(statement, model, name)} set ${sets.join(', ')} where ${statement.inList(statement.id(t.primaryKey), batch)}`;
              await session.query(text, statement.params);
              rows += batch.length;
            }
          }
          updated.push({ table: name, rows });
        }
        return { store: id, jobId: request.jobId, updated, processorRows: processor.list() };
      });
    },

    async restrict(request: RestrictionRequest): Promise<RestrictionResult> {
      // Read before any transaction opens: the schema comes through the pool.
      const accepts = await seedFilter();
      const plan = traversalPlan(model, types(request.identities));
      await assertKeys(plan);
      return driver.transaction(async (session) => {
        const person = await findPersonRows(session, plan, request.identities, accepts, () => []);
        const updated: TableCount[] = [];
        const unsupported: string[] = [];
        const processor = new ProcessorTally();
        for (const [name, rows] of person.found) {
          const t = table(name);
          if (leftToCustomer(t, request.processorData)) {
            processor.add(t, rows.length);
            continue;
          }
          // Restricting protects every row the person is in; lifting it clears only their own rows (someone else
          // may have restricted a row they share).
          const found = rows
            .filter(
              (row) => request.restricted || person.ownership.get(name)?.get(valueText(row[t.primaryKey]))?.exclusive,
            )
            .map((row) => row[t.primaryKey]);
          if (found.length === 0) continue;
          if (!t.restrictColumn) {
            // Rows that belong to a restrictable row are protected through it (retention, access marks).
            if (!restrictable(model, name)) unsupported.push(name);
            continue;
          }
          for (const batch of chunks(found, 1000)) {
            const statement = new Statement(session.dialect);
            const text = `update ${tableName(statement, model, name)} set ${statement.id(t.restrictColumn)} = ${statement.param(request.restricted)} where ${statement.inList(statement.id(t.primaryKey), batch)}`;
            await session.query(text, statement.params);
          }
          updated.push({ table: name, rows: found.length });
        }
        return { store: id, jobId: request.jobId, updated, unsupported, processorRows: processor.list() };
      });
    },

    async countDue(query: DueQuery): Promise<DueCount> {
      const t = table(query.table);
      const ruleAnchor = anchorOf(t, query.anchor);
      if (!ruleAnchor) throw new StoreError(id, `table "${t.name}" declares no retention anchor`, 'no_anchor');
      // A count is advisory (the sweep checks again in each batch's transaction): the restricted rows as of now.
      const restrictedSet = await restrictedRows(
        driver,
        model,
        id,
        query.restrictedIdentities?.length
          ? { identities: query.restrictedIdentities, accepts: await seedFilter() }
          : undefined,
      );
      const statement = new Statement(driver.dialect);
      const source = dueSource(statement, model, t, ruleAnchor);
      let { from, anchor } = source;
      const now = new Date(query.now);
      const held = holdPredicates(statement, t, now);
      const anyHold = held.length > 0 ? `(${held.map((h) => h.sql).join(' or ')})` : '1 = 0';
      let restricted = '1 = 0';
      const restrictedHere = restrictedMember(statement, t, 't', restrictedSet);
      if (restrictedHere) {
        // Decided once per row in a derived column: the key list is then in the text once, not once per cutoff
        // (MySQL's placeholders are limited per statement).
        from = `(select ${anchor} as charter_anchor_r, case when ${restrictedHere} then 1 else 0 end as charter_restricted, t.* from ${from}) t`;
        anchor = 't.charter_anchor_r';
        restricted = 't.charter_restricted = 1';
      }
      const cutoffs = query.cutoffs.map((c) => new Date(c));
      const thresholds = cutoffs.map((c) => addDuration(c, duration(query.period), -1));
      const rules = query.rules ?? [];
      // A delete rule cannot delete a row another row still references: such rows are blocked, not due. Per row and
      // referencing table, one subquery gives until when its referencing rows stay (the latest anchor among them, or
      // "for ever" for one a hold or a restriction keeps, or that no rule deletes); each cutoff then compares with it.
      const blocking =
        query.action === 'delete'
          ? [...blockingReferences(model, t), ...stayingNullableReferences(model, t, restrictedSet)]
          : [];
      // A nullable reference blocks only through the rows that stay (held, restricted): the others are unlinked.
      const onlyStaying = (ref: ReferenceModel) => ref.nullable;
      let blockedAt: (cutoff: Date) => string | undefined = () => undefined;
      if (blocking.length > 0) {
        const until = blocking.map((ref, k) => {
          const child = table(ref.table);
          const rule = rules.find((r) => r.table === child.name);
          const link = `from ${tableName(statement, model, child.name)} bc where bc.${statement.id(ref.column)} = t.${statement.id(ref.toColumn)}${onlyStaying(ref) ? ` and ${stayingChild(statement, child, 'bc', now, restrictedSet)}` : ''}`;
          if (!rule?.period || !child.anchor || onlyStaying(ref))
            return `(select 1 ${link} limit 1) as charter_block_${k}`;
          const childAnchor = anchorExpression(statement, model, child, 'bc');
          const stays = [`${childAnchor} is null`, ...holdPredicates(statement, child, now, 'bc').map((h) => h.sql)];
          const protectedChild = restrictedMember(statement, child, 'bc', restrictedSet);
          if (protectedChild) stays.push(protectedChild);
          const forever = statement.instant(new Date('9999-12-31T00:00:00.000Z'));
          const cast = statement.dialect === 'mysql' ? `cast(${forever} as datetime(3))` : forever;
          return `(select max(case when coalesce((${stays.join(' or ')}), false) then ${cast} else ${childAnchor} end) ${link}) as charter_block_${k}`;
        });
        from = `(select ${anchor} as charter_anchor, ${until.join(', ')}, t.* from ${from}) t`;
        anchor = 't.charter_anchor';
        blockedAt = (cutoff) =>
          `(${blocking
            .map((ref, k) => {
              const rule = rules.find((r) => r.table === ref.table);
              if (!rule?.period || !table(ref.table).anchor || onlyStaying(ref))
                return `t.charter_block_${k} is not null`;
              return `coalesce(t.charter_block_${k} > ${statement.instant(addDuration(cutoff, duration(rule.period), -1))}, false)`;
            })
            .join(' or ')})`;
      }
      const kept = `not ${anyHold} and not (${restricted})`;
      const dueColumns = thresholds.map((threshold, i) => {
        const blocked = blockedAt(cutoffs[i] ?? now);
        return `sum(case when ${anchor} <= ${statement.instant(threshold)} and ${kept}${blocked ? ` and not ${blocked}` : ''} then 1 else 0 end) as due_${i}`;
      });
      const first = thresholds[0] ?? now;
      // Each held row counts once, under the first hold that keeps it.
      const heldColumns = held.map((h, i) => {
        const earlier = held
          .slice(0, i)
          .map((e) => ` and not ${e.sql}`)
          .join('');
        return `sum(case when ${anchor} <= ${statement.instant(first)} and ${h.sql}${earlier} then 1 else 0 end) as held_${i}`;
      });
      const restrictedColumn = `sum(case when ${anchor} <= ${statement.instant(first)} and not ${anyHold} and ${restricted} then 1 else 0 end) as held_restricted`;
      const blockedColumns: string[] = [];
      const blockedNow = blockedAt(cutoffs[0] ?? now);
      const writable = writtenColumns(t, 'anonymise');
      if (blockedNow) {
        // (Built only here: a parameter registered and left out of the text would shift the others.)
        const notErased = writable.length > 0 ? notYetErased(statement, writable, 'anonymise', token) : '1 = 1';
        const base = `${anchor} <= ${statement.instant(first)} and ${kept} and ${blockedNow}`;
        blockedColumns.push(`sum(case when ${base} and ${notErased} then 1 else 0 end) as blocked_open`);
        blockedColumns.push(`sum(case when ${base} and not ${notErased} then 1 else 0 end) as blocked_anonymised`);
      }
      const where = exclusions(statement, query.exclude);
      const text = `select sum(case when ${anchor} is null then 1 else 0 end) as without_anchor, ${[...dueColumns, ...heldColumns, restrictedColumn, ...blockedColumns].join(', ')} from ${from}${where ? ` where ${where}` : ''}`;
      const { rows } = await driver.query(text, statement.params);
      const row = rows[0] ?? {};
      const heldCounts: Record<string, number> = {};
      held.forEach((h, i) => {
        heldCounts[h.hold] = (heldCounts[h.hold] ?? 0) + Number(row[`held_${i}`] ?? 0);
      });
      const restrictedCount = Number(row.held_restricted ?? 0);
      if (restrictedCount > 0 || t.restrictColumn) heldCounts.restricted = restrictedCount;
      // Anonymised in an earlier run because still referenced: nothing personal is left to act on.
      const anonymisedBlocked = Number(row.blocked_anonymised ?? 0);
      if (anonymisedBlocked > 0) heldCounts.referenced = anonymisedBlocked;
      const result: DueCount = {
        store: id,
        table: t.name,
        due: thresholds.map((_, i) => Number(row[`due_${i}`] ?? 0)),
        held: heldCounts,
        withoutAnchor: Number(row.without_anchor ?? 0),
      };
      if (blockedNow) {
        result.blocked = [];
        result.blockedRows = Number(row.blocked_open ?? 0);
        if (Number(row.blocked_open ?? 0) > 0) {
          for (const reference of blocking) {
            const s = new Statement(driver.dialect);
            const source = dueSource(s, model, t, ruleAnchor);
            const child = table(reference.table);
            const childHolds = holdPredicates(s, child, now, 'bc');
            const childRestricted = restrictedMember(s, child, 'bc', restrictedSet);
            const ruled = rules.some((r) => r.table === child.name);
            const whens = `${childHolds.map((h) => `when ${h.sql} then ${s.param(h.hold)} `).join('')}${childRestricted ? `when ${childRestricted} then ${s.param('restricted')} ` : ''}`;
            const otherwise = s.param(ruled ? 'not-due' : 'ungoverned');
            const reason = whens ? `case ${whens}else ${otherwise} end` : otherwise;
            const parentHolds = holdPredicates(s, t, now);
            const parentRestricted = restrictedMember(s, t, 't', restrictedSet) ?? '1 = 0';
            const conditions = [
              `${source.anchor} <= ${s.instant(first)}`,
              ...parentHolds.map((h) => `not ${h.sql}`),
              `not (${parentRestricted})`,
              writable.length > 0 ? notYetErased(s, writable, 'anonymise', token) : '1 = 1',
              `not ${childGoes(s, model, child, 'bc', cutoffs[0] ?? now, now, rules, restrictedSet)}`,
            ];
            if (onlyStaying(reference)) conditions.push(stayingChild(s, child, 'bc', now, restrictedSet));
            const excluded = exclusions(s, query.exclude);
            if (excluded) conditions.push(excluded);
            const sqlText =
              `select ${reason} as reason, count(distinct t.${s.id(t.primaryKey)}) as n, count(*) as m from ${source.from} ` +
              `join ${tableName(s, model, child.name)} bc on bc.${s.id(reference.column)} = t.${s.id(reference.toColumn)} where ${conditions.join(' and ')} group by 1`;
            for (const r of (await driver.query(sqlText, s.params)).rows) {
              result.blocked.push({
                table: child.name,
                reason: String(r.reason),
                rows: Number(r.n ?? 0),
                by: Number(r.m ?? 0),
              });
            }
          }
        }
      }
      return result;
    },

    async sweptBatch(jobId: string, batchId: string) {
      const statement = new Statement(driver.dialect);
      try {
        const { rows } = await driver.query(
          `select batch_id, deleted, anonymised, reduced from ${ledgerName(statement, model)} where job_id = ${statement.param(jobId)}`,
          statement.params,
        );
        const row = rows[0];
        if (!row || row.batch_id !== batchId) return undefined;
        return {
          deleted: Number(row.deleted ?? 0),
          anonymised: Number(row.anonymised ?? 0),
          reduced: JSON.parse(typeof row.reduced === 'string' ? row.reduced : '{}') as Record<string, number>,
        };
      } catch {
        // No ledger table (never swept with one, or the store refused to create it): no batch to recount.
        return undefined;
      }
    },

    async sweep(request: SweepRequest): Promise<SweepResult> {
      const t = table(request.table);
      const ruleAnchor = anchorOf(t, request.anchor);
      if (!ruleAnchor) throw new StoreError(id, `table "${t.name}" declares no retention anchor`, 'no_anchor');
      const now = new Date(request.now);
      const threshold = addDuration(new Date(request.cutoff), duration(request.period), -1);
      const result: SweepResult = { store: id, table: t.name, deleted: 0, anonymised: 0, reduced: {}, done: true };
      const hashColumns = t.columns.filter((c) => c.erase === 'hash').map((c) => c.name);
      const mode = request.action === 'delete' ? 'delete' : 'anonymise';
      // A column rule erases just its columns; a delete rule's fallback (rows still referenced) erases them all.
      const anonymised = writtenColumns(t, 'anonymise').filter(
        (c) => !request.columns || request.columns.includes(c.name),
      );
      if (mode === 'anonymise' && anonymised.length === 0) return result;
      const ledger = request.batchId && !request.dryRun ? await ledgerReady() : false;
      const remembered = request.restrictedIdentities?.length
        ? { identities: request.restrictedIdentities, accepts: await seedFilter() }
        : undefined;

      return driver.transaction(async (session) => {
        // The restricted rows, computed in the batch's own transaction right before its write: a row restricted
        // before the batch starts is in the set and the batch leaves it (one restricted while the batch runs is
        // protected from the next batch on). Bounded: an oversized set fails the sweep, never a silent miss.
        const restrictedSet = await restrictedRows(session, model, id, remembered);
        // Rows due, not held, not restricted, not already anonymised, not still referenced by a child row.
        const statement = new Statement(session.dialect);
        const { from, anchor } = dueSource(statement, model, t, ruleAnchor);
        const held = holdPredicates(statement, t, now);
        const conditions = [`${anchor} <= ${statement.instant(threshold)}`];
        if (held.length > 0) conditions.push(`not (${held.map((h) => h.sql).join(' or ')})`);
        // Art. 18: never a row that belongs (upward through owner and profile references) to a restricted row.
        const restricted = restrictedMember(statement, t, 't', restrictedSet);
        if (restricted) conditions.push(`not ${restricted}`);
        const excluded = exclusions(statement, request.exclude);
        if (excluded) conditions.push(excluded);
        const referenced = [
          ...blockingReferences(model, t).map(
            (child) =>
              `exists (select 1 from ${tableName(statement, model, child.table)} c where c.${statement.id(child.column)} = t.${statement.id(child.toColumn)})`,
          ),
          ...stayingNullableReferences(model, t, restrictedSet).map((child, k) => {
            const childTable = table(child.table);
            return `exists (select 1 from ${tableName(statement, model, child.table)} c${k} where c${k}.${statement.id(child.column)} = t.${statement.id(child.toColumn)} and ${stayingChild(statement, childTable, `c${k}`, now, restrictedSet)})`;
          }),
        ];
        if (mode === 'anonymise') {
          conditions.push(notYetErased(statement, anonymised, 'anonymise', token));
          if (request.referencedOnly) conditions.push(referenced.length > 0 ? `(${referenced.join(' or ')})` : '1 = 0');
        } else {
          for (const exists of referenced) conditions.push(`not ${exists}`);
          // A row another row of the same table still points at (a self-reference, which no order can follow) waits
          // until that row is gone: deleting it would break the other row's foreign key. A row pointing at itself
          // through a non-nullable reference cannot go at all.
          for (const self of t.referencedBy.filter((r) => r.table === t.name && r.enforced)) {
            const pk = statement.id(t.primaryKey);
            conditions.push(
              `not exists (select 1 from ${tableName(statement, model, t.name)} c where c.${statement.id(self.column)} = t.${statement.id(self.toColumn)} and c.${pk} <> t.${pk})`,
            );
            if (!self.nullable)
              conditions.push(
                `(t.${statement.id(self.column)} is null or t.${statement.id(self.column)} <> t.${statement.id(self.toColumn)})`,
              );
          }
        }
        // A batch walks the anchor's index in order from where the previous one stopped: without the lower bound,
        // each batch would step again over every index entry of the rows already deleted (dead until vacuum) or
        // anonymised (their new versions sit at the same anchor), and a sweep of a large table would slow down
        // quadratically. `>=` because the cursor is cut to milliseconds; the few rows at the boundary are filtered.
        const ownAnchor = !ruleAnchor.via ? ruleAnchor.column : undefined;
        // Rows a self-reference kept waiting become free as the batch deletes their referrers: such a table is swept
        // again from the start until a batch deletes nothing (no cursor, which would step past them).
        const selfReferenced = mode === 'delete' && t.referencedBy.some((r) => r.table === t.name && r.enforced);
        const ordered = !request.dryRun && ownAnchor !== undefined && !selfReferenced;
        const after = request.after === undefined ? undefined : new Date(request.after);
        // The cursor goes back as the Date the driver read, so the driver converts it back the way it read it (a
        // zone-less timestamp column round-trips whatever the process's time zone).
        if (ordered && after && !Number.isNaN(after.getTime()))
          conditions.push(`${anchor} >= ${statement.param(after)}`);
        const columns = [
          t.primaryKey,
          ...hashColumns,
          ...t.referencedBy.filter((r) => r.nullable && r.enforced).map((r) => r.toColumn),
          ...(ordered && ownAnchor ? [ownAnchor] : []),
        ];
        const selected = [...new Set(columns)].map((c) => `t.${statement.id(c)}`).join(', ');
        const limit = request.dryRun
          ? ''
          : `${ordered ? ` order by ${anchor}` : ''} limit ${Math.max(1, Math.floor(request.batchSize))}`;
        const unlinks = t.referencedBy.filter((r) => r.nullable && r.enforced && r.table !== t.name);
        const inDatabase =
          !request.dryRun && session.dialect === 'postgres' && (mode === 'anonymise' || unlinks.length === 0);
        let rows: Row[] = [];
        if (inDatabase) {
          // One statement: the database finds the due rows and deletes or anonymises them (computing the keyed
          // hashes itself); only a count and the cursor come back. The anchor is checked again on the row written,
          // in case the application renewed it meanwhile.
          const key = statement.id(t.primaryKey);
          const recheck = ownAnchor ? ` and x.${statement.id(ownAnchor)} <= ${statement.instant(threshold)}` : '';
          // The rows go by primary key (`= any(array(…))`): a join to the batch would let the planner choose a scan
          // of the whole table for a few thousand rows.
          const target = `${tableName(statement, model, t.name)} x`;
          const batch = `x.${key} = any(array(select k from due))${recheck}`;
          const write =
            mode === 'delete'
              ? `delete from ${target} where ${batch}`
              : `update ${target} set ${anonymised.map((c) => `${statement.id(c.name)} = ${sqlStrategy(statement, c, `x.${statement.id(c.name)}`)}`).join(', ')} where ${batch}`;
          const text =
            `with due as materialized (select t.${key} as k${ordered ? `, ${anchor} as a` : ''} from ${from} where ${conditions.join(' and ')}${limit}), ` +
            `written as (${write} returning 1) ` +
            `select (select count(*) from written) as n, ${ordered ? '(select max(a) from due)' : 'null'} as last`;
          const row = (await session.query(text, statement.params)).rows[0] ?? {};
          const count = Number(row.n ?? 0);
          if (mode === 'delete') result.deleted = count;
          else result.anonymised = count;
          if (count >= request.batchSize) result.done = false;
          if (row.last instanceof Date && !Number.isNaN(row.last.getTime())) result.next = row.last.toISOString();
        } else {
          rows = (
            await session.query(
              `select ${selected} from ${from} where ${conditions.join(' and ')}${limit}`,
              statement.params,
            )
          ).rows;
          if (!request.dryRun && rows.length >= request.batchSize) result.done = false;
          const last = ordered && ownAnchor ? rows.at(-1)?.[ownAnchor] : undefined;
          if (last instanceof Date && !Number.isNaN(last.getTime())) result.next = last.toISOString();
        }
        if (mode === 'delete' && !inDatabase) {
          if (!request.dryRun) {
            for (const child of unlinks) {
              const values = [...new Set(rows.map((r) => r[child.toColumn]).filter((v) => v != null))];
              for (const batch of chunks(values, 1000)) {
                const unlink = new Statement(session.dialect);
                await session.query(
                  `update ${tableName(unlink, model, child.table)} set ${unlink.id(child.column)} = null where ${unlink.inList(unlink.id(child.column), batch)}`,
                  unlink.params,
                );
              }
            }
            // A row pointing at itself lets go of itself first (InnoDB checks each row as it deletes it).
            for (const self of t.references.filter((r) => r.toTable === t.name && r.enforced && r.nullable)) {
              for (const batch of chunks(
                rows.map((r) => r[t.primaryKey]),
                1000,
              )) {
                const unlink = new Statement(session.dialect);
                await session.query(
                  `update ${tableName(unlink, model, t.name)} set ${unlink.id(self.column)} = null where ${unlink.inList(unlink.id(t.primaryKey), batch)} and ${unlink.id(self.column)} = ${unlink.id(self.toColumn)}`,
                  unlink.params,
                );
              }
            }
            result.deleted = await deleteKeys(
              session,
              t,
              rows.map((r) => r[t.primaryKey]),
              request.batchSize,
            );
          } else result.deleted = rows.length;
        } else if (mode === 'anonymise' && !inDatabase) {
          result.anonymised = request.dryRun
            ? rows.length
            : await writeStrategies(session, t, rows, anonymised, 'anonymise', request.batchSize);
        }
        if (selfReferenced && !request.dryRun && result.deleted > 0) result.done = false;

        // Held rows with kept columns are reduced to them (by the table's row rule only, never a restricted row).
        for (const [i, hold] of t.holds.entries()) {
          if (!hold.keep || request.columns || request.referencedOnly) continue;
          const reduce = writtenColumns(t, 'reduce', hold.keep);
          if (reduce.length === 0) continue;
          const s = new Statement(session.dialect);
          const source = dueSource(s, model, t, ruleAnchor);
          const predicates = holdPredicates(s, t, now);
          const own = predicates[i];
          if (!own) continue;
          const earlier = predicates.slice(0, i).map((p) => `not (${p.sql})`);
          const where = [
            `${source.anchor} <= ${s.instant(threshold)}`,
            own.sql,
            ...earlier,
            notYetErased(s, reduce, 'reduce', token),
          ];
          const protectedRow = restrictedMember(s, t, 't', restrictedSet);
          if (protectedRow) where.push(`not ${protectedRow}`);
          const select = [...new Set([t.primaryKey, ...hashColumns])].map((c) => `t.${s.id(c)}`).join(', ');
          const { rows: heldRows } = await session.query(
            `select ${select} from ${source.from} where ${where.join(' and ')}${limit}`,
            s.params,
          );
          if (!request.dryRun && heldRows.length >= request.batchSize) result.done = false;
          const count = request.dryRun
            ? heldRows.length
            : await writeStrategies(session, t, heldRows, reduce, 'reduce', request.batchSize);
          if (count > 0) result.reduced[hold.hold] = (result.reduced[hold.hold] ?? 0) + count;
        }
        if (ledger && request.batchId) await recordLedger(session, request.jobId, request.batchId, result);
        return result;
      });
    },

    introspect: (): Promise<LiveSchema> => driver.introspect(model.schema),

    async sample(name: string, limit: number) {
      const statement = new Statement(driver.dialect);
      const { rows } = await driver.query(
        `select * from ${tableName(statement, model, name)} limit ${Math.max(1, Math.floor(limit))}`,
      );
      return rows;
    },

    close: () => driver.close(),
  };
  return connector;
}

/** A rule's anchor: the declared `column` or `table.column` (through the table's reference to it), else the table's. */
function anchorOf(t: TableModel, declared: string | undefined): AnchorModel | undefined {
  if (!declared) return t.anchor;
  const [first = '', second] = declared.split('.');
  if (second === undefined || first === t.name) return { column: second ?? first };
  return { column: second, via: t.references.find((r) => r.toTable === first) };
}

/** The FROM clause (aliased `t`, joined to the anchor's table when the anchor lives there) and the anchor expression. */
function dueSource(
  statement: Statement,
  model: StoreModel,
  t: TableModel,
  anchor: AnchorModel | undefined = t.anchor,
): { from: string; anchor: string } {
  if (!anchor) throw new Error('no anchor');
  const own = `${tableName(statement, model, t.name)} t`;
  if (!anchor.via) return { from: own, anchor: `t.${statement.id(anchor.column)}` };
  const via = anchor.via;
  return {
    from: `${own} join ${tableName(statement, model, via.toTable)} a on a.${statement.id(via.toColumn)} = t.${statement.id(via.column)}`,
    anchor: `a.${statement.id(anchor.column)}`,
  };
}

/** One SQL predicate per table hold: true when the hold keeps the row (aliased `alias`) at `now`. */
function holdPredicates(statement: Statement, t: TableModel, now: Date, alias = 't'): { hold: string; sql: string }[] {
  return t.holds.map((hold) => {
    const parts: string[] = [];
    if (hold.flag) parts.push(`${alias}.${statement.id(hold.flag)} is true`);
    if (hold.anchor && hold.duration)
      parts.push(
        `${alias}.${statement.id(hold.anchor)} > ${statement.instant(addDuration(now, duration(hold.duration), -1))}`,
      );
    else if (hold.anchor) parts.push('1 = 0');
    return { hold: hold.hold, sql: parts.length > 0 ? `(${parts.join(' or ')})` : '(1 = 1)' };
  });
}

function exclusions(statement: Statement, exclude: DueQuery['exclude']): string {
  return (exclude ?? [])
    .filter((e) => e.values.length > 0)
    .map(
      (e) => `(t.${statement.id(e.column)} is null or ${statement.notInList(`t.${statement.id(e.column)}`, e.values)})`,
    )
    .join(' and ');
}

/** True for rows where at least one of the columns is not yet in its erased state (so a sweep never loops on them). */
function notYetErased(
  statement: Statement,
  columns: ColumnModel[],
  mode: 'anonymise' | 'reduce',
  token: string,
): string {
  const parts = columns.map((column) => {
    const c = `t.${statement.id(column.name)}`;
    const strategy = effectiveStrategy(column, mode);
    if (strategy === 'null') return `${c} is not null`;
    if (strategy === 'redact') return `(${c} is not null and ${c} <> ${statement.param(token)})`;
    return `(${c} is not null and ${c} not like ${statement.param(`${hashPrefix}%`)})`;
  });
  return `(${parts.join(' or ')})`;
}

/** The table of the sweep ledger in the store (in the store's schema on PostgreSQL). */
function ledgerName(statement: Statement, model: StoreModel): string {
  return tableName(statement, model, 'charter_retention_ledger');
}

/**
 * Nullable references from rows retention must never write (held or restricted): a due row such a row points at
 * cannot be unlinked from it, so it blocks like a non-nullable reference — but only while such a row points at it.
 */
function stayingNullableReferences(model: StoreModel, t: TableModel, restrictedSet: RestrictedRows): ReferenceModel[] {
  return t.referencedBy.filter((r) => {
    const child = model.tables.get(r.table);
    // A table no restrictColumn protects may still hold restricted rows: those of a person Charter remembers.
    return (
      r.nullable &&
      r.enforced &&
      r.table !== t.name &&
      child !== undefined &&
      (child.holds.length > 0 || restrictable(model, child.name) || restrictedSet.has(child.name))
    );
  });
}

/** True for a row of `child` (aliased `alias`) that retention must leave as it is: held now, or restricted. */
function stayingChild(
  statement: Statement,
  child: TableModel,
  alias: string,
  now: Date,
  restrictedSet: RestrictedRows,
): string {
  const parts = holdPredicates(statement, child, now, alias).map((h) => h.sql);
  const restricted = restrictedMember(statement, child, alias, restrictedSet);
  if (restricted) parts.push(restricted);
  return parts.length > 0 ? `(${parts.join(' or ')})` : '(1 = 0)';
}

/** References that keep a row from being deleted while a row points at it: enforced, not nullable, not to itself. */
function blockingReferences(model: StoreModel, t: TableModel): ReferenceModel[] {
  return t.referencedBy.filter((r) => !r.nullable && r.enforced && r.table !== t.name && model.tables.has(r.table));
}

/**
 * True for a row of `child` (aliased `alias`) that goes in a run at `cutoff`: its table has a deleting rule, the row
 * is due under it, no hold keeps it and it is not restricted. (Rows still referenced themselves are not followed
 * further: the sweep reports what stays.)
 */
function childGoes(
  statement: Statement,
  model: StoreModel,
  child: TableModel,
  alias: string,
  cutoff: Date,
  now: Date,
  rules: readonly RowRule[],
  restrictedSet: RestrictedRows,
): string {
  const rule = rules.find((r) => r.table === child.name);
  if (!rule?.period || !child.anchor) return '(1 = 0)';
  const anchor = anchorExpression(statement, model, child, alias);
  const parts = [`${anchor} <= ${statement.instant(addDuration(cutoff, duration(rule.period), -1))}`];
  for (const hold of holdPredicates(statement, child, now, alias)) parts.push(`not ${hold.sql}`);
  const restricted = restrictedMember(statement, child, alias, restrictedSet);
  if (restricted) parts.push(`not ${restricted}`);
  return `coalesce((${parts.join(' and ')}), false)`;
}

/** A table's anchor for a row aliased `alias`: its own column, or a scalar subquery through the reference to it. */
function anchorExpression(statement: Statement, model: StoreModel, t: TableModel, alias: string): string {
  const anchor = t.anchor;
  if (!anchor) return 'null';
  return anchor.via
    ? `(select ba.${statement.id(anchor.column)} from ${tableName(statement, model, anchor.via.toTable)} ba where ba.${statement.id(anchor.via.toColumn)} = ${alias}.${statement.id(anchor.via.column)})`
    : `${alias}.${statement.id(anchor.column)}`;
}
