/**
 * Atomic throttle counters, shared by every server process on the database. One statement counts a hit and returns
 * the count (`insert … on conflict do update set count = count + 1 returning count`), so parallel requests — in one
 * process or in several — serialise on the counter row and no two of them see the same count: with a limit of 3,
 * exactly 3 of 12 simultaneous hits are allowed.
 *
 * Windows are fixed (aligned to the epoch), one row per organisation, kind, key and window. Keys are keyed hashes
 * made by the caller: the table holds no personal data. Installation-wide counts (accounts, installation mail) use the
 * nil organisation id.
 */
import { sql, type Kysely, type Migration, type Transaction } from 'kysely';
import { enableOrganisationRls } from './db/rls.js';
import { viewOf } from './db/view.js';

export interface ThrottleCountTable {
  /** The organisation counted for, or `installationScope` for installation-wide counts. */
  organisation_id: string;
  /** What is counted: `request-identity`, `request-ip`, `password-reset-account`, `mail-recipient`, … */
  kind: string;
  /** A keyed hash of the counted value (never the value itself). */
  key_hash: string;
  window_start: Date;
  count: number;
}

export interface ThrottleTables {
  throttle_counts: ThrottleCountTable;
}

/** The organisation id of installation-wide counters (no organisation has it). */
export const installationScope = '00000000-0000-0000-0000-000000000000';

export interface ThrottleHit {
  organisationId: string;
  kind: string;
  keyHash: string;
  windowMs: number;
  limit: number;
}

/** Narrows any domain's handle (whose tables include `throttle_counts`) to the counters' own table. */
const counters = viewOf<ThrottleTables>();

/** The start of the fixed window `at` falls in. */
export function windowStart(at: Date, windowMs: number): Date {
  return new Date(Math.floor(at.getTime() / windowMs) * windowMs);
}

/**
 * Counts one hit and returns the count in the window, this hit included (atomic). Inside a transaction the counter
 * row stays locked until it ends, and a rolled-back transaction takes its hit back.
 */
export async function countHit<DB extends ThrottleTables>(
  db: Transaction<DB> | Kysely<DB>,
  hit: Omit<ThrottleHit, 'limit'>,
  now: Date,
): Promise<number> {
  const row = await counters(db)
    .insertInto('throttle_counts')
    .values({
      organisation_id: hit.organisationId,
      kind: hit.kind,
      key_hash: hit.keyHash,
      window_start: windowStart(now, hit.windowMs),
      count: 1,
    })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'kind', 'key_hash', 'window_start'])
        .doUpdateSet({ count: sql<number>`throttle_counts.count + 1` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Counts a hit on every counter (all of them, so an over-limit attempt is counted everywhere) and tells whether every
 * one is still within its limit. Counters are taken in a fixed order so that parallel callers cannot deadlock.
 */
export async function allowHits<DB extends ThrottleTables>(
  db: Transaction<DB> | Kysely<DB>,
  hits: readonly ThrottleHit[],
  now: Date,
): Promise<boolean> {
  let allowed = true;
  const ordered = [...hits].sort((a, b) => `${a.kind}\u0000${a.keyHash}`.localeCompare(`${b.kind}\u0000${b.keyHash}`));
  for (const hit of ordered) if ((await countHit(db, hit, now)) > hit.limit) allowed = false;
  return allowed;
}

/** Deletes the counters of windows that ended before `before` (of one organisation, or of the installation). */
export async function pruneThrottleCounts<DB extends ThrottleTables>(
  db: Transaction<DB> | Kysely<DB>,
  organisationId: string,
  before: Date,
): Promise<void> {
  await counters(db)
    .deleteFrom('throttle_counts')
    .where('organisation_id', '=', organisationId)
    .where('window_start', '<', before)
    .execute();
}

export const throttleMigrations: Record<string, Migration> = {
  '0091-throttle-counts': {
    async up(db: Kysely<unknown>) {
      // No foreign key to organisations: installation-wide counters use the nil id.
      await sql`
        create table throttle_counts (
          organisation_id uuid not null,
          kind text not null,
          key_hash text not null,
          window_start timestamptz not null,
          count integer not null,
          primary key (organisation_id, kind, key_hash, window_start)
        )`.execute(db);
      await sql`create index throttle_counts_window on throttle_counts (organisation_id, window_start)`.execute(db);
      // Organisation-scoped transactions see their own counters only; installation counters are written unscoped.
      await enableOrganisationRls(db, 'throttle_counts');
    },
  },
};
