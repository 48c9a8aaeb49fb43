/**
 * The rules of verifying an audit chain, over plain rows: each check takes what was read and the walk's state so far,
 * and says whether (and how) the chain breaks there. `verify.ts` reads the rows and applies them in order; the kinds
 * of break are described there.
 */
import type { Checkpoint } from './checkpoint.js';
import type { AuditKey } from './key.js';
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

/** An audit entry as stored. */
export interface ChainRow {
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

/** Where a partly pruned prefix's anchor says the entry at `seq` must still carry `hash`. */
export interface AnchorCheck {
  seq: number;
  hash: string;
  anchorSeq: number;
}

/** What the walk along the chain has seen so far. */
export interface WalkState {
  expectedSeq: number;
  /** The hash the next entry must link to. */
  previous: string;
  /** The first keyed entry (null while none). */
  keyedFromSeq: number | null;
  /** The first plain SHA-256 entry (null while none). */
  unkeyedFrom: number | null;
  lastSeq: number;
  count: number;
  compared: CheckpointComparison | null;
}

/** The state before the first entry: the walk starts at `firstSeq` (1 when the chain is empty) from the genesis hash. */
export function startWalk(firstSeq: number | null): WalkState {
  return {
    expectedSeq: firstSeq ?? 1,
    previous: genesisHash,
    keyedFromSeq: null,
    unkeyedFrom: null,
    lastSeq: 0,
    count: 0,
    compared: null,
  };
}

/** What stays the same along the walk. */
export interface WalkContext {
  key: AuditKey;
  firstSeq: number | null;
  /** Every stored hash and its entry, to tell a reordered entry from a relinked one. */
  known: ReadonlyMap<string, number>;
  anchorCheck: AnchorCheck | null;
  checkpoint: Checkpoint | undefined;
}

export function parseData(value: unknown): Record<string, unknown> {
  return (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
}

/** `entry 4` or `entries 4–7`. */
export const range = (from: number, to: number) => (from === to ? `entry ${from}` : `entries ${from}–${to}`);

/** `is` for one entry, `are` for several. */
const isAre = (from: number, to: number) => (to === from ? 'is' : 'are');

/** A break found after the last entry: it names no entry's action or time. */
function gap(kind: BreakKind, seq: number, message: string): ChainBreak {
  return { kind, seq, action: null, at: null, message };
}

/** A pruned prefix (entries before `firstSeq`) that no `audit.pruned` anchor accounts for. */
export function unanchoredPrefixBreak(firstSeq: number): ChainBreak {
  return gap(
    'deleted',
    1,
    `${range(1, firstSeq - 1)} ${isAre(1, firstSeq - 1)} missing and no audit.pruned entry accounts for them: the oldest entries were deleted`,
  );
}

/** The next entry is not the expected one: those between were deleted. */
export function sequenceBreak(expectedSeq: number, row: Pick<ChainRow, 'seq'>): ChainBreak | null {
  if (row.seq === expectedSeq) return null;
  return gap(
    'deleted',
    expectedSeq,
    `${range(expectedSeq, row.seq - 1)} ${isAre(expectedSeq, row.seq - 1)} missing: the next entry found is ${row.seq}`,
  );
}

/** The entry links to another hash than its predecessor's: to an existing entry (reordered) or to none (relinked). */
export function linkBreak(
  row: Pick<ChainRow, 'seq' | 'action' | 'prev_hash'>,
  at: string,
  previous: string,
  known: ReadonlyMap<string, number>,
): ChainBreak | null {
  if (row.prev_hash === previous) return null;
  const named = `entry ${row.seq} (${row.action})`;
  const linkedTo = known.get(row.prev_hash);
  return linkedTo !== undefined && linkedTo !== row.seq - 1
    ? {
        kind: 'reordered',
        seq: row.seq,
        action: row.action,
        at,
        message: `${named} follows entry ${linkedTo} instead of entry ${row.seq - 1}: entries were reordered`,
      }
    : {
        kind: 'relinked',
        seq: row.seq,
        action: row.action,
        at,
        message: `${named} does not link to entry ${row.seq - 1}: an earlier entry was changed and rehashed, or this link was rewritten`,
      };
}

/**
 * The entry's own hash: plain SHA-256 only before the chain is keyed, else an HMAC under this installation's key;
 * the first keyed entry must be the `audit.rekeyed` seal when plain entries precede it. Updates `keyedFromSeq` and
 * `unkeyedFrom` in `state`.
 */
export function hashBreak(row: ChainRow, key: AuditKey, state: WalkState): ChainBreak | null {
  const at = new Date(row.at);
  const where = { seq: row.seq, action: row.action, at: at.toISOString() };
  const named = `entry ${row.seq} (${row.action})`;
  const content = {
    seq: row.seq,
    at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    data: parseData(row.data),
  };
  if (row.key_id === null) {
    if (state.keyedFromSeq !== null) {
      return {
        kind: 'unkeyed',
        ...where,
        message: `${named} is plain SHA-256 though the chain is keyed from entry ${state.keyedFromSeq}: it was written or rewritten without the audit key`,
      };
    }
    if (plainEntryHash(row.prev_hash, content) !== row.hash) {
      return { kind: 'edited', ...where, message: `${named} was edited: its content does not match its hash` };
    }
    state.unkeyedFrom ??= row.seq;
    return null;
  }
  if (row.key_id !== key.id) {
    return {
      kind: 'wrong-key',
      ...where,
      message: `${named} names audit key ${row.key_id}, but this installation's key is ${key.id}: a different CHARTER_AUDIT_KEY (or key file) is configured, or the entry was forged`,
    };
  }
  if (keyedEntryHash(key, row.prev_hash, content) !== row.hash) {
    return {
      kind: 'edited',
      ...where,
      message: `${named} was edited: its content does not match its keyed hash (changed, or rehashed without the audit key)`,
    };
  }
  if (state.keyedFromSeq !== null) return null;
  state.keyedFromSeq = row.seq;
  if (state.unkeyedFrom === null || row.action === 'audit.rekeyed') return null;
  return gap(
    'unkeyed',
    state.unkeyedFrom,
    `${range(state.unkeyedFrom, row.seq - 1)} ${isAre(state.unkeyedFrom, row.seq - 1)} plain SHA-256 and no audit.rekeyed entry seals them: written or rewritten without the audit key`,
  );
}

/** One entry, in chain order: every check of it, then the state moves past it. */
export function stepEntry(row: ChainRow, context: WalkContext, state: WalkState): ChainBreak | null {
  state.count++;
  const at = new Date(row.at).toISOString();
  const named = `entry ${row.seq} (${row.action})`;
  const missing = sequenceBreak(state.expectedSeq, row);
  if (missing) return missing;
  const { anchorCheck, checkpoint } = context;
  // The first remaining entry of a partly pruned prefix links to a deleted entry: nothing to compare with.
  const linkKnown = !(anchorCheck && row.seq === context.firstSeq);
  const relinked = linkKnown ? linkBreak(row, at, state.previous, context.known) : null;
  if (relinked) return relinked;
  const rehashed = hashBreak(row, context.key, state);
  if (rehashed) return rehashed;
  if (anchorCheck && row.seq === anchorCheck.seq && row.hash !== anchorCheck.hash) {
    return {
      kind: 'edited',
      seq: row.seq,
      action: row.action,
      at,
      message: `${named} does not match the hash recorded when the prefix was pruned (audit.pruned, entry ${anchorCheck.anchorSeq})`,
    };
  }
  if (checkpoint && row.seq === checkpoint.seq) {
    state.compared = {
      seq: checkpoint.seq,
      at: checkpoint.at,
      status: row.hash === checkpoint.headHash ? 'matches' : 'broken',
    };
    if (state.compared.status === 'broken') {
      return {
        kind: 'rewritten',
        seq: row.seq,
        action: row.action,
        at,
        message: `${named} differs from the checkpoint of ${checkpoint.at}: the chain was rewritten since`,
      };
    }
  }
  state.previous = row.hash;
  state.lastSeq = row.seq;
  state.expectedSeq++;
  return null;
}

/**
 * After the last entry: plain entries never sealed, and a head that is missing, beyond the last entry, or on another
 * hash than the last entry's.
 */
export function endBreak(state: WalkState, head: { seq: number; hash: string } | undefined): ChainBreak | null {
  const { unkeyedFrom, keyedFromSeq, lastSeq } = state;
  const headSeq = head?.seq ?? 0;
  if (unkeyedFrom !== null && keyedFromSeq === null) {
    return gap(
      'unkeyed',
      unkeyedFrom,
      `${range(unkeyedFrom, lastSeq)} ${isAre(unkeyedFrom, lastSeq)} plain SHA-256 and no audit.rekeyed entry seals them: written or rewritten without the audit key (Charter seals older chains when it starts)`,
    );
  }
  if (!head && lastSeq > 0) {
    return gap('deleted', lastSeq, `the chain head is missing though entries up to ${lastSeq} exist: it was deleted`);
  }
  if (headSeq > lastSeq) {
    const from = lastSeq + 1;
    return gap(
      'deleted',
      from,
      `${range(from, headSeq)} ${isAre(from, headSeq)} missing: the chain head says ${headSeq}, the last entry is ${lastSeq}`,
    );
  }
  if (head && lastSeq > 0 && head.hash !== state.previous) {
    return gap('relinked', lastSeq, `the chain head does not match entry ${lastSeq}`);
  }
  return null;
}

/** A checkpoint beyond the last entry: the chain was cut back and its head moved. */
export function truncatedBreak(lastSeq: number, checkpoint: Checkpoint): ChainBreak {
  const from = lastSeq + 1;
  return gap(
    'truncated',
    from,
    `the chain ends at entry ${lastSeq} but the checkpoint of ${checkpoint.at} saw entry ${checkpoint.seq}: ${range(from, checkpoint.seq)} ${checkpoint.seq === from ? 'was' : 'were'} removed and the head moved back`,
  );
}

/** A checkpoint's entry pruned since, whose anchor recorded another hash than the checkpoint. */
export function rewrittenPrunedBreak(checkpoint: Checkpoint): ChainBreak {
  return gap(
    'rewritten',
    checkpoint.seq,
    `entry ${checkpoint.seq} (pruned since) had another hash when the prefix was pruned than in the checkpoint of ${checkpoint.at}: the chain was rewritten`,
  );
}
