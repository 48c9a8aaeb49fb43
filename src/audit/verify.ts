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
 *
 * This module reads; the checks themselves are pure functions in `chain-rules.ts`.
 */
import type { Kysely, Transaction } from 'kysely';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { viewOf } from '../platform/db/view.js';
import {
  endBreak,
  parseData,
  rewrittenPrunedBreak,
  startWalk,
  stepEntry,
  truncatedBreak,
  unanchoredPrefixBreak,
  type AnchorCheck,
  type ChainBreak,
  type ChainRow,
  type CheckpointComparison,
  type WalkContext,
  type WalkState,
} from './chain-rules.js';
import type { Checkpoint } from './checkpoint.js';
import { currentAuditKey, type AuditKey } from './key.js';
import type { AuditTables } from './tables.js';

export type { BreakKind, ChainBreak, CheckpointComparison } from './chain-rules.js';

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
const auditView = viewOf<AuditTables>();
type AuditTrx = Transaction<AuditTables>;

/** Recomputes one organisation's chain (and compares it with a checkpoint when given). */
export async function verifyChain<DB extends AuditTables>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  options: VerifyOptions = {},
): Promise<ChainReport> {
  const organisationId = requireScope(scope);
  const key = options.key ?? currentAuditKey();
  const checkpoint = options.checkpoint;
  return inOrganisation(auditView(anyDb), scope, async (trx) => {
    const head = await trx
      .selectFrom('audit_heads')
      .select(['seq', 'hash'])
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    const { known, firstSeq } = await knownHashes(trx, organisationId);
    const state = startWalk(firstSeq);
    const report = (firstBreak: ChainBreak | null): ChainReport => ({
      organisationId,
      entries: state.count,
      headSeq: head?.seq ?? 0,
      firstSeq,
      keyedFromSeq: state.keyedFromSeq,
      ok: firstBreak === null,
      firstBreak,
      checkpoint: state.compared,
    });

    let anchorCheck: AnchorCheck | null = null;
    if (firstSeq !== null && firstSeq > 1) {
      const anchor = await prunedAnchor(trx, organisationId, firstSeq);
      if (!anchor) return report(unanchoredPrefixBreak(firstSeq));
      // The whole prefix is gone: entry firstSeq must link to the anchor's hash. Part of it is (a pruning in
      // progress): the entry at the anchor's seq must still carry that hash.
      if (anchor.seq === firstSeq - 1) state.previous = anchor.hash;
      else anchorCheck = anchor;
    }
    const context: WalkContext = { key, firstSeq, known, anchorCheck, checkpoint };
    const broken = (await walkEntries(trx, organisationId, context, state)) ?? endBreak(state, head);
    if (broken) return report(broken);
    if (checkpoint && state.compared === null) {
      if (checkpoint.seq > state.lastSeq) {
        state.compared = { seq: checkpoint.seq, at: checkpoint.at, status: 'broken' };
        return report(truncatedBreak(state.lastSeq, checkpoint));
      }
      state.compared = await comparePruned(trx, organisationId, checkpoint);
      if (state.compared.status === 'broken') return report(rewrittenPrunedBreak(checkpoint));
    }
    return report(null);
  });
}

/**
 * Every stored hash and its entry. The first entry present is the smallest of them; the map tells a reordered entry
 * (its predecessor exists elsewhere) from a relinked one.
 */
async function knownHashes(
  trx: AuditTrx,
  organisationId: string,
): Promise<{ known: Map<string, number>; firstSeq: number | null }> {
  const all = await trx
    .selectFrom('audit_entries')
    .select(['seq', 'hash'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const known = new Map<string, number>();
  for (const row of all) known.set(row.hash, row.seq);
  const firstSeq = all.reduce<number | null>((min, row) => (min === null || row.seq < min ? row.seq : min), null);
  return { known, firstSeq };
}

/**
 * A pruned prefix must be accounted for by an `audit.pruned` anchor that records the hash the rest links to: the
 * earliest anchor covering the entry before `firstSeq` (or a later one, for a pruning in progress).
 */
async function prunedAnchor(trx: AuditTrx, organisationId: string, firstSeq: number): Promise<AnchorCheck | undefined> {
  const anchors = await trx
    .selectFrom('audit_entries')
    .select(['seq', 'data'])
    .where('organisation_id', '=', organisationId)
    .where('action', '=', 'audit.pruned')
    .execute();
  const candidates = anchors
    .map((a) => ({ anchorSeq: a.seq, data: parseData(a.data) }))
    .map((a) => ({ anchorSeq: a.anchorSeq, seq: Number(a.data.throughSeq), hash: String(a.data.throughHash) }))
    .filter((a) => Number.isInteger(a.seq) && a.seq >= firstSeq - 1 && a.anchorSeq > a.seq)
    .sort((a, b) => a.seq - b.seq);
  return candidates[0];
}

/** Reads the chain in batches, in order, and steps through each entry until the first break (null: none). */
async function walkEntries(
  trx: AuditTrx,
  organisationId: string,
  context: WalkContext,
  state: WalkState,
): Promise<ChainBreak | null> {
  let after = 0;
  for (;;) {
    const rows = (await trx
      .selectFrom('audit_entries')
      .select(['seq', 'at', 'actor', 'action', 'target', 'data', 'prev_hash', 'hash', 'key_id'])
      .where('organisation_id', '=', organisationId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batchSize)
      .execute()) as ChainRow[];
    if (rows.length === 0) return null;
    for (const row of rows) {
      const broken = stepEntry(row, context, state);
      if (broken) return broken;
      after = row.seq;
    }
  }
}

/** A checkpoint older than the remaining chain is comparable only with an anchor at exactly its entry. */
async function comparePruned(
  trx: AuditTrx,
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
