/**
 * Plans and results of a request in a form fit to store, show and mail: which stores, tables, rows and fields, and
 * for an erasure what was kept under which legal obligation and who was told (Art. 17(3), 19). Table and column
 * names and counts only — never a value — so plans and results carry no personal data.
 */
import type { Charter } from '../charter/schema.js';
import type {
  ColumnChange,
  ErasureResult,
  KeptRows,
  RectificationResult,
  RestrictionResult,
} from '../stores/connector.js';
import type { RequestDetails } from './workflow.js';
import { calledHttpStores, planNotifications, recipientName } from './recipients.js';

export interface ErasedEntry {
  store: string;
  storeName: string;
  table: string;
  rows: number;
  deleted: number;
  updated: number;
  /** Declared columns and what happens to them: `email: hash`. */
  fields: string[];
  /** What a person reads instead of store and table names: the table's purpose and its columns' data categories. */
  purpose?: string | null;
  categories?: string[];
}

/** Rows a store kept under a hold (`KeptRows`), with the store they are in. */
export interface KeptEntry extends KeptRows {
  store: string;
  storeName: string;
  purpose?: string | null;
  /** Data categories of the kept columns (of every declared column when the whole row is kept). */
  categories?: string[];
}

export interface ErasureSummary {
  erased: ErasedEntry[];
  kept: KeptEntry[];
  /** Recipients to tell of the erasure (Art. 19), by name; what was really told is in the request's notification records. */
  notified: string[];
  queries: number;
}

function storeName(charter: Charter, id: string): string {
  return charter.stores.find((s) => s.id === id)?.name ?? id;
}

function declaredTable(charter: Charter, store: string, table: string) {
  return charter.stores.find((s) => s.id === store)?.tables.find((t) => t.name === table);
}

/** The purpose and data categories of a table (of some of its columns only, when `columns` is given and not empty). */
export function describeTable(
  charter: Charter,
  store: string,
  table: string,
  columns: string[] = [],
): { purpose: string | null; categories: string[] } {
  const declared = declaredTable(charter, store, table);
  const chosen = (declared?.columns ?? []).filter(
    (c) => !c.secret && (columns.length === 0 || columns.includes(c.name)),
  );
  return { purpose: declared?.purpose ?? null, categories: [...new Set(chosen.map((c) => c.category))] };
}

function fieldsOf(charter: Charter, store: string, table: string): string[] {
  const declared = charter.stores.find((s) => s.id === store)?.tables.find((t) => t.name === table);
  return (declared?.columns ?? []).filter((c) => c.erase !== 'keep').map((c) => `${c.name}: ${c.erase}`);
}

/** Names of the recipients to tell (Art. 19) of a change to these tables, the called HTTP stores' recipients included. */
export function notifiedRecipients(
  charter: Charter,
  tables: { store: string; table: string }[],
  calledStores: string[] = [],
): string[] {
  return planNotifications(charter, tables, calledStores).map((n) => recipientName(charter, n.recipient));
}

export function summariseErasure(charter: Charter, results: ErasureResult[]): ErasureSummary {
  const erased: ErasedEntry[] = [];
  const kept: KeptEntry[] = [];
  let queries = 0;
  for (const result of results) {
    queries += result.queries;
    for (const table of result.erased) {
      if (table.deleted + table.updated === 0) continue;
      erased.push({
        store: result.store,
        storeName: storeName(charter, result.store),
        table: table.table,
        rows: table.deleted + table.updated,
        deleted: table.deleted,
        updated: table.updated,
        fields: fieldsOf(charter, result.store, table.table),
        ...describeTable(charter, result.store, table.table),
      });
    }
    for (const k of result.kept) {
      kept.push({
        store: result.store,
        storeName: storeName(charter, result.store),
        table: k.table,
        rows: k.rows,
        hold: k.hold,
        law: k.law,
        keptColumns: k.keptColumns,
        until: k.until,
        ...describeTable(charter, result.store, k.table, k.keptColumns),
      });
    }
  }
  const touched = [...erased, ...kept].map((e) => ({ store: e.store, table: e.table }));
  return { erased, kept, notified: notifiedRecipients(charter, touched, calledHttpStores(charter, results)), queries };
}

export interface RectificationSummary {
  updated: { store: string; table: string; rows: number }[];
  notified: string[];
}

export function summariseRectification(charter: Charter, results: RectificationResult[]): RectificationSummary {
  const updated = results.flatMap((r) =>
    r.updated.filter((u) => u.rows > 0).map((u) => ({ store: r.store, table: u.table, rows: u.rows })),
  );
  return { updated, notified: notifiedRecipients(charter, updated, calledHttpStores(charter, results)) };
}

export interface RestrictionSummary {
  updated: { store: string; table: string; rows: number }[];
  unsupported: { store: string; table: string }[];
}

export function summariseRestriction(results: RestrictionResult[]): RestrictionSummary {
  return {
    updated: results.flatMap((r) =>
      r.updated.filter((u) => u.rows > 0).map((u) => ({ store: r.store, table: u.table, rows: u.rows })),
    ),
    unsupported: results.flatMap((r) => r.unsupported.map((table) => ({ store: r.store, table }))),
  };
}

/** A staff-reviewed column change for a rectification (the value is personal data: kept on the request, never audited). */
export interface PlannedChange extends ColumnChange {
  store: string;
}

/**
 * Proposes rectification changes from what the requester asked: every declared column of the chosen data category
 * gets the desired value. A privacy officer reviews (and may edit) the proposal before it is executed.
 */
export function proposeRectification(charter: Charter, category: string | undefined, desired: string): PlannedChange[] {
  if (!category) return [];
  const changes: PlannedChange[] = [];
  for (const store of charter.stores) {
    for (const table of store.tables) {
      for (const column of table.columns) {
        if (column.category === category && !column.secret)
          changes.push({ store: store.id, table: table.name, column: column.name, value: desired });
      }
    }
  }
  return changes;
}

/** The changes of a rectification: those staff set on the request, else the ones proposed from what the person asked. */
export function rectificationChanges(
  charter: Charter,
  request: { changes: unknown; details: RequestDetails },
): PlannedChange[] {
  return (
    (request.changes as PlannedChange[] | null) ??
    proposeRectification(charter, request.details.rectification?.category, request.details.rectification?.desired ?? '')
  );
}

/** What a plan keeps of the changes: where they go, never the values. */
export function changesPlan(changes: PlannedChange[]): { changes: Omit<PlannedChange, 'value'>[] } {
  return { changes: changes.map(({ store, table, column }) => ({ store, table, column })) };
}

/** Groups planned changes per store for the engine. */
export function changesByStore(changes: PlannedChange[]): Record<string, ColumnChange[]> {
  const byStore: Record<string, ColumnChange[]> = {};
  for (const { store, ...change } of changes) (byStore[store] ??= []).push(change);
  return byStore;
}

/** The rectifiable data categories a charter's stores hold (for the form): every declared category but secrets. */
export function rectifiableCategories(charter: Charter): string[] {
  const categories = new Set<string>();
  for (const store of charter.stores)
    for (const table of store.tables)
      for (const column of table.columns) if (!column.secret) categories.add(column.category);
  return [...categories].sort();
}
