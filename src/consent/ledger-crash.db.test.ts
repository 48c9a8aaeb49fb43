/**
 * Acknowledged means durable: a real server process takes consent posts from concurrent clients, is killed with
 * SIGKILL in the middle of the load, and is started again on the same database. Every receipt a client received a
 * 201 for must be in the ledger.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCharter } from '../charter/loader.js';
import { consentRevision } from '../charter/revision.js';
import { migrations, type Database } from '../database.js';
import { migrate, openDatabase } from '../platform/db/database.js';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { createPostgresDatabase, testDbKind } from '../../test/support/database.js';
import { freePort } from '../../test/support/postgres-server.js';
import { exited, startServe } from '../../test/support/serve-process.js';
import { postConsent } from '../../test/support/consent-post.js';

const work = mkdtempSync(join(tmpdir(), 'charter-consent-crash-'));
const charterFile = join(work, 'charter.yaml');
let databaseEnv: Record<string, string>;

beforeAll(async () => {
  writeFileSync(charterFile, minimalCharterYaml);
  databaseEnv =
    testDbKind() === 'postgres'
      ? { DATABASE_URL: await createPostgresDatabase() }
      : { DATABASE_URL: '', CHARTER_DATA_DIR: join(work, 'data') };
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Starts `charter serve`. A long group-commit delay (40 ms) widens the window in which a server that answered before
 * committing would lose acknowledged records, so such a bug cannot hide behind a fast disk.
 */
function startServer(port: number): Promise<ChildProcess> {
  return startServe(port, ['--charter', charterFile], {
    ...databaseEnv,
    LOG_LEVEL: 'warn',
    CONSENT_RATE_LIMIT: '1000000',
    CONSENT_BATCH_DELAY_MS: '40',
  });
}

describe('crash safety of the consent ledger', () => {
  it('keeps every acknowledged receipt when the server is killed with SIGKILL under load', async () => {
    const loaded = loadCharter(minimalCharterYaml);
    if (!loaded.ok) throw new Error('test charter invalid');
    const revision = consentRevision(loaded.charter, 'main');
    const port = await freePort();
    const post = (visitor: string) =>
      postConsent(`http://127.0.0.1:${port}`, {
        visitor,
        revision,
        method: 'custom',
        choices: { analytics: visitor.charCodeAt(0) % 2 === 0 },
      });

    let server = await startServer(port);
    const acknowledged: string[] = [];
    let failures = 0;
    let killed = false;
    const killAfter = 300;
    const client = async () => {
      while (!killed || failures === 0) {
        try {
          const response = await post(randomBytes(12).toString('base64url'));
          if (response.status === 201) acknowledged.push(((await response.json()) as { receipt: string }).receipt);
          else failures++;
        } catch {
          failures++;
        }
        if (acknowledged.length >= killAfter && !killed) {
          // Mid-load: the other clients have requests in flight right now.
          killed = true;
          server.kill('SIGKILL');
        }
        if (killed && failures > 0) return;
      }
    };
    await Promise.all(Array.from({ length: 24 }, client));
    await exited(server);
    expect(server.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);

    // Restart on the same database: it recovers and takes records again.
    server = await startServer(port);
    const after = await post(randomBytes(12).toString('base64url'));
    expect(after.status).toBe(201);
    acknowledged.push(((await after.json()) as { receipt: string }).receipt);
    server.kill('SIGTERM');
    await exited(server);

    const database = await openDatabase<Database>({
      url: databaseEnv.DATABASE_URL || undefined,
      dataDir: databaseEnv.CHARTER_DATA_DIR,
    });
    try {
      await migrate(database.db, migrations);
      const found = new Set<string>();
      for (let i = 0; i < acknowledged.length; i += 500) {
        const rows = await database.db
          .selectFrom('consent_records')
          .select('receipt_id')
          .where('receipt_id', 'in', acknowledged.slice(i, i + 500))
          .execute();
        for (const row of rows) found.add(row.receipt_id);
      }
      const missing = acknowledged.filter((receipt) => !found.has(receipt));
      expect(missing).toEqual([]);
    } finally {
      await database.close();
    }
  }, 300_000);
});
