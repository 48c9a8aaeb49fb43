import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { readConfig } from '../platform/config.js';
import { describeDatabase } from './database.js';

const work = mkdtempSync(join(tmpdir(), 'charter-cli-database-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the database a CLI command uses', () => {
  it('is named without user or password', () => {
    expect(describeDatabase(readConfig({ DATABASE_URL: 'postgres://charter:s3cret@db.example:5432/charter' }))).toBe(
      'PostgreSQL db.example:5432/charter',
    );
    expect(describeDatabase(readConfig({ CHARTER_DATA_DIR: '/srv/charter/data' }))).toBe('PGlite /srv/charter/data');
  });

  it('is created only with --init, and said on stderr', async () => {
    const env = {
      CHARTER_DATA_DIR: 'fresh/data',
      LOG_LEVEL: 'silent',
      CHARTER_AUDIT_KEY: process.env.CHARTER_AUDIT_KEY ?? '',
    };
    const refused = await runCli(['requests', 'list'], { env, cwd: work });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`charter: database PGlite ${join(work, 'fresh/data')}`);
    expect(refused.err).toContain(`there is no database at ${join(work, 'fresh/data')}`);
    expect(existsSync(join(work, 'fresh'))).toBe(false);

    const created = await runCli(['requests', 'list', '--init'], { env, cwd: work });
    expect(created.code).toBe(0);
    expect(created.out).toBe('0 requests, 0 overdue');
    expect(existsSync(join(work, 'fresh/data/PG_VERSION'))).toBe(true);
    // The lock is released with the command.
    expect(existsSync(join(work, 'fresh/data.lock'))).toBe(false);
  }, 120_000);
});
