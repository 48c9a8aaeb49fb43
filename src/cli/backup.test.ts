/**
 * `charter db backup` while a real `charter serve` holds the PGlite directory (the server writes the copy), then the
 * directory wiped and `charter db restore`: every record of the backup is back and the audit chain verifies.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { freePort } from '../../test/support/postgres-server.js';
import { exited, startServe } from '../../test/support/serve-process.js';
import { prepareInstallation, temporaryInstallation } from './testing/installation.js';

const installation = temporaryInstallation('charter-backup-');
const { work, dataDir, charterFile, env } = installation;
const backup = join(work, 'charter-backup.tar.gz');
let token = '';
let server: ChildProcess | undefined;

beforeAll(async () => {
  token = await prepareInstallation(installation, ['requests:read', 'requests:write']);
}, 120_000);
afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

const cli = (argv: string[]) => runCli(argv, { env, cwd: work });

async function fileRequest(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/requests`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      site: 'main',
      type: 'erasure',
      channel: 'counter',
      identity: { type: 'email', value: email },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

describe('charter db backup and restore (PGlite)', () => {
  it('backs up through the running server, refuses a restore beside it, and restores a wiped installation with every record', async () => {
    const port = await freePort();
    server = await startServe(port, ['--charter', charterFile], env);
    const base = `http://127.0.0.1:${port}`;
    const kept = await fileRequest(base, 'kept@example.org');

    const backedUp = await cli(['db', 'backup', backup]);
    expect(backedUp.err).toContain(`charter: asking process ${server.pid} (charter serve`);
    expect(backedUp.out).toMatch(
      new RegExp(`^Backed up ${dataDir} to ${backup} \\(\\d+\\.\\d MB\\), written by the running server\\.$`),
    );
    expect(backedUp.code).toBe(0);
    expect(statSync(backup).mode & 0o777).toBe(0o600);

    const refused = await cli(['db', 'restore', backup]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`in use by process ${server.pid} (charter serve`);
    expect(refused.err).toContain('Stop it first');

    // Written after the backup: not in it.
    const later = await fileRequest(base, 'later@example.org');
    server.kill('SIGTERM');
    await exited(server);

    rmSync(dataDir, { recursive: true, force: true });
    const restored = await cli(['db', 'restore', backup]);
    expect(restored.err).toBe(`charter: database PGlite ${dataDir}`);
    expect(restored.out).toBe(`Restored ${backup} into ${dataDir}.`);
    expect(restored.code).toBe(0);

    const listed = await cli(['requests', 'list']);
    expect(listed.out).toContain(kept);
    expect(listed.out).not.toContain(later);
    const verified = await cli(['audit', 'verify']);
    expect(verified.out).toMatch(/^testco: \d+ entries, chain intact$/);
    expect(verified.code).toBe(0);

    // Without a server the command takes the copy itself; restoring over a database keeps the one it replaces.
    const second = join(work, 'second.tar.gz');
    expect((await cli(['db', 'backup', second])).code).toBe(0);
    const over = await cli(['db', 'restore', second]);
    expect(over.code).toBe(0);
    expect(over.out).toMatch(/The directory it replaced is kept as .*data\.before-restore-/);
    expect(readdirSync(work).some((name) => name.startsWith('data.before-restore-'))).toBe(true);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  }, 300_000);
});
