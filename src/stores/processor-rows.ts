/**
 * Processor data in requests: rows of a table the organisation processes for a customer (`processedFor`, Art. 28)
 * belong to the customer's processing, so a data subject's request finds and counts them but leaves them alone —
 * the customer, as controller, decides what happens to them (Art. 28(3)(e)). The connectors use these two helpers
 * so that the rule is written once.
 */
import type { ProcessorDataOption, ProcessorRows } from './connector.js';
import type { StoreModel, TableModel } from './plan.js';

/** Whether a request leaves the rows of `table` to its customer (counted, never exported or written). */
export function leftToCustomer(
  table: Pick<TableModel, 'processedFor'>,
  option: ProcessorDataOption | undefined,
): boolean {
  return table.processedFor !== undefined && option !== 'include';
}

/** Counts rows left to customers, per table, for a connector's result. */
export class ProcessorTally {
  readonly #rows = new Map<string, ProcessorRows>();

  add(table: Pick<TableModel, 'name' | 'processedFor'>, rows: number): void {
    if (!table.processedFor || rows === 0) return;
    const entry = this.#rows.get(table.name) ?? { table: table.name, customer: table.processedFor.customer, rows: 0 };
    entry.rows += rows;
    this.#rows.set(table.name, entry);
  }

  /** The counts, or undefined when nothing was left to a customer (results stay as they were for other stores). */
  list(): ProcessorRows[] | undefined {
    return this.#rows.size > 0 ? [...this.#rows.values()] : undefined;
  }
}

/**
 * Marks the rows that rows left to a customer reference as protected (parent table → column → values), before an
 * erasure decides anything: such a row is never deleted nor unlinked, so its parent must stay (its columns erased),
 * whatever order the tables are decided in (nullable references do not order them).
 */
export function protectCustomerParents(
  model: StoreModel,
  found: ReadonlyMap<string, readonly Record<string, unknown>[]>,
  option: ProcessorDataOption | undefined,
  protectedValues: Map<string, Map<string, Set<unknown>>>,
): void {
  for (const [name, rows] of found) {
    const table = model.tables.get(name);
    if (!table || !leftToCustomer(table, option)) continue;
    for (const ref of table.references) {
      if (ref.toTable === name || !ref.enforced) continue;
      const byColumn = protectedValues.get(ref.toTable) ?? new Map<string, Set<unknown>>();
      const values = byColumn.get(ref.toColumn) ?? new Set<unknown>();
      for (const row of rows) if (row[ref.column] != null) values.add(row[ref.column]);
      byColumn.set(ref.toColumn, values);
      protectedValues.set(ref.toTable, byColumn);
    }
  }
}
