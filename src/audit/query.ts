/**
 * Reading the audit trail: filtered pages for the console (newest first, by sequence cursor), the list of actions
 * for the filter, and a streaming export (JSON Lines) of a whole chain with its hashes, verifiable offline.
 */
import type { Kysely } from 'kysely';
import { viewOf } from '../platform/db/view.js';
import type { AuditTables } from './tables.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import type { AuditEntry } from './trail.js';
import type { ChainRow } from './chain-rules.js';

/** The audit domain's handle: its own tables only. */
const auditView = viewOf<AuditTables>();

export interface AuditFilter {
  /** An action (`user.login`) or a family (`user` matches `user.*`). */
  action?: string | undefined;
  actor?: string | undefined;
  target?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Entries with a sequence number below this (the next page). */
  before?: number | undefined;
  limit?: number | undefined;
}

function toEntry(row: ChainRow): AuditEntry {
  return {
    seq: row.seq,
    at: new Date(row.at),
    actor: row.actor,
    action: row.action,
    target: row.target,
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
    keyId: row.key_id,
  };
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listAuditEntries<DB extends AuditTables>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  filter: AuditFilter,
): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  const db = auditView(anyDb);
  const organisationId = requireScope(scope);
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  return inOrganisation(db, scope, async (trx) => {
    let query = trx
      .selectFrom('audit_entries')
      .select(['seq', 'at', 'actor', 'action', 'target', 'data', 'prev_hash', 'hash', 'key_id'])
      .where('organisation_id', '=', organisationId);
    if (filter.action) {
      const action = filter.action;
      query = query.where((eb) => eb.or([eb('action', '=', action), eb('action', 'like', `${escapeLike(action)}.%`)]));
    }
    if (filter.actor) query = query.where('actor', '=', filter.actor);
    if (filter.target) query = query.where('target', '=', filter.target);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<', filter.to);
    if (filter.before) query = query.where('seq', '<', filter.before);
    const rows = await query
      .orderBy('seq', 'desc')
      .limit(limit + 1)
      .execute();
    const entries = rows.slice(0, limit).map(toEntry);
    return { entries, nextBefore: rows.length > limit ? (entries[entries.length - 1]?.seq ?? null) : null };
  });
}

/** The distinct actions in an organisation's trail, for the console's filter. */
export async function auditActions<DB extends AuditTables>(anyDb: Kysely<DB>, scope: OrgScope): Promise<string[]> {
  const db = auditView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const rows = await trx
      .selectFrom('audit_entries')
      .select('action')
      .distinct()
      .where('organisation_id', '=', organisationId)
      .orderBy('action')
      .execute();
    return rows.map((r) => r.action);
  });
}

/** One JSON line per entry, oldest first, in batches (constant memory for any trail length). */
export async function* exportAuditLines<DB extends AuditTables>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  organisationSlug: string,
): AsyncGenerator<string> {
  const db = auditView(anyDb);
  const organisationId = requireScope(scope);
  let after = 0;
  for (;;) {
    const rows = await inOrganisation(db, scope, (trx) =>
      trx
        .selectFrom('audit_entries')
        .select(['seq', 'at', 'actor', 'action', 'target', 'data', 'prev_hash', 'hash', 'key_id'])
        .where('organisation_id', '=', organisationId)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(1000)
        .execute(),
    );
    if (rows.length === 0) return;
    for (const row of rows) {
      const entry = toEntry(row);
      yield `${JSON.stringify({ organisation: organisationSlug, seq: entry.seq, at: entry.at.toISOString(), actor: entry.actor, action: entry.action, target: entry.target, data: entry.data, prevHash: entry.prevHash, hash: entry.hash, keyId: entry.keyId })}\n`;
      after = entry.seq;
    }
  }
}
