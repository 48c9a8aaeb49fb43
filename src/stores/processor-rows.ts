/**
 * Processor data in requests: rows of a table the organisation processes for a customer (`processedFor`, Art. 28)
 * belong to the customer's processing, so a data subject's request finds and counts them but leaves them alone —
 * the customer, as controller, decides what happens to them (Art. 28(3)(e)). The connectors use these two helpers
 * so that the rule is written once.
 */
import type { ProcessorDataOption, ProcessorRows } from './connector.js';
import type { TableModel } from './plan.js';

/** Whether a request leaves the rows of `table` to its customer (counted, never exported or written). */
export function leftToCustomer(table: Pick<TableModel, 'processedFor'>, option: ProcessorDataOption | undefined): boolean {
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
