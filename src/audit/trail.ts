/**
 * The audit trail: append-only and hash-chained per organisation. Each entry's hash covers its canonical content and
 * the previous entry's hash, so editing, deleting or reordering any entry breaks every link after it. Entries are
 * written inside the caller's transaction: the audit record commits with the change or not at all.
 */
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson, sha256 } from '../charter/revision.js';
import type { Database } from '../database.js';
import { requireScope, type OrgScope } from '../platform/db/tenancy.js';

export const genesisHash = '0'.repeat(64);

export interface AuditInput {
  /** Who did it: `user:<id>`, `token:<id>`, `system`, `cli`, `subject` (a data subject; never their identity). */
  actor: string;
  /** Dotted verb, e.g. `charter.applied`, `request.verified`. */
  action: string;
  /** What it was done to, by id only (`request:<uuid>`). */
  target?: string | undefined;
  /** A small diff or summary without personal data beyond ids. */
  data?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** The hash of an entry: over the previous hash and the canonical content. */
export function entryHash(prevHash: string, entry: Omit<AuditEntry, 'hash' | 'prevHash'>): string {
  return sha256(
    prevHash +
      canonicalJson({
        seq: entry.seq,
        at: entry.at.toISOString(),
        actor: entry.actor,
        action: entry.action,
        target: entry.target,
        data: entry.data,
      }),
  );
}

/** Appends an entry in the caller's transaction. Concurrent writers of one organisation queue on its chain head. */
export async function recordAudit(
  trx: Transaction<Database> | Kysely<Database>,
  scope: OrgScope,
  input: AuditInput,
  now: Date = new Date(),
): Promise<AuditEntry> {
  const organisationId = requireScope(scope);
  await trx
    .insertInto('audit_heads')
    .values({ organisation_id: organisationId, seq: 0, hash: genesisHash })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .execute();
  const head = await trx
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('organisation_id', '=', organisationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // Millisecond precision, as PostgreSQL keeps microseconds but JavaScript dates do not.
  const at = new Date(Math.floor(now.getTime()));
  const entry = {
    seq: head.seq + 1,
    at,
    actor: input.actor,
    action: input.action,
    target: input.target ?? null,
    data: input.data ?? {},
  };
  const hash = entryHash(head.hash, entry);
  await trx
    .insertInto('audit_entries')
    .values({
      organisation_id: organisationId,
      seq: entry.seq,
      at,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      data: JSON.stringify(entry.data),
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await trx
    .updateTable('audit_heads')
    .set({ seq: entry.seq, hash })
    .where('organisation_id', '=', organisationId)
    .execute();
  return { ...entry, prevHash: head.hash, hash };
}
