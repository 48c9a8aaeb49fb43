/**
 * The audit trail against a database writer: what the database itself refuses (charter_app may neither update nor
 * delete; no one may update without turning triggers off), and what the verifier finds after a superuser did turn
 * them off — edits, deletions, reorderings, chains rehashed without the key, heads moved back (with a checkpoint).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTestDatabase, testDbKind } from '../../test/support/database.js';
import { runCli } from '../../test/support/cli.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import { migrations, type Database } from '../database.js';
import { migrate, openDatabase, type OpenDatabase } from '../platform/db/database.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { auditKeyFrom, currentAuditKey, type AuditKey } from './key.js';
import { keyedEntryHash, plainEntryHash, recordAudit, sealUnkeyedChains } from './trail.js';
import { verifyChain } from './verify.js';

// A database the CLI can open too: a PGlite directory or a PostgreSQL database, named by the environment.
let database: OpenDatabase<Database> | undefined;
let env: Record<string, string>;
let remove: () => Promise<void>;
let files: string;
const ids: Record<string, string> = {};

const openShared = () =>
  openDatabase<Database>(env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 3 } : { dataDir: env.CHARTER_DATA_DIR });

const cli = (args: string[]) => runCli(args, { env });

/** Work on the shared database from the test; on PGlite closed again after, as the CLI opens the same directory. */
async function withDb<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  database ??= await openShared();
  try {
    return await work(database.db);
  } finally {
    if (testDbKind() === 'pglite') {
      await database.close();
      database = undefined;
    }
  }
}

/** What a superuser can do that the product cannot stop: turn the triggers off for a transaction and write. */
async function asDatabaseWriter(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<unknown>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await work(trx);
  });
}

/** Rehash keeping each entry's key id. */
const keep = 'keep';

const plain = (_key: AuditKey | null) => (prev: string, e: Parameters<typeof plainEntryHash>[1]) =>
  plainEntryHash(prev, e);

/** Rehashes an organisation's chain from `fromSeq` on with `hash` (and the `keyId` given), then moves the head. */
async function rehash(
  db: Kysely<Database>,
  slug: string,
  fromSeq: number,
  hash: (prev: string, e: Parameters<typeof plainEntryHash>[1]) => string,
  keyId: string | null,
) {
  const organisationId = ids[slug]!;
  await asDatabaseWriter(db, async (trx) => {
    const rows = await trx
      .selectFrom('audit_entries')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('seq')
      .execute();
    let previous = rows.find((r) => r.seq === fromSeq - 1)?.hash ?? '0'.repeat(64);
    for (const row of rows.filter((r) => r.seq >= fromSeq)) {
      const next = hash(previous, {
        seq: row.seq,
        at: new Date(row.at),
        actor: row.actor,
        action: row.action,
        target: row.target,
        data: row.data,
      });
      const key = keyId === keep ? row.key_id : keyId;
      await sql`update audit_entries set prev_hash = ${previous}, hash = ${next}, key_id = ${key} where organisation_id = ${organisationId} and seq = ${row.seq}`.execute(
        trx,
      );
      previous = next;
    }
    await sql`update audit_heads set hash = ${previous} where organisation_id = ${organisationId}`.execute(trx);
  });
}

const start = Date.parse('2025-03-01T10:00:00Z');
const slugs = [
  'intact',
  'edited',
  'deleted',
  'reordered',
  'truncated',
  'relinked',
  'plain',
  'unkeyed',
  'foreign',
  'legacy',
  'downgraded',
  'moved',
  'resigned',
  'forged',
];

