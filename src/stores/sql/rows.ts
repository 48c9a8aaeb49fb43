/**
 * Pure rules over one row read from a store: its values as JSON, the hold that keeps it, and which columns an
 * erasure writes in each mode and by which strategy.
 */
import { addDuration, duration } from '../../charter/duration.js';
import type { JsonValue } from '../connector.js';
import type { ColumnModel, HoldModel, TableModel } from '../plan.js';
import type { Row } from './traverse.js';

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

/** A primary key as the text an access record names it by. */
export function keyText(value: unknown): string {
  const json = toJson(value);
  return typeof json === 'string' ? json : JSON.stringify(json);
}

/** A flag as the drivers read it (boolean, tinyint, bit, 't'). */
export function truthy(value: unknown): boolean {
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

/** How a row is written: `update` erases by strategy, `reduce` keeps a hold's columns, `anonymise` keeps the row. */
export type WriteMode = 'update' | 'reduce' | 'anonymise';

/** Columns written when a row is updated (`update`) or reduced to a hold's kept columns (`reduce`). */
export function writtenColumns(table: TableModel, mode: WriteMode, keep: readonly string[] = []): ColumnModel[] {
  return table.columns.filter((c) => {
    if (c.name === table.primaryKey) return false;
    if (mode === 'reduce') return !keep.includes(c.name) && c.erase !== 'keep';
    if (mode === 'anonymise') return c.erase !== 'keep';
    return c.erase === 'null' || c.erase === 'hash' || c.erase === 'redact';
  });
}

/** The strategy a written column takes: its own, or `null` (a `delete` column of a row that stays, in any mode). */
export function effectiveStrategy(column: ColumnModel): 'null' | 'hash' | 'redact' {
  return column.erase === 'hash' || column.erase === 'redact' ? column.erase : 'null';
}
