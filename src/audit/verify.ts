/**
 * Verifying the audit trail: recompute every organisation's chain from its first remaining entry and report the first
 * broken link, in words that say what was found:
 *
 * - `edited`: an entry's content no longer matches its HMAC (edited, or rehashed by someone without the audit key);
 * - `wrong-key`: the entry names another audit key than this installation's (a different `CHARTER_AUDIT_KEY`, or forged);
 * - `unkeyed`: a plain SHA-256 entry where the chain is keyed — after the first keyed entry, or unkeyed entries that no
 *   `audit.rekeyed` entry seals (a chain rewritten without the key);
 * - `deleted`: a gap in the sequence, a head beyond the last entry, or a missing prefix that no `audit.pruned` entry
 *   accounts for;
 * - `reordered` / `relinked`: an entry whose predecessor hash is that of another entry, or of none;
 * - against a checkpoint (checkpoint.ts): `truncated` (the chain ends before the checkpoint's head) and `rewritten` (the
 *   checkpoint's entry has another hash now).
 *
 * Pruning (RETENTION_AUDIT) removes a prefix and records, in the chain, the seq and hash of its last entry
 * (`audit.pruned`): the first remaining entry must link to that hash, and the anchor itself is checked like any entry.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import type { Checkpoint } from './checkpoint.js';
import { currentAuditKey, type AuditKey } from './key.js';
import { genesisHash, keyedEntryHash, plainEntryHash } from './trail.js';

export type BreakKind =
  'edited' | 'wrong-key' | 'unkeyed' | 'deleted' | 'reordered' | 'relinked' | 'truncated' | 'rewritten';

export interface ChainBreak {
  kind: BreakKind;
  /** The sequence number of the entry where the chain breaks (for `deleted` and `truncated`: the first missing one). */
  seq: number;
  action: string | null;
  at: string | null;
  message: string;
}

export interface CheckpointComparison {
  seq: number;
  at: string;
  /** `matches`: the entry is there with the checkpoint's hash; `pruned`: pruned since, with no anchor at that entry. */
  status: 'matches' | 'pruned' | 'broken';
}

export interface ChainReport {
  organisationId: string;
  /** Entries present (after pruning, fewer than `headSeq`). */
  entries: number;
  headSeq: number;
  /** The first entry present (above 1 after pruning). */
  firstSeq: number | null;
  /** The first keyed entry (null when none): entries before it are plain SHA-256, from before the upgrade. */
  keyedFromSeq: number | null;
  ok: boolean;
  firstBreak: ChainBreak | null;
  checkpoint: CheckpointComparison | null;
}

export interface VerifyOptions {
  /** A checkpoint (already checked for its signature and organisation) to compare the chain with. */
  checkpoint?: Checkpoint | undefined;
  key?: AuditKey | undefined;
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
  key_id: string | null;
}

