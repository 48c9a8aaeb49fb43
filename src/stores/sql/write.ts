/**
 * Writes by primary key, in batches: a column strategy over rows (null, redact, keyed hash), the same strategy as a
 * PostgreSQL expression for writes the database computes itself, setting a reference to NULL, and deletes.
 */
import type { ColumnModel, TableModel } from '../plan.js';
import { hashPrefix, hashValue, hmacPads } from '../strategies.js';
import type { SqlContext } from './context.js';
import { Statement, type SqlSession } from './driver.js';
import { effectiveStrategy } from './rows.js';
import { chunks, tableName, type Row } from './traverse.js';

/** The `update` statement writing `columns` of one batch of rows by strategy; hashed columns need the rows' values. */
export function strategyUpdate(
  ctx: Pick<SqlContext, 'model' | 'token' | 'hashKey'>,
  statement: Statement,
  t: TableModel,
  batch: readonly Row[],
  columns: readonly ColumnModel[],
): string {
  const pk = statement.id(t.primaryKey);
  const hashed = columns.filter((column) => effectiveStrategy(column) === 'hash');
  const fixed = (column: ColumnModel, target: string) =>
    effectiveStrategy(column) === 'null' ? `${target} = null` : `${target} = ${statement.param(ctx.token)}`;
  const keys = batch.map((row) => row[t.primaryKey]);
  const hashes = (column: ColumnModel) => batch.map((row) => hashValue(row[column.name], ctx.hashKey));
  const target = tableName(statement, ctx.model, t.name);
  if (hashed.length === 0) {
    return `update ${target} set ${columns.map((c) => fixed(c, statement.id(c.name))).join(', ')} where ${statement.inList(pk, keys)}`;
  }
  if (
    statement.dialect === 'postgres' &&
    keys.every((k) => typeof k === 'string' || typeof k === 'number' || typeof k === 'bigint')
  ) {
    // Each row's hash looked up by its key's text in one JSON object per column: one statement, a few
    // parameters, a binary search per row (a CASE with a branch per row costs the square of the batch).
    const sets = columns.map((c) => {
      if (effectiveStrategy(c) !== 'hash') return fixed(c, statement.id(c.name));
      const values = hashes(c);
      const lookup = Object.fromEntries(keys.map((k, i) => [String(k), values[i] ?? null]));
      return `${statement.id(c.name)} = ${statement.param(JSON.stringify(lookup))}::jsonb ->> (${pk}::text)`;
    });
    return `update ${target} set ${sets.join(', ')} where ${statement.inList(pk, keys)}`;
  }
  if (statement.dialect === 'mysql') {
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
    return `update ${target} t join (${derived}) u on t.${pk} = u.k set ${sets.join(', ')}`;
  }
  const sets = columns.map((c) => {
    if (effectiveStrategy(c) !== 'hash') return fixed(c, statement.id(c.name));
    const values = hashes(c);
    return `${statement.id(c.name)} = case ${pk} ${keys.map((k, i) => `when ${statement.param(k)} then ${statement.param(values[i])}`).join(' ')} else ${statement.id(c.name)} end`;
  });
  return `update ${target} set ${sets.join(', ')} where ${statement.inList(pk, keys)}`;
}

/** Writes `columns` of the rows by strategy, in batches; returns the rows written. */
export async function writeStrategies(
  ctx: Pick<SqlContext, 'model' | 'token' | 'hashKey'>,
  session: SqlSession,
  t: TableModel,
  rows: Row[],
  columns: ColumnModel[],
  batchSize: number,
): Promise<number> {
  if (columns.length === 0 || rows.length === 0) return 0;
  let written = 0;
  for (const batch of chunks(rows, batchSize)) {
    const statement = new Statement(session.dialect);
    const text = strategyUpdate(ctx, statement, t, batch, columns);
    written += (await session.query(text, statement.params)).affected || batch.length;
  }
  return written;
}

// The HMAC pads of a key, computed once per key (a connector keeps its key for its life).
const padsOfKey = new WeakMap<Buffer, { inner: Buffer; outer: Buffer }>();

/**
 * A column's anonymisation as a PostgreSQL expression: the keyed hash computed by the database (HMAC-SHA256 from
 * the padded keys, the same value `hashValue` gives; `concat` keeps the padding of a char(n) as the driver reads it).
 */
export function sqlStrategy(
  ctx: Pick<SqlContext, 'token' | 'hashKey'>,
  statement: Statement,
  column: ColumnModel,
  current: string,
): string {
  const strategy = effectiveStrategy(column);
  if (strategy === 'null') return 'null';
  if (strategy === 'redact') return statement.param(ctx.token);
  let pads = padsOfKey.get(ctx.hashKey);
  if (!pads) {
    pads = hmacPads(ctx.hashKey);
    padsOfKey.set(ctx.hashKey, pads);
  }
  const digest = `sha256(${statement.param(pads.outer)}::bytea || sha256(${statement.param(pads.inner)}::bytea || convert_to(concat(${current}), 'UTF8')))`;
  const prefix = statement.param(hashPrefix);
  return `case when ${current} is null then null when ${current} ~ ${statement.param(`^${hashPrefix}[0-9a-f]{32}$`)} then ${current} else ${prefix} || left(encode(${digest}, 'hex'), 32) end`;
}

/** Sets `column` to NULL in the rows of `table` whose `where` column is one of `values`, in batches. */
export async function nullColumn(
  ctx: Pick<SqlContext, 'model'>,
  session: SqlSession,
  table: string,
  column: string,
  where: string,
  values: readonly unknown[],
  batchSize: number,
  onBatch?: (rows: number) => void,
): Promise<void> {
  for (const batch of chunks(values, batchSize)) {
    const statement = new Statement(session.dialect);
    const text = `update ${tableName(statement, ctx.model, table)} set ${statement.id(column)} = null where ${statement.inList(statement.id(where), batch)}`;
    await session.query(text, statement.params);
    onBatch?.(batch.length);
  }
}

/** Deletes the rows of `t` with these primary keys, in batches; returns the rows deleted. */
export async function deleteKeys(
  ctx: Pick<SqlContext, 'model'>,
  session: SqlSession,
  t: TableModel,
  keys: unknown[],
  batchSize: number,
  onBatch?: (rows: number) => void,
): Promise<number> {
  let deleted = 0;
  for (const batch of chunks(keys, batchSize)) {
    const statement = new Statement(session.dialect);
    const text = `delete from ${tableName(statement, ctx.model, t.name)} where ${statement.inList(statement.id(t.primaryKey), batch)}`;
    deleted += (await session.query(text, statement.params)).affected;
    onBatch?.(batch.length);
  }
  return deleted;
}
