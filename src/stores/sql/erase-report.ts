/**
 * What an erasure reports it kept: rows grouped by table, the reason (a hold, a reference, a shared row) and the
 * columns left as they are, with the latest date a hold keeps them until; and the rows left to a customer (Art. 28).
 */
import type { KeptRows } from '../connector.js';
import type { HoldModel, TableModel } from '../plan.js';
import { ProcessorTally } from '../processor-rows.js';
import type { RowAction } from './erase-decide.js';

export class KeptTally {
  private readonly kept = new Map<string, KeptRows>();
  readonly processor = new ProcessorTally();

  /** Counts one row's decision (deleted and updated rows are counted by the writes). */
  add(t: TableModel, action: RowAction): void {
    if (action.kind === 'customer') return this.processor.add(t, 1);
    if (action.kind === 'delete' || action.kind === 'update') return;
    const hold: HoldModel | undefined =
      action.kind === 'reduce'
        ? action.hold
        : action.kind === 'keep' && action.hold !== 'referenced'
          ? action.hold
          : undefined;
    const holdId = hold?.hold ?? (action.kind === 'shared' ? 'shared' : 'referenced');
    const keptColumns = keptColumnsOf(t, action);
    const key = `${t.name}\u0000${holdId}\u0000${keptColumns.join(',')}`;
    const entry: KeptRows = this.kept.get(key) ?? {
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
    this.kept.set(key, entry);
  }

  list(): KeptRows[] {
    return [...this.kept.values()];
  }
}

/** Columns left as they are (the others erased); an empty list means the row was left untouched. */
export function keptColumnsOf(t: TableModel, action: RowAction): string[] {
  if (action.kind === 'reduce') return [...(action.hold.keep ?? [])];
  if (action.kind === 'anonymise') return t.columns.filter((c) => c.erase === 'keep').map((c) => c.name);
  if (action.kind === 'shared' && (action.columns.length > 0 || action.unlink.length > 0))
    return t.columns.filter((c) => !action.columns.includes(c)).map((c) => c.name);
  return [];
}
