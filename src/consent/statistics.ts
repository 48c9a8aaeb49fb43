/**
 * Consent statistics per site, day (UTC) and category: how often the banner was shown, how visitors answered
 * (accept all, reject all, customised, GPC, withdrawals, expiries) and each category's opt-in rate.
 *
 * Answers are counted from the ledger itself, in the same transaction as each batch of records (ledger-writer.ts), so
 * the figures always match the records; counters are sharded per concurrent batch and summed when read. They are
 * plain aggregates without personal data, and outlive the month partitions dropped by retention.
 *
 * "Shown" cannot come from the banner's configuration requests: that configuration is cached by browsers and CDNs
 * (it is addressed by revision), so its loads say nothing about displays. The banner sends a beacon when it actually
 * shows the first layer (`POST /api/v1/consent/shown`, no visitor id, nothing stored but the count); beacons are
 * summed in memory and written every two seconds, so a crash can lose at most those two seconds of "shown" counts —
 * never a consent record.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { consentView, type ConsentDb } from './tables.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import type { Logger } from '../platform/logger.js';
import { consentMethods } from './ledger-rules.js';

export interface CounterRow {
  organisationId: string;
  siteId: string;
  day: string;
  metric: string;
  shard: number;
  count: number;
}

interface CountableRecord {
  organisationId: string;
  siteId: string;
  recordedAt: Date;
  method: string;
  gpc: boolean;
  choices: Record<string, boolean>;
}

const dayMs = 86_400_000;
const metricNames = new Map<string, { decided: string; granted: string }>();
const methodNames = new Map<string, string>();

function categoryMetrics(category: string) {
  let names = metricNames.get(category);
  if (!names) {
    names = { decided: `decided:${category}`, granted: `granted:${category}` };
    metricNames.set(category, names);
  }
  return names;
}

function methodMetric(method: string) {
  let name = methodNames.get(method);
  if (!name) {
    name = `method:${method}`;
    methodNames.set(method, name);
  }
  return name;
}

/** The counters a batch of records adds, sorted by key (so concurrent upserts lock rows in one order). */
export function countRecords(records: readonly CountableRecord[], shard: number): CounterRow[] {
  // organisation → site → UTC day number → metric → count. A batch mostly shares one of each.
  const groups = new Map<string, Map<string, Map<number, Map<string, number>>>>();
  for (const record of records) {
    let sites = groups.get(record.organisationId);
    if (!sites) groups.set(record.organisationId, (sites = new Map<string, Map<number, Map<string, number>>>()));
    let days = sites.get(record.siteId);
    if (!days) sites.set(record.siteId, (days = new Map<number, Map<string, number>>()));
    const day = Math.floor(record.recordedAt.getTime() / dayMs);
    let metrics = days.get(day);
    if (!metrics) days.set(day, (metrics = new Map<string, number>()));
    metrics.set('records', (metrics.get('records') ?? 0) + 1);
    const method = methodMetric(record.method);
    metrics.set(method, (metrics.get(method) ?? 0) + 1);
    if (record.gpc) metrics.set('gpc-signal', (metrics.get('gpc-signal') ?? 0) + 1);
    for (const category in record.choices) {
      const names = categoryMetrics(category);
      metrics.set(names.decided, (metrics.get(names.decided) ?? 0) + 1);
      if (record.choices[category]) metrics.set(names.granted, (metrics.get(names.granted) ?? 0) + 1);
    }
  }
  const rows: CounterRow[] = [];
  for (const organisationId of [...groups.keys()].sort()) {
    const sites = groups.get(organisationId) ?? new Map<string, Map<number, Map<string, number>>>();
    for (const siteId of [...sites.keys()].sort()) {
      const days = sites.get(siteId) ?? new Map<number, Map<string, number>>();
      for (const day of [...days.keys()].sort((a, b) => a - b)) {
        const date = new Date(day * dayMs).toISOString().slice(0, 10);
        const metrics = days.get(day) ?? new Map<string, number>();
        for (const metric of [...metrics.keys()].sort()) {
          rows.push({ organisationId, siteId, day: date, metric, shard, count: metrics.get(metric) ?? 0 });
        }
      }
    }
  }
  return rows;
}

/**
 * The statement that adds counters, as fixed SQL text whose six array parameters start at `$${first + 1}`: the ledger
 * writer's batch statement puts it after the records' parameters. See `counterParams`.
 */
export function counterUpsertText(first: number): string {
  const p = (i: number) => `$${first + i}`;
  return `insert into consent_daily_stats (organisation_id, site_id, day, metric, shard, count)
    select * from unnest(${p(1)}::uuid[], ${p(2)}::text[], ${p(3)}::date[], ${p(4)}::text[], ${p(5)}::smallint[], ${p(6)}::bigint[])
    on conflict (organisation_id, site_id, day, metric, shard)
    do update set count = consent_daily_stats.count + excluded.count`;
}

/** The six arrays `counterUpsertText` expects, in order. */
export function counterParams(rows: readonly CounterRow[]): unknown[] {
  return [
    rows.map((r) => r.organisationId),
    rows.map((r) => r.siteId),
    rows.map((r) => r.day),
    rows.map((r) => r.metric),
    rows.map((r) => r.shard),
    rows.map((r) => r.count),
  ];
}

const counterUpsertStatement = counterUpsertText(0);

