/**
 * The connector port: what every store (PostgreSQL, MySQL/MariaDB, an HTTP adapter) does for Charter. Rights
 * (access, erasure, rectification, restriction) and retention (count and sweep what is due) are written against this
 * interface only; the SQL connectors implement it with one shared engine over a small driver (`sql/driver.ts`), the
 * HTTP connector forwards each call to the adapter (docs/http-store-protocol.md).
 *
 * Every operation takes plain data and answers plain data (JSON-safe), so the same values travel over HTTP.
 * Every mutating operation is idempotent: strategies never apply twice (a hashed value is recognised and left alone,
 * null and redact are fixed points, a deleted row is gone), and each carries a `jobId` the HTTP adapter may use to
 * answer a repeated call with its first answer.
 */
import type { Store } from '../charter/schema.js';

export type StoreKind = Store['kind'];

/** What a requester identifies with; the same names as `rights.identities` and the column `identity` field. */
export type IdentityType = 'email' | 'phone' | 'customer-number' | 'account-id';

export interface Identity {
  type: IdentityType;
  value: string;
}

export type EraseStrategy = 'delete' | 'null' | 'hash' | 'redact' | 'keep';

// ---------------------------------------------------------------------------------------------------------------
// Live schema (introspection, `charter stores check`, `charter scan`)

/** A column family Charter reasons about when it checks that a strategy fits a column. */
export type ColumnFamily =
  'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'timestamp' | 'json' | 'binary' | 'uuid' | 'other';

export interface LiveColumn {
  name: string;
  /** The database's own type name, e.g. `character varying`, `varchar(120)`, `int`. */
  rawType: string;
  family: ColumnFamily;
  nullable: boolean;
  /** Declared maximum length of a text column (varchar(n)); undefined when unbounded. */
  maxLength?: number | undefined;
  /** Part of a single-column unique constraint or unique index (the primary key included). */
  unique: boolean;
  /** The first key column of an index (the primary key's included), so lookups by it need not read the table. */
  indexed?: boolean | undefined;
}

export interface LiveForeignKey {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
}

export interface LiveTable {
  name: string;
  columns: LiveColumn[];
  primaryKey: string[];
  foreignKeys: LiveForeignKey[];
  /** Row estimate from the database's statistics (cheap, approximate). */
  estimatedRows?: number | undefined;
}

