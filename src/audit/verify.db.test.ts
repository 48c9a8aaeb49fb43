import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTestDatabase, testDbKind } from '../../test/support/database.js';
import { runCli } from '../../test/support/cli.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import { migrations, type Database } from '../database.js';
import { migrate, openDatabase, type OpenDatabase } from '../platform/db/database.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { recordAudit } from './trail.js';
import { verifyChain } from './verify.js';

// A database the CLI can open too: a PGlite directory or a PostgreSQL database, named by the environment.
let database: OpenDatabase<Database>;
let env: Record<string, string>;
let remove: () => Promise<void>;
const ids: Record<string, string> = {};

const openShared = () => openDatabase<Database>(env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 3 } : { dataDir: env.CHARTER_DATA_DIR });

const cli = (args: string[]) => runCli(args, { env });

beforeAll(async () => {
  ({ env, remove } = await cliTestDatabase('charter-audit'));
  database = await openShared();
  await migrate(database.db, migrations);
  const start = Date.parse('2025-03-01T10:00:00Z');
  for (const slug of ['intact', 'edited', 'deleted', 'reordered', 'truncated', 'rehashed']) {
    const organisation = await ensureOrganisation(database.db, slug, slug);
    ids[slug] = organisation.id;
    const scope = { organisationId: organisation.id };
    for (let i = 1; i <= 5; i++) {
      await inOrganisation(database.db, scope, (trx) =>
        recordAudit(trx, scope, { actor: 'system', action: `test.step${i}`, target: `thing:${i}`, data: { i } }, new Date(start + i * 1000)),
      );
    }
  }
  // The tampering an attacker with database access could do, one kind per organisation.
  await sql`update audit_entries set data = '{"i": 30}' where organisation_id = ${ids.edited} and seq = 3`.execute(database.db);
  await sql`delete from audit_entries where organisation_id = ${ids.deleted} and seq = 3`.execute(database.db);
  await sql`update audit_entries set seq = -1 where organisation_id = ${ids.reordered} and seq = 2`.execute(database.db);
  await sql`update audit_entries set seq = 2 where organisation_id = ${ids.reordered} and seq = 3`.execute(database.db);
  await sql`update audit_entries set seq = 3 where organisation_id = ${ids.reordered} and seq = -1`.execute(database.db);
  await sql`delete from audit_entries where organisation_id = ${ids.truncated} and seq = 5`.execute(database.db);
  // Edited and rehashed so the entry itself verifies: the next link must break.
  await sql`update audit_entries set actor = 'user:someone-else' where organisation_id = ${ids.rehashed} and seq = 2`.execute(database.db);
  const { entryHash } = await import('./trail.js');
  const row = await database.db.selectFrom('audit_entries').selectAll().where('organisation_id', '=', ids.rehashed!).where('seq', '=', 2).executeTakeFirstOrThrow();
  const rehash = entryHash(row.prev_hash, { seq: 2, at: new Date(row.at), actor: row.actor, action: row.action, target: row.target, data: row.data });
  await sql`update audit_entries set hash = ${rehash} where organisation_id = ${ids.rehashed} and seq = 2`.execute(database.db);
  // The CLI opens the same database; PGlite allows one process at a time on a directory.
  if (testDbKind() === 'pglite') await database.close();
}, 120_000);

afterAll(async () => {
  if (testDbKind() === 'postgres') await database.close();
  await remove();
});

describe('charter audit verify', () => {
  it('exits 0 for an untouched chain', async () => {
    const result = await cli(['audit', 'verify', '--org', 'intact']);
    expect(result.code).toBe(0);
    expect(result.out).toBe('intact: 5 entries, chain intact');
  });

  it.each([
    ['edited', 3, 'entry 3 (test.step3) was edited'],
    ['deleted', 3, 'entry 3 is missing'],
    ['reordered', 2, 'entry 2 (test.step3) follows entry 3 instead of entry 1: entries were reordered'],
    ['truncated', 5, 'entry 5 is missing: the chain head says 5 entries, 4 remain'],
    ['rehashed', 3, 'entry 3 (test.step3) does not link to entry 2'],
  ])('exits 1 naming the first broken link of the %s chain', async (slug, seq, message) => {
    const result = await cli(['audit', 'verify', '--org', slug]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${slug}: BROKEN at entry ${seq}`);
    expect(result.out).toContain(message);
  });

  it('checks every organisation when none is named, as JSON on request', async () => {
    const result = await cli(['audit', 'verify', '--json']);
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.out) as { organisation: string; ok: boolean; firstBreak: { kind: string } | null }[];
    expect(Object.fromEntries(reports.map((r) => [r.organisation, r.firstBreak?.kind ?? 'ok']))).toEqual({
      deleted: 'deleted',
      edited: 'edited',
      intact: 'ok',
      rehashed: 'relinked',
      reordered: 'reordered',
      truncated: 'deleted',
    });
  });

  it('exports an organisation as JSON Lines with hashes, auditing the export', async () => {
    const result = await cli(['audit', 'export', '--format', 'jsonl', '--org', 'intact']);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n').map((line) => JSON.parse(line) as { seq: number; action: string; prevHash: string; hash: string; organisation: string });
    expect(lines.map((l) => l.action)).toEqual(['test.step1', 'test.step2', 'test.step3', 'test.step4', 'test.step5', 'audit.exported']);
    expect(lines[1]!.prevHash).toBe(lines[0]!.hash);
    expect(lines.every((l) => l.organisation === 'intact')).toBe(true);
    expect((await cli(['audit', 'verify', '--org', 'intact'])).code).toBe(0);
  });

  it('refuses an unknown format or organisation as usage errors', async () => {
    expect((await cli(['audit', 'export', '--format', 'csv'])).code).toBe(2);
    expect((await cli(['audit', 'verify', '--org', 'nope'])).code).toBe(2);
  });
});

describe('verifyChain', () => {
  it('reports counts and the head for an intact chain', async () => {
    const reopened = testDbKind() === 'pglite' ? await openShared() : database;
    try {
      const report = await verifyChain(reopened.db, { organisationId: ids.intact! });
      expect(report).toMatchObject({ ok: true, entries: 6, headSeq: 6, firstBreak: null });
      expect((await verifyChain(reopened.db, { organisationId: ids.edited! })).firstBreak?.seq).toBe(3);
    } finally {
      if (reopened !== database) await reopened.close();
    }
  });
});
