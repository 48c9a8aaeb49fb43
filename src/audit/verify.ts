/**
 * Verifying the audit trail offline: recompute every organisation's hash chain from its first entry and report the
 * first broken link — an entry edited (its content no longer matches its hash), deleted (a gap in the sequence or a
 * head beyond the last entry) or reordered (an entry whose predecessor hash is that of another entry).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { entryHash, genesisHash } from './trail.js';

export type BreakKind = 'edited' | 'deleted' | 'reordered' | 'relinked';

export interface ChainBreak {
  kind: BreakKind;
  /** The sequence number of the entry where the chain breaks (for `deleted`: the missing one). */
  seq: number;
  action: string | null;
  at: string | null;
  message: string;
}

export interface ChainReport {
  organisationId: string;
  entries: number;
  headSeq: number;
  ok: boolean;
  firstBreak: ChainBreak | null;
}

const batchSize = 1000;

interface Row {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  data: unknown;
  prev_hash: string;
  hash: string;
}

function parseData(value: unknown): Record<string, unknown> {
  return (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
}

/** Recomputes one organisation's chain. */
export async function verifyChain(db: Kysely<Database>, scope: OrgScope): Promise<ChainReport> {
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const head = await trx.selectFrom('audit_heads').select(['seq', 'hash']).where('organisation_id', '=', organisationId).executeTakeFirst();
    const report = (entries: number, firstBreak: ChainBreak | null): ChainReport => ({
      organisationId,
      entries,
      headSeq: head?.seq ?? 0,
      ok: firstBreak === null,
      firstBreak,
    });
    // Every stored hash, to tell a reordered entry (its predecessor exists elsewhere) from a relinked one.
    const known = new Map<string, number>();
    let expectedSeq = 1;
    let previous = genesisHash;
    let count = 0;
    let after = 0;
    for (;;) {
      const rows = (await trx
        .selectFrom('audit_entries')
        .select(['seq', 'at', 'actor', 'action', 'target', 'data', 'prev_hash', 'hash'])
        .where('organisation_id', '=', organisationId)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(batchSize)
        .execute()) as Row[];
      if (rows.length === 0) break;
      if (known.size === 0) {
        const all = await trx.selectFrom('audit_entries').select(['seq', 'hash']).where('organisation_id', '=', organisationId).execute();
        for (const row of all) known.set(row.hash, row.seq);
      }
      for (const row of rows) {
        count++;
        const at = new Date(row.at);
        const where = { action: row.action, at: at.toISOString() };
        if (row.seq !== expectedSeq) {
          return report(count, { kind: 'deleted', seq: expectedSeq, action: null, at: null, message: `entry ${expectedSeq} is missing: the next entry found is ${row.seq}` });
        }
        if (row.prev_hash !== previous) {
          const linkedTo = known.get(row.prev_hash);
          return report(count, linkedTo !== undefined && linkedTo !== row.seq - 1
            ? { kind: 'reordered', seq: row.seq, ...where, message: `entry ${row.seq} (${row.action}) follows entry ${linkedTo} instead of entry ${row.seq - 1}: entries were reordered` }
            : { kind: 'relinked', seq: row.seq, ...where, message: `entry ${row.seq} (${row.action}) does not link to entry ${row.seq - 1}: an earlier entry was changed and rehashed, or this link was rewritten` });
        }
        const recomputed = entryHash(row.prev_hash, { seq: row.seq, at, actor: row.actor, action: row.action, target: row.target, data: parseData(row.data) });
        if (recomputed !== row.hash) {
          return report(count, { kind: 'edited', seq: row.seq, ...where, message: `entry ${row.seq} (${row.action}) was edited: its content does not match its hash` });
        }
        previous = row.hash;
        expectedSeq++;
        after = row.seq;
      }
    }
    const headSeq = head?.seq ?? 0;
    if (headSeq > count) {
      return report(count, { kind: 'deleted', seq: count + 1, action: null, at: null, message: `entry ${count + 1} is missing: the chain head says ${headSeq} entries, ${count} remain` });
    }
    if (head && count > 0 && head.hash !== previous) {
      return report(count, { kind: 'relinked', seq: count, action: null, at: null, message: `the chain head does not match entry ${count}` });
    }
    return report(count, null);
  });
}