/** Adds counters in one statement. */
export async function upsertCounters<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  rows: readonly CounterRow[],
): Promise<void> {
  const db = consentView(anyDb);
  if (rows.length === 0) return;
  // Beacons of several organisations in one statement, like the ledger writer's batches (ledger-writer.ts).
  await acrossOrganisations('consent counters of several organisations in one statement', () =>
    db.executeQuery(CompiledQuery.raw(counterUpsertStatement, counterParams(rows))),
  );
}

/** Sums "shown" beacons in memory and writes them every `intervalMs`. */
export class ShownCounter {
  #pending = new Map<string, CounterRow>();
  #timer: NodeJS.Timeout | undefined;
  /** Beacon counters use their own shard range, away from the ledger batches' shards. */
  readonly #shard = 1000 + Math.floor(Math.random() * 1000);

  constructor(
    private readonly db: Kysely<ConsentDb>,
    private readonly logger: Logger,
    private readonly intervalMs = 2000,
  ) {}

  start() {
    this.#timer = setInterval(() => void this.flush(), this.intervalMs);
    this.#timer.unref();
  }

  add(organisationId: string, siteId: string, at: Date) {
    const day = at.toISOString().slice(0, 10);
    const key = `${organisationId}\u0000${siteId}\u0000${day}`;
    const row = this.#pending.get(key);
    if (row) row.count++;
    else this.#pending.set(key, { organisationId, siteId, day, metric: 'shown', shard: this.#shard, count: 1 });
  }

  /** Writes what was counted since the last flush. */
  async flush(): Promise<void> {
    if (this.#pending.size === 0) return;
    const rows = [...this.#pending.values()].sort((a, b) =>
      `${a.organisationId}${a.siteId}${a.day}`.localeCompare(`${b.organisationId}${b.siteId}${b.day}`),
    );
    this.#pending = new Map();
    try {
      await upsertCounters(this.db, rows);
    } catch (error) {
      this.logger.warn(
        { err: { type: (error as Error).name, message: (error as Error).message } },
        'consent shown counters not written',
      );
    }
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.flush();
  }
}

export interface DailyStatistics {
  site: string;
  day: string;
  shown: number;
  /** Every recorded answer, whatever the method. */
  records: number;
  acceptAll: number;
  rejectAll: number;
  custom: number;
  /** Answers recorded with the gpc method (Global Privacy Control applied by the banner). */
  gpc: number;
  /** Records made while Global Privacy Control was on, whatever the method. */
  gpcSignal: number;
  withdraw: number;
  expiry: number;
  /** Per category: how many records decided it, how many granted it, and the opt-in rate (granted / decided). */
  categories: Record<string, { decided: number; granted: number; rate: number | null }>;
}

/** Daily statistics of an organisation's sites between two days (inclusive, YYYY-MM-DD), oldest first. */
export async function consentStatistics<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  query: { from: string; to: string; site?: string | undefined },
): Promise<DailyStatistics[]> {
  const db = consentView(anyDb);
  const organisationId = requireScope(scope);
  const rows = await inOrganisation(db, scope, (trx) => {
    let select = trx
      .selectFrom('consent_daily_stats')
      .select([
        'site_id',
        sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
        'metric',
        sql<number>`sum(count)::bigint`.as('count'),
      ])
      .where('organisation_id', '=', organisationId)
      .where('day', '>=', query.from)
      .where('day', '<=', query.to);
    if (query.site) select = select.where('site_id', '=', query.site);
    return select.groupBy(['site_id', 'day', 'metric']).orderBy('day').orderBy('site_id').execute();
  });
  const days = new Map<string, DailyStatistics>();
  for (const row of rows) {
    const key = `${row.day}\u0000${row.site_id}`;
    let entry = days.get(key);
    if (!entry) {
      entry = {
        site: row.site_id,
        day: row.day,
        shown: 0,
        records: 0,
        acceptAll: 0,
        rejectAll: 0,
        custom: 0,
        gpc: 0,
        gpcSignal: 0,
        withdraw: 0,
        expiry: 0,
        categories: {},
      };
      days.set(key, entry);
    }
    const count = Number(row.count);
    const [kind, name = ''] = splitMetric(row.metric);
    if (kind === 'shown') entry.shown = count;
    else if (kind === 'records') entry.records = count;
    else if (kind === 'gpc-signal') entry.gpcSignal = count;
    else if (kind === 'method' && (consentMethods as readonly string[]).includes(name))
      entry[methodField[name as keyof typeof methodField]] = count;
    else if (kind === 'decided' || kind === 'granted') {
      const category = (entry.categories[name] ??= { decided: 0, granted: 0, rate: null });
      category[kind] = count;
    }
  }
  for (const entry of days.values()) {
    for (const category of Object.values(entry.categories)) {
      category.rate = category.decided > 0 ? Math.round((category.granted / category.decided) * 10_000) / 10_000 : null;
    }
  }
  return [...days.values()];
}

const methodField = {
  'accept-all': 'acceptAll',
  'reject-all': 'rejectAll',
  custom: 'custom',
  gpc: 'gpc',
  withdraw: 'withdraw',
  expiry: 'expiry',
} as const;

function splitMetric(metric: string): [string, string?] {
  const colon = metric.indexOf(':');
  return colon < 0 ? [metric] : [metric.slice(0, colon), metric.slice(colon + 1)];
}
