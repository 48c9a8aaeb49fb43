/**
 * The audit trail: append-only and hash-chained per organisation. Each entry's hash is an HMAC under the audit key
 * (key.ts, kept outside the database) over its canonical content and the previous entry's hash, so editing, deleting
 * or reordering any entry breaks every link after it, and a database writer without the key cannot rehash the rest.
 * The database refuses UPDATE and DELETE itself (migrations.ts). Entries are written inside the caller's transaction:
 * the audit record commits with the change or not at all.
 */
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson, sha256 } from '../charter/revision.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { auditView, type AuditTables } from './tables.js';
import { currentAuditKey, type AuditKey } from './key.js';

/** The audit trail's handle: its own tables only. */
type AuditDb = Kysely<AuditTables>;

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
  /** The audit key of the HMAC (null: plain SHA-256, written before the trail was keyed). */
  keyId: string | null;
}

/** What an entry's hash covers: the previous hash and the canonical content. */
function hashedText(prevHash: string, entry: Omit<AuditEntry, 'hash' | 'prevHash' | 'keyId'>): string {
  return (
    prevHash +
    canonicalJson({
      seq: entry.seq,
      at: entry.at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      data: entry.data,
    })
  );
}

/** The hash of an entry written before the trail was keyed: plain SHA-256, which anyone can recompute. */
export function plainEntryHash(prevHash: string, entry: Omit<AuditEntry, 'hash' | 'prevHash' | 'keyId'>): string {
  return sha256(hashedText(prevHash, entry));
}

/** The hash of an entry: HMAC-SHA256 under the audit key, over the previous hash and the canonical content. */
export function keyedEntryHash(
  key: AuditKey,
  prevHash: string,
  entry: Omit<AuditEntry, 'hash' | 'prevHash' | 'keyId'>,
): string {
  return key.mac(hashedText(prevHash, entry));
}

interface Head {
  seq: number;
  hash: string;
}

/** The entries that follow `head`, each hashed over the one before it. */
function chained(head: Head, inputs: readonly AuditInput[], at: Date, key: AuditKey): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let previous = head;
  for (const input of inputs) {
    const entry = {
      seq: previous.seq + 1,
      at,
      actor: input.actor,
      action: input.action,
      target: input.target ?? null,
      data: input.data ?? {},
    };
    const hash = keyedEntryHash(key, previous.hash, entry);
    entries.push({ ...entry, prevHash: previous.hash, hash, keyId: key.id });
    previous = { seq: entry.seq, hash };
  }
  return entries;
}

/** Writes the entries after `head` and moves the head to the last of them. */
async function append(
  trx: AuditDb,
  organisationId: string,
  head: Head,
  inputs: readonly AuditInput[],
  at: Date,
  key: AuditKey,
): Promise<AuditEntry[]> {
  const entries = chained(head, inputs, at, key);
  const last = entries.at(-1);
  if (!last) return [];
  // The entries and the moved head in one statement: the organisation's chain lock is held one round trip less.
  await trx
    .with('entry', (db) =>
      db
        .insertInto('audit_entries')
        .values(
          entries.map((entry) => ({
            organisation_id: organisationId,
            seq: entry.seq,
            at,
            actor: entry.actor,
            action: entry.action,
            target: entry.target,
            data: JSON.stringify(entry.data),
            prev_hash: entry.prevHash,
            hash: entry.hash,
            key_id: key.id,
          })),
        )
        .returning('seq'),
    )
    .updateTable('audit_heads')
    .set({ seq: last.seq, hash: last.hash, seal_pending: false })
    .where('organisation_id', '=', organisationId)
    .execute();
  return entries;
}

async function lockHead(trx: AuditDb, organisationId: string) {
  // The head row exists after an organisation's first entry: lock it in one statement, and create it only when missing
  // (every audited change of the organisation queues on this lock, so it is taken in as few round trips as possible).
  const lock = () =>
    trx
      .selectFrom('audit_heads')
      .select(['seq', 'hash', 'seal_pending'])
      .where('organisation_id', '=', organisationId)
      .forUpdate()
      .executeTakeFirst();
  const head = await lock();
  if (head) return head;
  await trx
    .insertInto('audit_heads')
    .values({ organisation_id: organisationId, seq: 0, hash: genesisHash })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .execute();
  const created = await lock();
  if (!created) throw new Error('audit head vanished after insert');
  return created;
}

/**
 * Seals a chain from before the trail was keyed: a keyed `audit.rekeyed` entry right after its last unkeyed entry. Its
 * HMAC covers that entry's hash, so the unkeyed part can no longer change unseen; the verifier accepts unkeyed
 * entries only before such a seal.
 */
async function seal(trx: AuditDb, organisationId: string, head: Head, at: Date, key: AuditKey): Promise<Head> {
  const [sealed] = await append(
    trx,
    organisationId,
    head,
    [
      {
        actor: 'system',
        action: 'audit.rekeyed',
        data: { algorithm: 'hmac-sha256', keyId: key.id, unkeyedThroughSeq: head.seq },
      },
    ],
    at,
    key,
  );
  return sealed!;
}

/** Appends an entry in the caller's transaction. Concurrent writers of one organisation queue on its chain head. */
export async function recordAudit<DB extends AuditTables>(
  anyTrx: Transaction<DB> | Kysely<DB>,
  scope: OrgScope,
  input: AuditInput,
  now: Date = new Date(),
  key: AuditKey = currentAuditKey(),
): Promise<AuditEntry> {
  const [entry] = await recordAuditEntries(anyTrx, scope, [input], now, key);
  return entry!;
}

/**
 * Appends several entries, in order, in the caller's transaction: the chain head is locked once and the entries and
 * the moved head are one statement. Call it last in a transaction: the organisation's audited changes queue on that
 * lock until the transaction commits.
 */
export async function recordAuditEntries<DB extends AuditTables>(
  anyTrx: Transaction<DB> | Kysely<DB>,
  scope: OrgScope,
  inputs: readonly AuditInput[],
  now: Date = new Date(),
  key: AuditKey = currentAuditKey(),
): Promise<AuditEntry[]> {
  if (inputs.length === 0) return [];
  const trx = auditView(anyTrx);
  const organisationId = requireScope(scope);
  const locked = await lockHead(trx, organisationId);
  // Millisecond precision, as PostgreSQL keeps microseconds but JavaScript dates do not.
  const at = new Date(Math.floor(now.getTime()));
  const head: Head = locked.seal_pending ? await seal(trx, organisationId, locked, at, key) : locked;
  return append(trx, organisationId, head, inputs, at, key);
}

/** Seals every chain still waiting since the upgrade to a keyed trail (run at start, once the key is known). */
export async function sealUnkeyedChains<DB extends AuditTables>(
  anyDb: Kysely<DB>,
  now: Date = new Date(),
  key: AuditKey = currentAuditKey(),
): Promise<number> {
  const db = auditView(anyDb);
  // Which organisations have a chain to seal: installation-level work across organisations; each seal is scoped.
  const pending = await acrossOrganisations('audit chains to seal at start', () =>
    db.selectFrom('audit_heads').select('organisation_id').where('seal_pending', '=', true).execute(),
  );
  let sealed = 0;
  for (const { organisation_id: organisationId } of pending) {
    await inOrganisation(db, { organisationId }, async (trx) => {
      const head = await lockHead(trx, organisationId);
      if (!head.seal_pending) return; // another process sealed it first
      await seal(trx, organisationId, head, new Date(Math.floor(now.getTime())), key);
      sealed++;
    });
  }
  return sealed;
}
