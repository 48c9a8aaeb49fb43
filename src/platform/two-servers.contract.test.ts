/**
 * Two `charter serve` processes on one PostgreSQL, as behind a load balancer: started together on a fresh
 * installation, each prints a first-run link and both links work, whichever process is asked; consent posted to
 * both is recorded exactly once per post; a charter applied through one is served by the other (polled, no fixed
 * wait).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { createPostgresDatabase } from '../../test/support/database.js';
import { freePort } from '../../test/support/postgres-server.js';
import { createApiToken } from '../accounts/tokens.js';
import { loadCharter } from '../charter/loader.js';
import { consentRevision } from '../charter/revision.js';
import type { Database } from '../database.js';
import { openDatabase, type OpenDatabase } from './db/database.js';
import { projectFile } from './project.js';

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const work = mkdtempSync(join(tmpdir(), 'charter-two-servers-'));
const charterFile = join(work, 'charter.yaml');
let databaseUrl: string;
let servers: Server[] = [];

async function startServer(port: number): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', projectFile('src/cli/bin.ts'), 'serve', '--charter', charterFile, '--port', String(port)], {
    cwd: projectFile(),
    env: { ...process.env, DATABASE_URL: databaseUrl, PUBLIC_URL: url, LOG_LEVEL: 'warn', CONSENT_RATE_LIMIT: '1000000', CHARTER_SECRET: 'two-servers-shared-secret', CHARTER_TEST_DB: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok && stdout.includes('first run')) return { child, url, output: () => stdout };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${stderr}`);
}

beforeAll(async () => {
  writeFileSync(charterFile, minimalCharterYaml);
  databaseUrl = await createPostgresDatabase();
  // Started together, as a deployment starts its processes.
  servers = await Promise.all([startServer(await freePort()), startServer(await freePort())]);
}, 180_000);
afterAll(async () => {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
          server.child.once('exit', () => resolve());
          server.child.kill('SIGTERM');
        }),
    ),
  );
  rmSync(work, { recursive: true, force: true });
});

describe('two charter serve processes on one PostgreSQL', () => {
  it('accepts the first-run link each process printed, on either process', async () => {
    const links = servers.map((server) => /setup\?token=([A-Za-z0-9_-]+)/.exec(server.output())?.[1]);
    expect(links.every(Boolean)).toBe(true);
    for (const token of links) {
      for (const server of servers) expect((await (await fetch(`${server.url}/api/v1/setup?token=${token}`)).json()).linkValid).toBe(true);
    }
  });

  it('records each consent posted to either process exactly once', async () => {
    const loaded = loadCharter(minimalCharterYaml);
    if (!loaded.ok) throw new Error('test charter invalid');
    const revision = consentRevision(loaded.charter, 'main');
    const visitors = Array.from({ length: 40 }, () => randomBytes(12).toString('base64url'));
    const receipts = await Promise.all(
      visitors.map(async (visitor, i) => {
        const response = await fetch(`${servers[i % 2]!.url}/api/v1/consent`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'https://www.testco.example' },
          body: JSON.stringify({ site: 'main', visitor, revision, language: 'en', method: 'accept-all', choices: { analytics: true }, gpc: false, url: 'https://www.testco.example/' }),
        });
        expect(response.status).toBe(201);
        return ((await response.json()) as { receipt: string }).receipt;
      }),
    );
    const database: OpenDatabase<Database> = await openDatabase<Database>({ url: databaseUrl, poolSize: 1 });
    try {
      const { acrossOrganisations } = await import('./db/tenancy-guard.js');
      const rows = await acrossOrganisations('test check', () => database.db.selectFrom('consent_records').select(['receipt_id', 'visitor_id']).where('visitor_id', 'in', visitors).execute());
      expect(rows).toHaveLength(visitors.length);
      expect(new Set(rows.map((r) => r.receipt_id))).toEqual(new Set(receipts));
    } finally {
      await database.close();
    }
  });

  it('serves a charter applied through one process from the other', async () => {
    const [a, b] = servers as [Server, Server];
    const database: OpenDatabase<Database> = await openDatabase<Database>({ url: databaseUrl, poolSize: 1 });
    let token: string;
    try {
      const organisation = await database.db.selectFrom('organisations').select('id').where('slug', '=', 'testco').executeTakeFirstOrThrow();
      token = (await createApiToken(database.db, { organisationId: organisation.id }, { name: 'two servers', scopes: ['charter:apply', 'charter:read'], actor: 'system' }, new Date())).token;
    } finally {
      await database.close();
    }
    const before = (await (await fetch(`${b.url}/api/v1/charter?organisation=testco`)).json()) as { seq: number };
    const applied = await fetch(`${a.url}/api/v1/charter/revisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', authorization: `Bearer ${token}` },
      body: minimalCharterYaml.replace('legalName: Testco BV', 'legalName: Testco Two BV'),
    });
    expect(applied.status).toBeLessThan(300);
    // Polled: the other process serves the new revision once it looks again (the test's timeout bounds the wait).
    for (;;) {
      const served = (await (await fetch(`${b.url}/api/v1/charter?organisation=testco`)).json()) as { seq: number };
      if (served.seq > before.seq) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 60_000);
});
