/**
 * Repository functions that forget their scope, for the tenancy guard's tests (tenancy-guard.db.test.ts) and never
 * used by the server: they stand for a future repository that reads or writes an organisation table on the unscoped
 * connection. They live outside test files because the guard lets tests themselves inspect every organisation.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.js';

/** Reads requests of every organisation: the bug the guard exists for. */
export function readEveryRequest(db: Kysely<Database>) {
  return db.selectFrom('rights_requests').select(['organisation_id', 'id']).execute();
}

/** The same through raw SQL, which the guard reads as text. */
export function countEveryMail(db: Kysely<Database>) {
  return sql<{ n: number }>`select count(*)::int as n from mail_outbox`.execute(db);
}

/** Writes an organisation's row without entering its scope. */
export function writeAuditHead(db: Kysely<Database>, organisationId: string) {
  return db
    .insertInto('audit_heads')
    .values({ organisation_id: organisationId, seq: 0, hash: 'x'.repeat(64) })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .execute();
}