function parseData(value: unknown): Record<string, unknown> {
  return (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
}

const range = (from: number, to: number) => (from === to ? `entry ${from}` : `entries ${from}–${to}`);

/** Recomputes one organisation's chain (and compares it with a checkpoint when given). */
export async function verifyChain(
  db: Kysely<Database>,
  scope: OrgScope,
  options: VerifyOptions = {},
): Promise<ChainReport> {
  const organisationId = requireScope(scope);
  const key = options.key ?? currentAuditKey();
  const checkpoint = options.checkpoint;
  return inOrganisation(db, scope, async (trx) => {
    const head = await trx
      .selectFrom('audit_heads')
      .select(['seq', 'hash'])
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    const headSeq = head?.seq ?? 0;
    let firstSeq: number | null = null;
    let keyedFromSeq: number | null = null;
    let count = 0;
    let compared: CheckpointComparison | null = null;
    const report = (firstBreak: ChainBreak | null): ChainReport => ({
      organisationId,
      entries: count,
      headSeq,
      firstSeq,
      keyedFromSeq,
      ok: firstBreak === null,
      firstBreak,
      checkpoint: compared,
    });

    // Every stored hash, to tell a reordered entry (its predecessor exists elsewhere) from a relinked one.
    const known = new Map<string, number>();
    const all = await trx
      .selectFrom('audit_entries')
      .select(['seq', 'hash'])
      .where('organisation_id', '=', organisationId)
      .execute();
    for (const row of all) known.set(row.hash, row.seq);
    firstSeq = all.reduce<number | null>((min, row) => (min === null || row.seq < min ? row.seq : min), null);

    // A pruned prefix must be accounted for by an `audit.pruned` anchor that records the hash the rest links to.
    let previous = genesisHash;
    let anchorCheck: { seq: number; hash: string; anchorSeq: number } | null = null;
    if (firstSeq !== null && firstSeq > 1) {
      const anchors = await trx
        .selectFrom('audit_entries')
        .select(['seq', 'data'])
        .where('organisation_id', '=', organisationId)
        .where('action', '=', 'audit.pruned')
        .execute();
      const candidates = anchors
        .map((a) => ({ anchorSeq: a.seq, data: parseData(a.data) }))
        .map((a) => ({ anchorSeq: a.anchorSeq, through: Number(a.data.throughSeq), hash: String(a.data.throughHash) }))
        .filter((a) => Number.isInteger(a.through) && a.through >= firstSeq - 1 && a.anchorSeq > a.through)
        .sort((a, b) => a.through - b.through);
      const anchor = candidates[0];
      if (!anchor) {
        return report({
          kind: 'deleted',
          seq: 1,
          action: null,
          at: null,
          message: `${range(1, firstSeq - 1)} ${firstSeq - 1 === 1 ? 'is' : 'are'} missing and no audit.pruned entry accounts for them: the oldest entries were deleted`,
        });
      }
      // The whole prefix is gone: entry firstSeq must link to the anchor's hash. Part of it is (a pruning in
      // progress): the entry at the anchor's seq must still carry that hash.
      if (anchor.through === firstSeq - 1) previous = anchor.hash;
      else anchorCheck = { seq: anchor.through, hash: anchor.hash, anchorSeq: anchor.anchorSeq };
    }

    let expectedSeq = firstSeq ?? 1;
    let unkeyedFrom: number | null = null;
    let lastSeq = 0;
    let after = 0;
    for (;;) {
      const rows = (await trx
        .selectFrom('audit_entries')
        .select(['seq', 'at', 'actor', 'action', 'target', 'data', 'prev_hash', 'hash', 'key_id'])
        .where('organisation_id', '=', organisationId)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(batchSize)
        .execute()) as Row[];
      if (rows.length === 0) break;
      for (const row of rows) {
        count++;
        const at = new Date(row.at);
        const where = { action: row.action, at: at.toISOString() };
        const named = `entry ${row.seq} (${row.action})`;
        if (row.seq !== expectedSeq) {
          return report({
            kind: 'deleted',
            seq: expectedSeq,
            action: null,
            at: null,
            message: `${range(expectedSeq, row.seq - 1)} ${row.seq - 1 === expectedSeq ? 'is' : 'are'} missing: the next entry found is ${row.seq}`,
          });
        }
        // The first remaining entry of a partly pruned prefix links to a deleted entry: nothing to compare with.
        const linkKnown = !(anchorCheck && row.seq === firstSeq);
        if (linkKnown && row.prev_hash !== previous) {
          const linkedTo = known.get(row.prev_hash);
          return report(
            linkedTo !== undefined && linkedTo !== row.seq - 1
              ? {
                  kind: 'reordered',
                  seq: row.seq,
                  ...where,
                  message: `${named} follows entry ${linkedTo} instead of entry ${row.seq - 1}: entries were reordered`,
                }
              : {
                  kind: 'relinked',
                  seq: row.seq,
                  ...where,
                  message: `${named} does not link to entry ${row.seq - 1}: an earlier entry was changed and rehashed, or this link was rewritten`,
                },
          );
        }
        const content = {
          seq: row.seq,
          at,
          actor: row.actor,
          action: row.action,
          target: row.target,
          data: parseData(row.data),
        };
        if (row.key_id === null) {
          if (keyedFromSeq !== null) {
            return report({
              kind: 'unkeyed',
              seq: row.seq,
              ...where,
              message: `${named} is plain SHA-256 though the chain is keyed from entry ${keyedFromSeq}: it was written or rewritten without the audit key`,
            });
          }
          if (plainEntryHash(row.prev_hash, content) !== row.hash) {
            return report({
              kind: 'edited',
              seq: row.seq,
              ...where,
              message: `${named} was edited: its content does not match its hash`,
            });
          }
          unkeyedFrom ??= row.seq;
        } else {
          if (row.key_id !== key.id) {
            return report({
              kind: 'wrong-key',
              seq: row.seq,
              ...where,
              message: `${named} names audit key ${row.key_id}, but this installation's key is ${key.id}: a different CHARTER_AUDIT_KEY (or key file) is configured, or the entry was forged`,
            });
          }
          if (keyedEntryHash(key, row.prev_hash, content) !== row.hash) {
            return report({
              kind: 'edited',
              seq: row.seq,
              ...where,
              message: `${named} was edited: its content does not match its keyed hash (changed, or rehashed without the audit key)`,
            });
          }
          if (keyedFromSeq === null) {
            keyedFromSeq = row.seq;
            if (unkeyedFrom !== null && row.action !== 'audit.rekeyed') {
              return report({
                kind: 'unkeyed',
                seq: unkeyedFrom,
                action: null,
                at: null,
                message: `${range(unkeyedFrom, row.seq - 1)} ${row.seq - 1 === unkeyedFrom ? 'is' : 'are'} plain SHA-256 and no audit.rekeyed entry seals them: written or rewritten without the audit key`,
              });
            }
          }
        }
        if (anchorCheck && row.seq === anchorCheck.seq && row.hash !== anchorCheck.hash) {
          return report({
            kind: 'edited',
            seq: row.seq,
            ...where,
            message: `${named} does not match the hash recorded when the prefix was pruned (audit.pruned, entry ${anchorCheck.anchorSeq})`,
          });
        }
        if (checkpoint && row.seq === checkpoint.seq) {
          compared = {
            seq: checkpoint.seq,
            at: checkpoint.at,
            status: row.hash === checkpoint.headHash ? 'matches' : 'broken',
          };
          if (compared.status === 'broken') {
            return report({
              kind: 'rewritten',
              seq: row.seq,
              ...where,
              message: `${named} differs from the checkpoint of ${checkpoint.at}: the chain was rewritten since`,
            });
          }
        }
        previous = row.hash;
        lastSeq = row.seq;
        expectedSeq++;
        after = row.seq;
      }
    }
    if (unkeyedFrom !== null && keyedFromSeq === null) {
      return report({
        kind: 'unkeyed',
        seq: unkeyedFrom,
        action: null,
        at: null,
        message: `${range(unkeyedFrom, lastSeq)} ${lastSeq === unkeyedFrom ? 'is' : 'are'} plain SHA-256 and no audit.rekeyed entry seals them: written or rewritten without the audit key (Charter seals older chains when it starts)`,
      });
    }
    if (!head && lastSeq > 0) {
      return report({
        kind: 'deleted',
        seq: lastSeq,
        action: null,
        at: null,
        message: `the chain head is missing though entries up to ${lastSeq} exist: it was deleted`,
      });
    }
    if (headSeq > lastSeq) {
      const from = lastSeq + 1;
      return report({
        kind: 'deleted',
        seq: from,
        action: null,
        at: null,
        message: `${range(from, headSeq)} ${headSeq === from ? 'is' : 'are'} missing: the chain head says ${headSeq}, the last entry is ${lastSeq}`,
      });
    }
    if (head && lastSeq > 0 && head.hash !== previous) {
      return report({
        kind: 'relinked',
        seq: lastSeq,
        action: null,
        at: null,
        message: `the chain head does not match entry ${lastSeq}`,
      });
    }
    if (checkpoint && compared === null) {
      if (checkpoint.seq > lastSeq) {
        const from = lastSeq + 1;
        compared = { seq: checkpoint.seq, at: checkpoint.at, status: 'broken' };
        return report({
          kind: 'truncated',
          seq: from,
          action: null,
          at: null,
          message: `the chain ends at entry ${lastSeq} but the checkpoint of ${checkpoint.at} saw entry ${checkpoint.seq}: ${range(from, checkpoint.seq)} ${checkpoint.seq === from ? 'was' : 'were'} removed and the head moved back`,
        });
      }
      compared = await comparePruned(trx, organisationId, checkpoint);
      if (compared.status === 'broken') {
        return report({
          kind: 'rewritten',
          seq: checkpoint.seq,
          action: null,
          at: null,
          message: `entry ${checkpoint.seq} (pruned since) had another hash when the prefix was pruned than in the checkpoint of ${checkpoint.at}: the chain was rewritten`,
        });
      }
    }
    return report(null);
  });
}

/** A checkpoint older than the remaining chain is comparable only with an anchor at exactly its entry. */
async function comparePruned(
  trx: Kysely<Database>,
  organisationId: string,
  checkpoint: Checkpoint,
): Promise<CheckpointComparison> {
  const anchors = await trx
    .selectFrom('audit_entries')
    .select('data')
    .where('organisation_id', '=', organisationId)
    .where('action', '=', 'audit.pruned')
    .execute();
  for (const anchor of anchors) {
    const data = parseData(anchor.data);
    if (Number(data.throughSeq) === checkpoint.seq) {
      return {
        seq: checkpoint.seq,
        at: checkpoint.at,
        status: data.throughHash === checkpoint.headHash ? 'matches' : 'broken',
      };
    }
  }
  return { seq: checkpoint.seq, at: checkpoint.at, status: 'pruned' };
}
