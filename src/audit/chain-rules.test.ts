import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { endBreak, hashBreak, linkBreak, sequenceBreak, startWalk, stepEntry, type ChainRow } from './chain-rules.js';
import { auditKeyFrom } from './key.js';
import { genesisHash, keyedEntryHash, plainEntryHash } from './trail.js';

const key = auditKeyFrom(randomBytes(32));
const otherKey = auditKeyFrom(randomBytes(32));

const freshState = () => startWalk(1);

/** A chain of entries, each linked to the one before; `keyed` picks which are HMACs under `key`. */
function chain(actions: string[], keyed: (seq: number) => boolean = () => true): ChainRow[] {
  const rows: ChainRow[] = [];
  let previous = genesisHash;
  actions.forEach((action, i) => {
    const seq = i + 1;
    const content = { seq, at: new Date(Date.UTC(2026, 0, seq)), actor: 'system', action, target: null, data: {} };
    const hash = keyed(seq) ? keyedEntryHash(key, previous, content) : plainEntryHash(previous, content);
    rows.push({ ...content, prev_hash: previous, hash, key_id: keyed(seq) ? key.id : null });
    previous = hash;
  });
  return rows;
}

function walk(rows: ChainRow[]) {
  const state = freshState();
  const context = {
    key,
    firstSeq: 1,
    known: new Map(rows.map((r) => [r.hash, r.seq])),
    anchorCheck: null,
    checkpoint: undefined,
  };
  for (const row of rows) {
    const broken = stepEntry(row, context, state);
    if (broken) return { broken, state };
  }
  return { broken: null, state };
}

describe('the rules of an audit chain', () => {
  it('passes an intact keyed chain and leaves the state on its last entry', () => {
    const rows = chain(['a', 'b', 'c']);
    const { broken, state } = walk(rows);
    expect(broken).toBeNull();
    expect(state).toMatchObject({ lastSeq: 3, count: 3, keyedFromSeq: 1, previous: rows[2]?.hash });
    expect(endBreak(state, { seq: 3, hash: rows[2]?.hash ?? '' })).toBeNull();
  });

  it('names the missing entries of a gap in the sequence', () => {
    expect(sequenceBreak(2, { seq: 5 })).toMatchObject({
      kind: 'deleted',
      seq: 2,
      message: expect.stringContaining('entries 2–4 are missing'),
    });
    expect(sequenceBreak(2, { seq: 3 })?.message).toContain('entry 2 is missing');
    expect(sequenceBreak(2, { seq: 2 })).toBeNull();
  });

  it('tells a reordered entry (it follows another existing entry) from a relinked one (it follows none)', () => {
    const known = new Map([
      ['h1', 1],
      ['h2', 2],
    ]);
    const row = { seq: 3, action: 'x', prev_hash: 'h1' };
    expect(linkBreak(row, 'when', 'h2', known)).toMatchObject({ kind: 'reordered', seq: 3 });
    expect(linkBreak({ ...row, prev_hash: 'forged' }, 'when', 'h2', known)).toMatchObject({ kind: 'relinked' });
    expect(linkBreak({ ...row, prev_hash: 'h2' }, 'when', 'h2', known)).toBeNull();
  });

  it('finds an edited entry, and one under another audit key', () => {
    const [first] = chain(['a']);
    if (!first) throw new Error('no entry');
    expect(hashBreak({ ...first, actor: 'user:someone' }, key, freshState())?.kind).toBe('edited');
    expect(hashBreak(first, otherKey, freshState())?.kind).toBe('wrong-key');
  });

  it('refuses a plain entry after the chain is keyed, and plain entries no audit.rekeyed seal precedes', () => {
    const plainAfterKeyed = chain(['a', 'b'], (seq) => seq === 1);
    expect(walk(plainAfterKeyed).broken).toMatchObject({ kind: 'unkeyed', seq: 2 });
    const unsealed = chain(['a', 'b', 'c'], (seq) => seq === 3);
    expect(walk(unsealed).broken).toMatchObject({
      kind: 'unkeyed',
      seq: 1,
      message: expect.stringContaining('entries 1–2'),
    });
    const sealed = chain(['a', 'b', 'audit.rekeyed'], (seq) => seq === 3);
    expect(walk(sealed).broken).toBeNull();
  });

  it('finds a head that is missing, beyond the last entry or on another hash', () => {
    const rows = chain(['a', 'b']);
    const { state } = walk(rows);
    expect(endBreak(state, undefined)).toMatchObject({ kind: 'deleted', seq: 2 });
    expect(endBreak(state, { seq: 4, hash: 'x' })).toMatchObject({
      kind: 'deleted',
      seq: 3,
      message: expect.stringContaining('entries 3–4'),
    });
    expect(endBreak(state, { seq: 2, hash: 'x' })).toMatchObject({ kind: 'relinked', seq: 2 });
  });

  it('refuses a chain left entirely plain (Charter seals older chains when it starts)', () => {
    const { broken, state } = walk(chain(['a', 'b'], () => false));
    expect(broken).toBeNull();
    expect(endBreak(state, { seq: 2, hash: state.previous })).toMatchObject({ kind: 'unkeyed', seq: 1 });
  });
});