export interface LiveSchema {
  tables: LiveTable[];
  /** PostgreSQL's `server_version_num` (150018 for 15.18); other connectors leave it out. */
  postgresVersion?: number | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Access

export interface AccessRequest {
  identities: Identity[];
  /**
   * Leave out rows whose restriction flag is set (Art. 18: restricted data is stored, not otherwise processed).
   * The subject's own access request includes them (default false); exports to third parties set it.
   */
  excludeRestricted?: boolean;
  /** Include columns declared `secret` (password hashes, tokens). Never for a subject's package. Default false. */
  includeSecrets?: boolean;
  /** Rows of tables processed for a customer: counted only (default), or included. See `ProcessorDataOption`. */
  processorData?: ProcessorDataOption;
}

/**
 * What a request does with rows of tables the organisation processes for its customers (`processedFor`, Art. 28):
 * `count` (the default) finds them, reports how many per table and customer (`ProcessorRows`), and neither exports
 * nor writes them — the customer, as controller, decides (Art. 28(3)(e)); `include` treats them like the
 * organisation's own rows (only on the customer's documented instruction).
 */
export type ProcessorDataOption = 'count' | 'include';

/** Rows found for the identities in a table processed for a customer, left alone by the request. No contents. */
export interface ProcessorRows {
  table: string;
  /** The `customers[]` id the table is processed for. */
  customer: string;
  rows: number;
}

export interface AccessColumn {
  name: string;
  /** Data category id from the charter (`contact.email`). */
  category: string;
  value: JsonValue;
}

/** One row found for the subject: only its declared columns, each with its data category. */
export interface AccessRecord {
  store: string;
  table: string;
  /** Primary key value, as a string. */
  key: string;
  columns: AccessColumn[];
  /** The row, or a row it belongs to, is restricted (Art. 18). */
  restricted: boolean;
  /**
   * The row belongs to someone else too (a message between two customers): the other person's columns are left out
   * (Art. 15(4)). Absent when the row is the person's alone.
   */
  shared?: boolean | undefined;
}

/**
 * Receives records in batches while the connector streams them; the connector awaits it, so a slow sink slows the
 * query instead of buffering (bounded memory for a subject with a million rows).
 */
export type AccessSink = (records: AccessRecord[]) => Promise<void> | void;

export interface TableCount {
  table: string;
  rows: number;
}

export interface AccessSummary {
  store: string;
  tables: TableCount[];
  /** Statements issued: grows with the number of tables and batches, never with one query per row. */
  queries: number;
  /** Rows found in tables processed for customers and not exported (absent: none, or an older connector). */
  processorRows?: ProcessorRows[] | undefined;
}

/** The contacts on file for the identities (for verification: a code goes to what the stores hold, not what was typed). */
export interface ContactsOnFile {
  store: string;
  found: boolean;
  contacts: Identity[];
}

// ---------------------------------------------------------------------------------------------------------------
// Erasure, rectification, restriction

export interface ErasureRequest {
  /** Stable id of the erasure job; the same id on a re-run. */
  jobId: string;
  identities: Identity[];
  /** Plan only: report what would be erased and kept, change nothing. */
  dryRun?: boolean;
  /** Rows per statement (default 500). */
  batchSize?: number;
  /**
   * Called after each batch is written (inside the store transaction): for progress bars and for the crash test.
   * Never receives personal data.
   */
  onBatch?: (progress: BatchProgress) => void;
  /** Rows of tables processed for a customer: counted and kept (default), or erased. See `ProcessorDataOption`. */
  processorData?: ProcessorDataOption;
}

export interface BatchProgress {
  store: string;
  table: string;
  action: 'delete' | 'update' | 'unlink';
  rows: number;
}

/** What was erased in one table. */
export interface ErasedTable {
  table: string;
  deleted: number;
  /** Rows whose columns were nulled, hashed or redacted. */
  updated: number;
}

/** Rows kept (whole, or reduced to the held columns) and the rule that requires it: told to the subject (Art. 17(3)). */
export interface KeptRows {
  table: string;
  rows: number;
  /**
   * Hold id from the charter; `referenced` when a row that stays (held, or someone else's) still points at it — its
   * personal columns are erased by their strategies; `shared` when it belongs to another person too — only the
   * person's columns are erased (docs/ownership.md).
   */
  hold: string;
  /** The law, e.g. "Belgian VAT Code, art. 60" (empty for `referenced` and `shared`). */
  law: string;
  /**
   * Columns kept as they are; the others were erased. Empty list: for a hold or `shared`, the row was kept
   * untouched; for `referenced`, no declared column was kept (every personal column erased).
   */
  keptColumns: string[];
  /** Until when the hold runs, when it has a duration (the latest over the rows, ISO date). */
  until?: string | undefined;
}

export interface ErasureResult {
  store: string;
  jobId: string;
  dryRun: boolean;
  erased: ErasedTable[];
  kept: KeptRows[];
  queries: number;
  /** Rows found in tables processed for customers and left untouched (absent: none, or an older connector). */
  processorRows?: ProcessorRows[] | undefined;
}

export interface ColumnChange {
  table: string;
  column: string;
  value: JsonValue;
}

export interface RectificationRequest {
  jobId: string;
  identities: Identity[];
  /** New values for declared columns; applied to every row of that table found for the subject. */
  changes: ColumnChange[];
  /** Rows of tables processed for a customer: counted and left alone (default), or changed. */
  processorData?: ProcessorDataOption;
}

export interface RectificationResult {
  store: string;
  jobId: string;
  updated: TableCount[];
  /** Rows found in tables processed for customers and left unchanged. */
  processorRows?: ProcessorRows[] | undefined;
}

export interface RestrictionRequest {
  jobId: string;
  identities: Identity[];
  /** true: restrict (Art. 18); false: lift the restriction. */
  restricted: boolean;
  /** Rows of tables processed for a customer: counted and left alone (default), or restricted. */
  processorData?: ProcessorDataOption;
}

export interface RestrictionResult {
  store: string;
  jobId: string;
  updated: TableCount[];
  /** Tables holding the subject's rows that declare no `restrictColumn`: the restriction cannot be recorded there. */
  unsupported: string[];
  /** Rows found in tables processed for customers and left unrestricted (the customer decides). */
  processorRows?: ProcessorRows[] | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Retention: count and act on what is due

/** Extra exclusion: rows whose `column` holds one of `values` are not due (e.g. a fresh consent renewed them). */
export interface DueExclusion {
  column: string;
  values: (string | number)[];
}

export interface DueQuery {
  table: string;
  /** The retention period of the table's rule; a row is due when anchor + period is at or before the cutoff. */
  period: string;
  /** Due counts are given for each cutoff (e.g. now and the end of each of the next 12 months). */
  cutoffs: string[];
  /** The instant legal holds are evaluated at (ISO). */
  now: string;
  exclude?: DueExclusion[];
  /** The rule's anchor (`column` or `table.column`) when it is not the table's own `anchor` (a table with several rules). */
  anchor?: string | undefined;
  /**
   * The rule's action. For `delete`, due rows still referenced (enforced, non-nullable) by a row that does not go in
   * this run are counted apart as `blocked` (and as held `referenced` once anonymised), not as due.
   */
  action?: 'delete' | 'anonymise' | undefined;
  /** The store's row-deleting rules (table and period), so a referencing row that goes in the same run blocks nothing. */
  rules?: RowRule[] | undefined;
  /**
   * Art. 18: identities of restricted people Charter remembers because some store could not mark the restriction.
   * Every row they match in an identity column is restricted (with what belongs to it), like a row whose
   * `restrictColumn` is true: counted as held `restricted`, never swept.
   */
  restrictedIdentities?: Identity[] | undefined;
}

/**
 * A table of the store governed by a rule that deletes its rows after `period`; without a period, the rows are
 * governed but taken as staying (after a sweep: whatever is left stays for a reason of its own).
 */
export interface RowRule {
  table: string;
  period?: string | undefined;
}

/** Due rows of a table kept because rows of another table still reference them (Art. 5(1)(e) vs. referential integrity). */
export interface BlockedRows {
  /** The referencing table. */
  table: string;
  /** Why the referencing rows stay: a hold id, `restricted`, `ungoverned` (no rule deletes them), or `not-due`. */
  reason: string;
  /** Due rows of the counted table they keep. */
  rows: number;
  /** Referencing rows. */
  by: number;
}

export interface DueCount {
  store: string;
  table: string;
  /** Rows due at each cutoff, holds and restrictions excluded (same order as the query's cutoffs). */
  due: number[];
  /** Rows due at the first cutoff but kept, per hold id (`restricted` for Art. 18 restrictions). */
  held: Record<string, number>;
  /** Rows with no anchor value (never due: reported so the officer can fix the data). */
  withoutAnchor: number;
  /** Due rows still referenced by rows that stay and not yet anonymised (only for `action: delete`). */
  blocked?: BlockedRows[] | undefined;
  /** Due rows blocked in all (a row two tables reference counts once), not yet anonymised. */
  blockedRows?: number | undefined;
}

export interface SweepRequest {
  /** Stable id of the retention run (for the HTTP adapter's idempotency). */
  jobId: string;
  table: string;
  period: string;
  /** Rows due at or before this instant are acted on (ISO). */
  cutoff: string;
  now: string;
  action: 'delete' | 'anonymise';
  /** Rows in this batch at most (bounded transaction size). */
  batchSize: number;
  exclude?: DueExclusion[];
  dryRun?: boolean;
  /**
   * Where the previous batch stopped (its `next`): rows whose anchor lies before it were handled already, so the
   * batch starts there instead of walking again over the index entries of rows it just deleted or anonymised.
   */
  after?: string | undefined;
  /** The rule's anchor when it is not the table's own (see `DueQuery.anchor`). */
  anchor?: string | undefined;
  /** A column rule: anonymise only these columns (by their strategies, `delete` as `null`); the row always stays. */
  columns?: string[] | undefined;
  /** Art. 18: identities whose rows (and what belongs to them) the sweep leaves, as in `DueQuery.restrictedIdentities`. */
  restrictedIdentities?: Identity[] | undefined;
  /**
   * With `action: anonymise`: only the due rows a row that stays still references — a delete rule's fallback when
   * deleting is impossible (their personal columns are erased, the key stays).
   */
  referencedOnly?: boolean | undefined;
  /**
   * Recorded with the batch's effect in the store, in the batch's own transaction (SQL stores: a one-row ledger per
   * job), so a run killed between the store's commit and Charter's record learns the batch's effect on resume.
   */
  batchId?: string | undefined;
}

/** What a batch recorded in the store's ledger did. */
export interface SweptBatch {
  deleted: number;
  anonymised: number;
  reduced: Record<string, number>;
}

/** One bounded batch of a sweep: call again until `done`. */
export interface SweepResult {
  store: string;
  table: string;
  deleted: number;
  anonymised: number;
  /** Rows under a hold with kept columns that were reduced to those columns. */
  reduced: Record<string, number>;
  /** True when no due, actionable rows remain for this cutoff. */
  done: boolean;
  /** Pass as `after` to the next batch (absent when the connector cannot resume from a position). */
  next?: string | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The port

export interface StoreCapabilities {
  /** Can describe its live schema (SQL stores). */
  introspect: boolean;
  /** Can return value samples for `charter scan`. */
  sample: boolean;
}

export interface StoreConnector {
  readonly id: string;
  readonly kind: StoreKind;
  readonly capabilities: StoreCapabilities;
  /** Streams every row reachable from the identities to `sink`, in batches. */
  access(request: AccessRequest, sink: AccessSink): Promise<AccessSummary>;
  /** The identity values on file for rows matching the identities (emails, phones…). */
  contacts(identities: Identity[]): Promise<ContactsOnFile>;
  /** Applies each column's strategy to the subject's rows in one transaction; holds respected and reported. */
  erase(request: ErasureRequest): Promise<ErasureResult>;
  rectify(request: RectificationRequest): Promise<RectificationResult>;
  restrict(request: RestrictionRequest): Promise<RestrictionResult>;
  /** Counts rows due under a retention period at each cutoff, with holds and restrictions left out. */
  countDue(query: DueQuery): Promise<DueCount>;
  /** Acts on one bounded batch of due rows in its own transaction. Children before parents: see `deletionOrder`. */
  sweep(request: SweepRequest): Promise<SweepResult>;
  /**
   * What the batch `batchId` of job `jobId` did, when it committed (from the ledger the sweep wrote in its
   * transaction); undefined when it never committed. Absent for connectors without a ledger.
   */
  sweptBatch?(jobId: string, batchId: string): Promise<SweptBatch | undefined>;
  /** The live schema; throws for a connector without the capability. */
  introspect(): Promise<LiveSchema>;
  /** Up to `limit` rows of a table, for the personal-data scan; throws without the capability. */
  sample(table: string, limit: number): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Options every connector is built with, beside its store declaration. */
export interface ConnectorContext {
  /** The charter's legal holds (id, law, duration) that table holds refer to. */
  holds: { id: string; law: string; duration?: string | undefined }[];
  /** Key of the keyed hash strategy (HMAC-SHA256). */
  hashKey: Buffer;
  /** Environment the connection URL (and HTTP signing secret) are read from. */
  env: NodeJS.ProcessEnv;
  /** Token written by the `redact` strategy (default `[erased]`). */
  redactToken?: string;
}

/** Error from a store: the store id and a message without personal data. */
export class StoreError extends Error {
  constructor(
    readonly store: string,
    message: string,
    readonly code: string = 'store_error',
  ) {
    super(`store ${store}: ${message}`);
    this.name = 'StoreError';
  }
}
