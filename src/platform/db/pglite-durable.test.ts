import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { fsyncCount } from './pglite-durable.js';

const dir = mkdtempSync(join(tmpdir(), 'charter-pglite-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PGlite on a data directory', () => {
  it('syncs every commit to disk, and keeps what it committed across a restart', async () => {
    const first = await openDatabase<unknown>({ dataDir: dir });
    try {
      const settings = await sql<{
        name: string;
        setting: string;
      }>`select name, setting from pg_settings where name in ('fsync', 'wal_sync_method') order by name`.execute(
        first.db,
      );
      expect(settings.rows).toEqual([
        { name: 'fsync', setting: 'on' },
        { name: 'wal_sync_method', setting: 'fsync' },
      ]);
      await sql`create table receipt (id int primary key)`.execute(first.db);
      for (const id of [1, 2, 3]) {
        const before = fsyncCount.value;
        await sql`insert into receipt values (${id})`.execute(first.db);
        expect(fsyncCount.value, `commit ${id}`).toBeGreaterThan(before);
      }
      // A read-only statement writes no WAL and syncs nothing.
      const before = fsyncCount.value;
      await sql`select count(*) from receipt`.execute(first.db);
      expect(fsyncCount.value).toBe(before);
    } finally {
      await first.close();
    }
    const second = await openDatabase<unknown>({ dataDir: dir });
    try {
      const rows = await sql<{ id: number }>`select id from receipt order by id`.execute(second.db);
      expect(rows.rows.map((row) => row.id)).toEqual([1, 2, 3]);
    } finally {
      await second.close();
    }
  });

  it('stays in memory, without syncing, for memory://', async () => {
    const memory = await openDatabase<unknown>({ dataDir: 'memory://' });
    try {
      const before = fsyncCount.value;
      await sql`create table scratch (id int)`.execute(memory.db);
      await sql`insert into scratch values (1)`.execute(memory.db);
      expect(fsyncCount.value).toBe(before);
    } finally {
      await memory.close();
    }
  });
});
