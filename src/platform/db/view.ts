/**
 * A domain's handle on the database, typed by the tables it owns and the few shared ones it reads (audit, jobs, …).
 *
 * Kysely is invariant in its database type: a handle on the whole database (`Kysely<Database>`, composed in
 * `src/database.ts`) is not a `Kysely<RightsDb>`, although it has every table of it. `viewOf` forgets the other
 * tables; its constraint (`DB extends Sub`) proves at compile time that the handle has every table of `Sub` with the
 * same row types, so the cast cannot lie. A transaction stays a transaction.
 *
 * Use it once at a domain's edge (its routes or jobs narrow `context.db`), or make a function that other domains call
 * with their own handles generic: `recordAudit<DB extends AuditTables>(trx: Kysely<DB>, …)`.
 */
import type { Kysely, Transaction } from 'kysely';

export function viewOf<Sub>(): {
  <DB extends Sub>(db: Transaction<DB>): Transaction<Sub>;
  <DB extends Sub>(db: Kysely<DB>): Kysely<Sub>;
} {
  return ((db: unknown) => db) as never;
}