beforeAll(async () => {
  ({ env, remove } = await cliTestDatabase('charter-audit'));
  files = await mkdtemp(join(tmpdir(), 'charter-checkpoints-'));
  await withDb(async (db) => {
    await migrate(db, migrations);
    for (const slug of slugs) {
      const organisation = await ensureOrganisation(db, slug, slug);
      ids[slug] = organisation.id;
      const scope = { organisationId: organisation.id };
      if (slug === 'legacy' || slug === 'downgraded') continue;
      for (let i = 1; i <= 5; i++) {
        await inOrganisation(db, scope, (trx) =>
          recordAudit(
            trx,
            scope,
            { actor: 'system', action: `test.step${i}`, target: `thing:${i}`, data: { i } },
            new Date(start + i * 1000),
          ),
        );
      }
    }
    // Chains from before the keyed trail: plain SHA-256, as version 1 wrote them. `legacy` is waiting for its seal,
    // as the migration leaves every existing chain; `downgraded` is what a writer leaves who rewrote a chain unkeyed.
    for (const slug of ['legacy', 'downgraded']) {
      const organisationId = ids[slug]!;
      let previous = '0'.repeat(64);
      for (let i = 1; i <= 3; i++) {
        const entry = {
          seq: i,
          at: new Date(start + i * 1000),
          actor: 'system',
          action: `old.step${i}`,
          target: null,
          data: { i },
        };
        const hash = plainEntryHash(previous, entry);
        await db
          .insertInto('audit_entries')
          .values({
            organisation_id: organisationId,
            ...entry,
            data: JSON.stringify(entry.data),
            prev_hash: previous,
            hash,
          })
          .execute();
        previous = hash;
      }
      await db
        .insertInto('audit_heads')
        .values({ organisation_id: organisationId, seq: 3, hash: previous, seal_pending: slug === 'legacy' })
        .execute();
    }

    // The tampering a database superuser could do, one kind per organisation.
    await asDatabaseWriter(db, async (trx) => {
      await sql`update audit_entries set data = '{"i": 30}' where organisation_id = ${ids.edited} and seq = 3`.execute(
        trx,
      );
      await sql`delete from audit_entries where organisation_id = ${ids.deleted} and seq = 3`.execute(trx);
      await sql`update audit_entries set seq = -1 where organisation_id = ${ids.reordered} and seq = 2`.execute(trx);
      await sql`update audit_entries set seq = 2 where organisation_id = ${ids.reordered} and seq = 3`.execute(trx);
      await sql`update audit_entries set seq = 3 where organisation_id = ${ids.reordered} and seq = -1`.execute(trx);
      await sql`delete from audit_entries where organisation_id = ${ids.truncated} and seq = 5`.execute(trx);
      await sql`update audit_entries set prev_hash = ${'f'.repeat(64)} where organisation_id = ${ids.relinked} and seq = 4`.execute(
        trx,
      );
      for (const slug of ['plain', 'unkeyed', 'foreign']) {
        await sql`update audit_entries set actor = 'user:someone-else' where organisation_id = ${ids[slug]} and seq = 2`.execute(
          trx,
        );
      }
    });
    // Edited, then every later entry rehashed so that each link holds: with plain SHA-256 (keeping the key id, or
    // marking them unkeyed), or with a key of the writer's own.
    await rehash(db, 'plain', 2, plain(null), keep);
    await rehash(db, 'unkeyed', 2, plain(null), null);
    const writersKey = auditKeyFrom(randomBytes(32));
    await rehash(db, 'foreign', 2, (prev, e) => keyedEntryHash(writersKey, prev, e), writersKey.id);
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
  await remove();
  await rm(files, { recursive: true, force: true });
});

describe('the database', () => {
  it('refuses UPDATE and DELETE of audit entries to charter_app, and UPDATE to anyone with triggers on', async () => {
    await withDb(async (db) => {
      const scope = { organisationId: ids.intact! };
      const attempt = (statement: (trx: Kysely<Database>) => Promise<unknown>) =>
        inOrganisation(db, scope, statement).then(
          () => 'done',
          (error: Error) => error.message,
        );
      expect(
        await attempt((trx) =>
          sql`update audit_entries set actor = 'x' where organisation_id = ${ids.intact} and seq = 2`.execute(trx),
        ),
      ).toMatch(/permission denied/);
      expect(
        await attempt((trx) =>
          sql`delete from audit_entries where organisation_id = ${ids.intact} and seq = 1`.execute(trx),
        ),
      ).toMatch(/permission denied/);
      expect(await attempt((trx) => sql`truncate audit_entries`.execute(trx))).toMatch(/permission denied/);
      // The pruning function, from another organisation's scope, and for a prefix no audit.pruned entry records.
      const other = { organisationId: ids.edited! };
      expect(
        await inOrganisation(db, other, (trx) =>
          sql`select audit_prune_prefix(${ids.intact}::uuid, 2, 10)`.execute(trx),
        ).then(
          () => 'done',
          (e: Error) => e.message,
        ),
      ).toMatch(/outside the organisation's scope/);
      expect(await attempt((trx) => sql`select audit_prune_prefix(${ids.intact}::uuid, 2, 10)`.execute(trx))).toMatch(
        /append-only/,
      );
      // The connecting role (a superuser here) is stopped by the trigger, as long as it does not turn triggers off.
      const superuser =
        await sql`update audit_entries set actor = 'x' where organisation_id = ${ids.intact} and seq = 2`
          .execute(db)
          .then(
            () => 'done',
            (e: Error) => e.message,
          );
      expect(superuser).toMatch(/the audit trail is append-only: UPDATE/);
      const deleted = await sql`delete from audit_entries where organisation_id = ${ids.intact} and seq = 1`
        .execute(db)
        .then(
          () => 'done',
          (e: Error) => e.message,
        );
      expect(deleted).toMatch(/the audit trail is append-only: DELETE/);
      expect(
        await db
          .selectFrom('audit_entries')
          .select('actor')
          .where('organisation_id', '=', ids.intact!)
          .where('seq', '=', 2)
          .executeTakeFirst(),
      ).toEqual({ actor: 'system' });
    });
  });
});

describe('charter audit verify', () => {
  it('exits 0 for an untouched chain', async () => {
    const result = await cli(['audit', 'verify', '--org', 'intact']);
    expect(result).toMatchObject({ code: 0, out: 'intact: 5 entries, chain intact' });
  });

  it.each([
    [
      'edited',
      'entry 3 (test.step3, 2025-03-01T10:00:03.000Z): entry 3 (test.step3) was edited: its content does not match its keyed hash (changed, or rehashed without the audit key)',
    ],
    ['deleted', 'entry 3: entry 3 is missing: the next entry found is 4'],
    [
      'reordered',
      'entry 2 (test.step3, 2025-03-01T10:00:03.000Z): entry 2 (test.step3) follows entry 3 instead of entry 1: entries were reordered',
    ],
    ['truncated', 'entry 5: entry 5 is missing: the chain head says 5, the last entry is 4'],
    ['relinked', 'entry 4 (test.step4, 2025-03-01T10:00:04.000Z): entry 4 (test.step4) does not link to entry 3'],
    [
      'plain',
      'entry 2 (test.step2, 2025-03-01T10:00:02.000Z): entry 2 (test.step2) was edited: its content does not match its keyed hash',
    ],
    [
      'unkeyed',
      'entry 2 (test.step2, 2025-03-01T10:00:02.000Z): entry 2 (test.step2) is plain SHA-256 though the chain is keyed from entry 1: it was written or rewritten without the audit key',
    ],
    ['foreign', 'entry 2 (test.step2, 2025-03-01T10:00:02.000Z): entry 2 (test.step2) names audit key'],
    ['downgraded', 'entry 1: entries 1–3 are plain SHA-256 and no audit.rekeyed entry seals them'],
  ])('exits 1 naming the first broken link of the %s chain', async (slug, message) => {
    const result = await cli(['audit', 'verify', '--org', slug]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${slug}: BROKEN at ${message}`);
  });

  it('accepts the unkeyed entries of a chain from before the keyed trail once sealed by audit.rekeyed', async () => {
    // The CLI opens the database as a start does: the waiting chain gets its seal.
    const result = await cli(['audit', 'verify', '--org', 'legacy']);
    expect(result).toMatchObject({ code: 0, out: 'legacy: 4 entries, chain intact' });
    await withDb(async (db) => {
      const rows = await db
        .selectFrom('audit_entries')
        .select(['seq', 'action', 'key_id', 'data'])
        .where('organisation_id', '=', ids.legacy!)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => [r.seq, r.action, r.key_id])).toEqual([
        [1, 'old.step1', null],
        [2, 'old.step2', null],
        [3, 'old.step3', null],
        [4, 'audit.rekeyed', currentAuditKey().id],
      ]);
      expect(rows[3]?.data).toMatchObject({ algorithm: 'hmac-sha256', unkeyedThroughSeq: 3 });
      expect(await sealUnkeyedChains(db)).toBe(0);
      // An unkeyed entry appended after the seal is refused.
      const scope = { organisationId: ids.legacy! };
      await inOrganisation(db, scope, (trx) =>
        recordAudit(trx, scope, { actor: 'system', action: 'new.step' }, new Date(start + 10_000)),
      );
      await asDatabaseWriter(db, (trx) =>
        sql`update audit_entries set key_id = null, hash = ${'1'.repeat(64)} where organisation_id = ${ids.legacy} and seq = 5`.execute(
          trx,
        ),
      );
      expect((await verifyChain(db, scope)).firstBreak).toMatchObject({ kind: 'unkeyed', seq: 5 });
      // Without the unkeyed entry, and then without the head row too.
      await asDatabaseWriter(db, async (trx) => {
        await sql`delete from audit_entries where organisation_id = ${ids.legacy} and seq = 5`.execute(trx);
        await sql`delete from audit_heads where organisation_id = ${ids.legacy}`.execute(trx);
      });
      expect((await verifyChain(db, scope)).firstBreak).toMatchObject({
        kind: 'deleted',
        message: 'the chain head is missing though entries up to 4 exist: it was deleted',
      });
      const entry4 = await db
        .selectFrom('audit_entries')
        .select('hash')
        .where('organisation_id', '=', ids.legacy!)
        .where('seq', '=', 4)
        .executeTakeFirstOrThrow();
      await db.insertInto('audit_heads').values({ organisation_id: ids.legacy!, seq: 4, hash: entry4.hash }).execute();
      expect(await verifyChain(db, scope)).toMatchObject({ ok: true, entries: 4 });
    });
  });

  it('checks every organisation when none is named, as JSON on request', async () => {
    const result = await cli(['audit', 'verify', '--json']);
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.out) as {
      organisation: string;
      ok: boolean;
      firstBreak: { kind: string } | null;
    }[];
    expect(Object.fromEntries(reports.map((r) => [r.organisation, r.firstBreak?.kind ?? 'ok']))).toMatchObject({
      deleted: 'deleted',
      downgraded: 'unkeyed',
      edited: 'edited',
      foreign: 'wrong-key',
      intact: 'ok',
      plain: 'edited',
      relinked: 'relinked',
      reordered: 'reordered',
      truncated: 'deleted',
      unkeyed: 'unkeyed',
    });
  });

  it('exports an organisation as JSON Lines with hashes, auditing the export', async () => {
    const result = await cli(['audit', 'export', '--format', 'jsonl', '--org', 'intact']);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n').map(
      (line) =>
        JSON.parse(line) as {
          seq: number;
          action: string;
          prevHash: string;
          hash: string;
          organisation: string;
          keyId: string;
        },
    );
    expect(lines.map((l) => l.action)).toEqual([
      'test.step1',
      'test.step2',
      'test.step3',
      'test.step4',
      'test.step5',
      'audit.exported',
    ]);
    expect(lines[1]!.prevHash).toBe(lines[0]!.hash);
    expect(lines.every((l) => l.organisation === 'intact' && l.keyId === currentAuditKey().id)).toBe(true);
    expect((await cli(['audit', 'verify', '--org', 'intact'])).code).toBe(0);
  });

  it('refuses an unknown format or organisation, or a missing checkpoint file, as usage errors', async () => {
    expect((await cli(['audit', 'export', '--format', 'csv'])).code).toBe(2);
    expect((await cli(['audit', 'verify', '--org', 'nope'])).code).toBe(2);
    expect((await cli(['audit', 'verify', '--checkpoint', join(files, 'none.json')])).code).toBe(2);
  });
});

describe('checkpoints', () => {
  it('detects a chain cut short and its head moved back', async () => {
    const file = join(files, 'moved.json');
    const taken = await cli(['audit', 'checkpoint', '--org', 'moved', '--out', file]);
    expect(taken.code).toBe(0);
    expect(taken.out).toMatch(/^moved: checkpoint of entry 6 \(6 entries, head [0-9a-f]{16}…\) written to /);
    expect(await cli(['audit', 'verify', '--org', 'moved', '--checkpoint', file])).toMatchObject({
      code: 0,
      out: expect.stringContaining('moved: 6 entries, chain intact; matches the checkpoint of 2'),
    });
    // The writer deletes the last two entries and moves the head back to entry 4: the chain alone is consistent.
    await withDb((db) =>
      asDatabaseWriter(db, async (trx) => {
        const entry4 = await trx
          .selectFrom('audit_entries')
          .select('hash')
          .where('organisation_id', '=', ids.moved!)
          .where('seq', '=', 4)
          .executeTakeFirstOrThrow();
        await sql`delete from audit_entries where organisation_id = ${ids.moved} and seq > 4`.execute(trx);
        await sql`update audit_heads set seq = 4, hash = ${entry4.hash} where organisation_id = ${ids.moved}`.execute(
          trx,
        );
      }),
    );
    expect(await cli(['audit', 'verify', '--org', 'moved'])).toMatchObject({ code: 0 });
    expect(await cli(['audit', 'verify', '--org', 'intact', '--checkpoint', file])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/chain intact; the checkpoint file has no checkpoint of it$/),
    });
    const result = await cli(['audit', 'verify', '--org', 'moved', '--checkpoint', file]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /^moved: BROKEN at entry 5: the chain ends at entry 4 but the checkpoint of \S+ saw entry 6: entries 5–6 were removed and the head moved back$/,
    );
  });

  it('detects a chain rewritten since, even by a writer holding the key', async () => {
    const file = join(files, 'all.json');
    expect((await cli(['audit', 'checkpoint', '--out', file])).code).toBe(0);
    const all = JSON.parse(await readFile(file, 'utf8')) as { organisation: { slug: string } }[];
    expect(all.map((c) => c.organisation.slug)).toContain('resigned');
    await withDb(async (db) => {
      await asDatabaseWriter(db, (trx) =>
        sql`update audit_entries set data = '{"i": 99}' where organisation_id = ${ids.resigned} and seq = 2`.execute(
          trx,
        ),
      );
      await rehash(db, 'resigned', 2, (prev, e) => keyedEntryHash(currentAuditKey(), prev, e), keep);
    });
    expect(await cli(['audit', 'verify', '--org', 'resigned'])).toMatchObject({ code: 0 });
    const result = await cli(['audit', 'verify', '--org', 'resigned', '--checkpoint', file]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /^resigned: BROKEN at entry 6 \(audit\.checkpointed, \S+\): entry 6 \(audit\.checkpointed\) differs from the checkpoint of \S+: the chain was rewritten since$/,
    );
  });

  it('prints the public key that checkpoints carry', async () => {
    const file = join(files, 'pinned.json');
    expect((await cli(['audit', 'checkpoint', '--org', 'intact', '--out', file])).code).toBe(0);
    const checkpoint = JSON.parse(await readFile(file, 'utf8')) as { keyId: string; publicKey: string };
    expect(await cli(['audit', 'public-key'])).toMatchObject({
      code: 0,
      out: `key id      ${checkpoint.keyId}\npublic key  ${checkpoint.publicKey}`,
    });
  });

  it('refuses a checkpoint that was altered or signed by another key', async () => {
    const file = join(files, 'forged.json');
    expect((await cli(['audit', 'checkpoint', '--org', 'forged', '--out', file])).code).toBe(0);
    const checkpoint = JSON.parse(await readFile(file, 'utf8')) as { seq: number };
    await writeFile(file, JSON.stringify({ ...checkpoint, seq: 2 }));
    expect(await cli(['audit', 'verify', '--org', 'forged', '--checkpoint', file])).toMatchObject({
      code: 1,
      out: 'checkpoint REFUSED: the checkpoint of forged at entry 2 has a signature that does not verify: the file was altered',
    });
    const other = { ...env, CHARTER_AUDIT_KEY: randomBytes(32).toString('hex') };
    const foreign = join(files, 'foreign.json');
    // Another installation's key (its own chains would not verify either: the key names each entry).
    expect((await runCli(['audit', 'checkpoint', '--org', 'forged', '--out', foreign], { env: other })).code).toBe(0);
    const refused = await cli(['audit', 'verify', '--org', 'forged', '--checkpoint', foreign]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(
      /^checkpoint REFUSED: the checkpoint of forged at entry \d+ is signed by audit key [0-9a-f]{16}, not by this installation's key [0-9a-f]{16}$/,
    );
  });
});
