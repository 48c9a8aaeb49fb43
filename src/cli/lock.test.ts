/**
 * One owner per PGlite directory, with real processes: a `charter serve` holds the directory; CLI commands run beside
 * it are refused (naming the holder) or ask the server through its API with a token; a second `serve` is refused; the
 * server is killed with SIGKILL and started again, and comes up with every record, its audit chain intact.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { runCli } from '../../test/support/cli.js';
import { freePort } from '../../test/support/postgres-server.js';
import { exited, spawnServe, startServe } from '../../test/support/serve-process.js';
import { loadCharter } from '../charter/loader.js';
import { consentRevision } from '../charter/revision.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { lockPathOf } from '../platform/db/data-dir-lock.js';
import { openConfiguredDatabase } from '../server.js';
import { readConfig } from '../platform/config.js';
import { prepareInstallation, temporaryInstallation } from './testing/installation.js';

const installation = temporaryInstallation('charter-lock-crash-');
const { work, dataDir, charterFile, env } = installation;
let token = '';
const children: ChildProcess[] = [];

beforeAll(async () => {
  // The installation before any server: the organisation and an API token for commands run beside the server.
  token = await prepareInstallation(installation, ['requests:read', 'requests:write', 'audit:read', 'retention:read']);
}, 120_000);
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

const cli = (argv: string[], extra: Record<string, string> = {}, cwd = work) =>
  runCli(argv, { env: { ...env, ...extra }, cwd });

describe('a PGlite directory held by charter serve', () => {
  it('refuses or routes the commands beside it, refuses a second serve, and survives kill -9 with every record', async () => {
    const port = await freePort();
    const server = await startServe(port, ['--charter', charterFile], env);
    children.push(server);
    const base = `http://127.0.0.1:${port}`;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    // Records written by the running server: a consent choice and a request entered by staff.
    const charter = loadCharter(minimalCharterYaml);
    if (!charter.ok) throw new Error('the test charter is invalid');
    const choice = {
      site: 'main',
      visitor: 'visitor-lock-test-0001',
      revision: consentRevision(charter.charter, 'main'),
      language: 'en',
      method: 'accept-all',
      choices: Object.fromEntries(charter.charter.consent.categories.map((c) => [c.id, true])),
      gpc: false,
      url: 'https://www.testco.example/',
    };
    const consent = await fetch(`${base}/api/v1/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://www.testco.example' },
      body: JSON.stringify(choice),
    });
    expect(consent.status).toBe(201);
    const filed = await fetch(`${base}/api/v1/requests`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        site: 'main',
        type: 'access',
        channel: 'post',
        identity: { type: 'email', value: 'anna@example.org' },
      }),
    });
    expect(filed.status).toBe(201);
    const reference = ((await filed.json()) as { reference: string }).reference;

    // Without a token: refused, the holder named, nothing opened.
    const refused = await cli(['requests', 'list']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`the database ${dataDir} is in use by process ${server.pid} (charter serve, since `);
    expect(refused.err).toContain('--token');

    // With a token: the server answers.
    const listed = await cli(['requests', 'list'], { CHARTER_TOKEN: token });
    expect(listed.err).toContain('asking that server through its API');
    expect(listed.out).toContain(reference);
    expect(listed.out).toContain('an***@example.org');
    const verified = await cli(['audit', 'verify', '--token', token]);
    expect(verified.out).toMatch(/^testco: \d+ entries, chain intact$/);
    expect(verified.code).toBe(0);
    const checkpoint = await cli(['audit', 'checkpoint', '--org', 'testco', '--token', token]);
    expect(checkpoint.code).toBe(0);
    expect(JSON.parse(checkpoint.out)).toMatchObject({
      organisation: { slug: 'testco' },
      signature: expect.any(String),
    });

    // No route for it: refused with the holder and the advice.
    const userAdd = await cli(['user', 'add', '--org', 'testco', '--email', 'new@testco.example', '--role', 'viewer']);
    expect(userAdd.code).toBe(1);
    expect(userAdd.err).toContain(`in use by process ${server.pid}`);
    expect(userAdd.err).toContain('console of the running server (Users)');

    // A second server on the same directory is refused, naming the first.
    const second = spawnServe(['--charter', charterFile, '--port', String(await freePort())], env);
    children.push(second.child);
    expect(await exited(second.child)).toBe(1);
    expect(second.output()).toContain(`in use by process ${server.pid} (charter serve`);

    // Run from another folder: no database there, and none is created.
    const elsewhere = mkdtempSync(join(tmpdir(), 'charter-elsewhere-'));
    try {
      const lost = await runCli(['retention', 'run'], { env: { LOG_LEVEL: 'warn' }, cwd: elsewhere });
      expect(lost.code).toBe(1);
      expect(lost.err).toContain(`there is no database at ${join(elsewhere, '.charter/data')}`);
      expect(lost.err).toContain('--init');
      expect(existsSync(join(elsewhere, '.charter'))).toBe(false);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }

    // Power cut: the lock stays behind with a PID that is gone, and the next start takes it over.
    server.kill('SIGKILL');
    await exited(server);
    expect(existsSync(lockPathOf(dataDir))).toBe(true);
    const restarted = await startServe(port, ['--charter', charterFile], env);
    children.push(restarted);
    const again = await cli(['requests', 'list', '--token', token]);
    expect(again.out).toContain(reference);
    const chain = await cli(['audit', 'verify', '--token', token]);
    expect(chain.out).toMatch(/chain intact$/);
    expect(chain.code).toBe(0);

    // A clean stop releases the directory; then the CLI opens it itself and finds every record.
    restarted.kill('SIGTERM');
    expect(await exited(restarted)).toBe(0);
    expect(existsSync(lockPathOf(dataDir))).toBe(false);
    const local = await cli(['audit', 'verify']);
    expect(local.code).toBe(0);
    expect(local.out).toMatch(/^testco: \d+ entries, chain intact$/);
    const database = await openConfiguredDatabase(readConfig(env));
    try {
      const records = await acrossOrganisations('the test counts every record', () =>
        database.db.selectFrom('consent_records').select('visitor_id').execute(),
      );
      expect(records.map((r) => r.visitor_id)).toEqual(['visitor-lock-test-0001']);
    } finally {
      await database.close();
    }
  }, 300_000);
});
