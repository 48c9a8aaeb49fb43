/**
 * Group commit for the consent ledger. "Acknowledged means durable": a request is answered 201 only after the
 * transaction holding its record committed. Throughput comes from batching: records wait in a small in-process queue,
 * and one transaction writes a whole batch with a single multi-row INSERT (arrays through `unnest`, so the statement
 * text never changes) and one commit. A batch starts when `maxBatch` records wait or `delayMs` after the first one;
 * up to `maxInFlight` batches commit at once (PostgreSQL merges their WAL flushes). A failed batch fails every request
 * in it with 503: never a 2xx for a record that is not in the database.
 *
 * The daily statistics are updated in the same statement, so they always agree with the ledger. Each concurrent
 * batch writes its own counter shard, so batches never wait on one another's counter rows.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import type { ConsentDb } from './tables.js';
import { AppError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { ensureMonth } from './ledger-partitions.js';
import { monthOf } from './ledger-rules.js';
import { counterParams, counterUpsertText, countRecords, type CounterRow } from './statistics.js';

export interface LedgerRecord {
  organisationId: string;
  recordedAt: Date;
  receiptId: string;
  siteId: string;
  visitorId: string;
  revision: string;
  method: string;
  language: string;
  choices: Record<string, boolean>;
  gpc: boolean;
  pageUrl: string;
  ipHash: string;
  userAgent: string;
  mobile: boolean;
}

interface Waiting {
  record: LedgerRecord;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface LedgerWriterOptions {
  /** Most records in one transaction. */
  maxBatch?: number;
  /** Batches committing at the same time (1 for PGlite, which has one session). */
  maxInFlight?: number;
  /** How long the first record of an idle queue waits for company, in milliseconds. */
  delayMs?: number;
}

export const unavailable = () =>
  new AppError('unavailable', 503, 'The consent could not be recorded right now; nothing was stored. Try again.');

export class LedgerWriter {
  #queue: Waiting[] = [];
  #inFlight = 0;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #drained: (() => void) | undefined;
  readonly #months = new Set<string>();
  readonly #freeShards: number[];
  readonly maxBatch: number;
  readonly maxInFlight: number;
  readonly delayMs: number;
  /** Figures for the benchmark and the logs. */
  readonly stats = { batches: 0, records: 0, failedBatches: 0 };

  constructor(
    private readonly db: Kysely<ConsentDb>,
    private readonly logger: Logger,
    options: LedgerWriterOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 400;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.delayMs = options.delayMs ?? 2;
    // Counter shards of this process: a random base so that several processes rarely share a shard.
    const base = Math.floor(Math.random() * 64) * 4;
    this.#freeShards = Array.from({ length: this.maxInFlight }, (_, i) => base + i);
  }

  /** Creates this month's and next month's partitions, so the first requests do not pay for it. */
  async prepare(now: Date): Promise<void> {
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    for (const month of [monthOf(now), monthOf(next)]) {
      await ensureMonth(this.db, month);
      this.#months.add(month);
    }
  }

  /** Queues a record; resolves once it is committed, rejects (503) if its batch failed. */
  append(record: LedgerRecord): Promise<void> {
    if (this.#closed) return Promise.reject(unavailable());
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ record, resolve, reject });
      if (this.#queue.length >= this.maxBatch) this.kick();
      else this.#timer ??= setTimeout(() => this.kick(), this.delayMs);
    });
  }

  /** Stops taking records and waits until every queued one is committed or failed. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#queue.length === 0 && this.#inFlight === 0) return;
    await new Promise<void>((resolve) => {
      this.#drained = resolve;
      this.kick();
    });
  }

  private kick() {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    while (this.#queue.length > 0 && this.#inFlight < this.maxInFlight) {
      const batch = this.#queue.splice(0, this.maxBatch);
      const shard = this.#freeShards.pop() ?? 0;
      this.#inFlight++;
      void this.flush(batch, shard).finally(() => {
        this.#inFlight--;
        this.#freeShards.push(shard);
        // Records that arrived during the commit form the next batch at once: they have waited already.
        if (this.#queue.length > 0) this.kick();
        else if (this.#inFlight === 0 && this.#drained) this.#drained();
      });
    }
  }

  private async flush(batch: Waiting[], shard: number): Promise<void> {
    const records = batch.map((w) => w.record);
    try {
      for (const month of new Set(records.map((r) => monthOf(r.recordedAt)))) {
        if (this.#months.has(month)) continue;
        await ensureMonth(this.db, month);
        this.#months.add(month);
      }
      await writeBatch(this.db, records, countRecords(records, shard));
      this.stats.batches++;
      this.stats.records += records.length;
    } catch (error) {
      this.stats.failedBatches++;
      // A partition dropped or not yet visible: check again next time.
      this.#months.clear();
      this.logger.error(
        { err: { type: (error as Error).name, message: (error as Error).message }, records: records.length },
        'consent batch failed',
      );
      const failure = unavailable();
      for (const waiting of batch) waiting.reject(failure);
      return;
    }
    for (const waiting of batch) waiting.resolve();
  }
}

/**
 * One statement for the whole batch: the records (fourteen array parameters, whatever the batch size) and the
 * statistics counters, through a data-modifying CTE. A single statement is its own transaction: one round trip, one
 * commit, both tables or neither. The text never changes, so it is written once rather than built per batch.
 */
const batchStatement = `
  with records as (
    insert into consent_records (organisation_id, recorded_at, receipt_id, site_id, visitor_id, revision, method, language,
                                 choices, gpc, page_url, ip_hash, user_agent, mobile)
    select * from unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                         $8::text[], $9::jsonb[], $10::boolean[], $11::text[], $12::text[], $13::text[], $14::boolean[]))
  ${counterUpsertText(14)}`;

async function writeBatch(db: Kysely<ConsentDb>, records: LedgerRecord[], counters: CounterRow[]): Promise<void> {
  const n = records.length;
  const organisations = new Array<string>(n),
    times = new Array<string>(n),
    receipts = new Array<string>(n);
  const sites = new Array<string>(n),
    visitors = new Array<string>(n),
    revisions = new Array<string>(n);
  const methods = new Array<string>(n),
    languages = new Array<string>(n),
    choices = new Array<string>(n);
  const gpcs = new Array<boolean>(n),
    pages = new Array<string>(n),
    ipHashes = new Array<string>(n);
  const agents = new Array<string>(n),
    mobiles = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const r = records[i] as LedgerRecord;
    organisations[i] = r.organisationId;
    times[i] = r.recordedAt.toISOString();
    receipts[i] = r.receiptId;
    sites[i] = r.siteId;
    visitors[i] = r.visitorId;
    revisions[i] = r.revision;
    methods[i] = r.method;
    languages[i] = r.language;
    choices[i] = JSON.stringify(r.choices);
    gpcs[i] = r.gpc;
    pages[i] = r.pageUrl;
    ipHashes[i] = r.ipHash;
    agents[i] = r.userAgent;
    mobiles[i] = r.mobile;
  }
  const parameters = [
    organisations,
    times,
    receipts,
    sites,
    visitors,
    revisions,
    methods,
    languages,
    choices,
    gpcs,
    pages,
    ipHashes,
    agents,
    mobiles,
    ...counterParams(counters),
  ];
  // Installation-level by design: one batch holds several organisations' records in one statement (one round trip,
  // one commit), which a per-organisation scoped transaction would multiply. Each record's organisation is the one
  // the server resolved from the site (ledger-directory.ts), never a value the visitor sent.
  await acrossOrganisations('consent group commit of several organisations', () =>
    db.executeQuery(CompiledQuery.raw(batchStatement, parameters)),
  );
}
