/**
 * Two `charter serve` processes on one PostgreSQL, as behind a load balancer: started together on a fresh
 * installation, each prints a first-run link and both links work, whichever process is asked; consent posted to
 * both is recorded exactly once per post; a charter applied through one is served by the other (polled, no fixed
 * wait); a scheduled sweep that falls due runs once; a retention run started on both at once sweeps once; an access
 * request filed on one and verified on the other is dispatched once, mails one code and gets one package.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { createPostgresDatabase } from '../../test/support/database.js';
import { freePort } from '../../test/support/postgres-server.js';
import { spawnServe } from '../../test/support/serve-process.js';
import { postConsent } from '../../test/support/consent-post.js';
import { createApiToken } from '../accounts/tokens.js';
import { loadCharter } from '../charter/loader.js';
import { consentRevision } from '../charter/revision.js';
import type { Database } from '../database.js';
import { openDatabase, type OpenDatabase } from './db/database.js';

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const work = mkdtempSync(join(tmpdir(), 'charter-two-servers-'));
const charterFile = join(work, 'charter.yaml');
let databaseUrl: string;
/** A customer database declared as a store by the last test (both processes are given its URL as CRM_URL). */
let crmUrl: string;
let servers: Server[] = [];

async function startServer(port: number): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  const { child, output } = spawnServe(['--charter', charterFile, '--port', String(port)], {
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    RETENTION_SCHEDULE: '00:00',
    CRM_URL: crmUrl,
    CONSENT_RATE_LIMIT: '1000000',
    CHARTER_SECRET: 'two-servers-shared-secret',
  });
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output()}`);
    try {
      // Ready once it answers and has printed its first-run link.
      if ((await fetch(`${url}/readyz`)).ok && output().includes('first run')) return { child, url, output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${output()}`);
}

beforeAll(async () => {
  writeFileSync(charterFile, minimalCharterYaml);
  databaseUrl = await createPostgresDatabase();
  crmUrl = await createPostgresDatabase('crm');
  const crm = new pg.Client({ connectionString: crmUrl });
  await crm.connect();
  try {
    await crm.query(
      'create table customers (id integer primary key, email varchar(200), name varchar(200), contract_ended_at timestamptz null)',
    );
    await crm.query(`insert into customers values (1, 'ana@crm.example', 'Ana', null)`);
  } finally {
    await crm.end();
  }
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
      for (const server of servers)
        expect((await (await fetch(`${server.url}/api/v1/setup?token=${token}`)).json()).linkValid).toBe(true);
    }
  });

  it('records each consent posted to either process exactly once', async () => {
    const loaded = loadCharter(minimalCharterYaml);
    if (!loaded.ok) throw new Error('test charter invalid');
    const revision = consentRevision(loaded.charter, 'main');
    const visitors = Array.from({ length: 40 }, () => randomBytes(12).toString('base64url'));
    const receipts = await Promise.all(
      visitors.map(async (visitor, i) => {
        const response = await postConsent(servers[i % 2]!.url, {
          visitor,
          revision,
          method: 'accept-all',
          choices: { analytics: true },
        });
        expect(response.status).toBe(201);
        return ((await response.json()) as { receipt: string }).receipt;
      }),
    );
    await withTestco(async ({ db, across }) => {
      const rows = await across(() =>
        db
          .selectFrom('consent_records')
          .select(['receipt_id', 'visitor_id'])
          .where('visitor_id', 'in', visitors)
          .execute(),
      );
      expect(rows).toHaveLength(visitors.length);
      expect(new Set(rows.map((r) => r.receipt_id))).toEqual(new Set(receipts));
    });
  });

  it('serves a charter applied through one process from the other', async () => {
    const [a, b] = servers as [Server, Server];
    const token = await withTestco(({ token }) => token('two servers', ['charter:apply', 'charter:read']));
    await applyCharterAcross(
      a,
      b,
      token,
      minimalCharterYaml.replace('legalName: Testco BV', 'legalName: Testco Two BV'),
    );
  }, 60_000);

  it('runs a scheduled sweep that fell due once, though both processes tick', async () => {
    await withTestco(async ({ db, organisationId, across }) => {
      // The tickers give the organisation its schedule (RETENTION_SCHEDULE=00:00: next midnight); it is then made due.
      const schedule = await pollUntil(() =>
        across(() =>
          db
            .selectFrom('retention_schedules')
            .selectAll()
            .where('organisation_id', '=', organisationId)
            .executeTakeFirst(),
        ),
      );
      expect(new Date(schedule.next_run_at).getTime()).toBeGreaterThan(Date.now());
      // Every process enqueues the installation sweep of the day under one key, due at 00:00 today: it runs once.
      const today = new Date().toISOString().slice(0, 10);
      const installation = await pollUntil(async () => {
        const rows = await db
          .selectFrom('jobs')
          .select(['dedupe_key', 'run_at', 'status', 'attempts'])
          .where('queue', '=', 'retention.installation')
          .execute();
        return rows.some((row) => row.status === 'done') ? rows : undefined;
      });
      expect(installation).toEqual([
        { dedupe_key: today, run_at: new Date(`${today}T00:00:00.000Z`), status: 'done', attempts: 1 },
      ]);
      const dueAt = new Date(Date.now() - 60_000);
      await across(() =>
        db
          .updateTable('retention_schedules')
          .set({ next_run_at: dueAt })
          .where('organisation_id', '=', organisationId)
          .execute(),
      );
      const done = await pollUntil(async () => {
        const rows = await db
          .selectFrom('jobs')
          .select(['status', 'dedupe_key'])
          .where('queue', '=', 'retention.sweep')
          .execute();
        return rows.some((row) => row.status === 'done') ? rows : undefined;
      });
      expect(done).toEqual([{ status: 'done', dedupe_key: `${organisationId}:${dueAt.toISOString()}` }]);
      const runs = await across(() =>
        db
          .selectFrom('retention_runs')
          .select(['trigger', 'status'])
          .where('organisation_id', '=', organisationId)
          .where('trigger', '=', 'schedule')
          .execute(),
      );
      expect(runs).toEqual([{ trigger: 'schedule', status: 'completed' }]);
      // Advanced past now, so the next poll of either process enqueues nothing more.
      const after = await across(() =>
        db
          .selectFrom('retention_schedules')
          .select('next_run_at')
          .where('organisation_id', '=', organisationId)
          .executeTakeFirstOrThrow(),
      );
      expect(new Date(after.next_run_at).getTime()).toBeGreaterThan(Date.now());
    });
  }, 60_000);

  it('sweeps once when a retention run is started on both processes at once', async () => {
    await withTestco(async ({ db, organisationId, across, token: newToken }) => {
      const token = await newToken('two servers retention', ['retention:run', 'retention:read']);
      // Copies of mail older than the outbox's retention (P90D): Charter's own data, swept without approval.
      const old = new Date(Date.now() - 100 * 86_400_000);
      const ids = Array.from({ length: 5 }, () => randomUUID());
      await across(() =>
        db
          .insertInto('mail_outbox')
          .values(
            ids.map((id) => ({
              id,
              organisation_id: organisationId,
              created_at: old,
              recipient: 'x@testco.example',
              subject: 'old',
              text: 'old',
              html: null,
              template: 'test',
              headers: '{}',
              transport: 'outbox',
            })),
          )
          .execute(),
      );
      const before = await across(() =>
        db.selectFrom('retention_runs').select('id').where('organisation_id', '=', organisationId).execute(),
      );
      const started = await Promise.all(
        servers.map(async (server) => {
          const response = await fetch(`${server.url}/api/v1/retention/runs`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: '{}',
          });
          expect(response.status).toBe(202);
          return ((await response.json()) as { id: string }).id;
        }),
      );
      expect(started[0]).toBe(started[1]);
      const run = await pollUntil(async () => {
        const rows = await across(() =>
          db
            .selectFrom('retention_runs')
            .select(['id', 'status'])
            .where('organisation_id', '=', organisationId)
            .where('id', 'not in', before.length > 0 ? before.map((r) => r.id) : [randomUUID()])
            .execute(),
        );
        return rows.every((row) => !['counting', 'approved', 'running'].includes(row.status)) ? rows : undefined;
      });
      expect(run).toEqual([{ id: started[0], status: 'completed' }]);
      const report = (await (
        await fetch(`${servers[1]!.url}/api/v1/retention/runs/${started[0]}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { totals: { deleted: number } };
      expect(report.totals.deleted).toBe(ids.length);
      expect(await across(() => db.selectFrom('mail_outbox').select('id').where('id', 'in', ids).execute())).toEqual(
        [],
      );
      const audit = await across(() =>
        db
          .selectFrom('audit_entries')
          .select('action')
          .where('organisation_id', '=', organisationId)
          .where('target', '=', `retention-run:${started[0]}`)
          .execute(),
      );
      expect(audit.map((entry) => entry.action)).toEqual(['retention.run.completed']);
    });
  }, 60_000);

  it('does the background work of an access request once: one dispatch, one code mail, one package', async () => {
    const [a, b] = servers as [Server, Server];
    await withTestco(async ({ db, across, token: newToken, mails }) => {
      const token = await newToken('two servers requests', [
        'charter:apply',
        'charter:read',
        'requests:write',
        'requests:read',
      ]);
      const auth = { authorization: `Bearer ${token}` };
      await applyCharterAcross(a, b, token, minimalCharterYaml + crmStoreYaml);

      const filed = await fetch(`${a.url}/api/v1/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({
          site: 'main',
          type: 'access',
          channel: 'email',
          language: 'en',
          identity: { type: 'email', value: 'ana@crm.example' },
        }),
      });
      expect(filed.status).toBe(201);
      const { id } = (await filed.json()) as { id: string };
      const codeMails = () => mails('request.code');
      const [codeMail] = await pollUntil(async () => ((await codeMails()).length > 0 ? codeMails() : undefined));
      const secret = /\/privacy\/main\/link\/([A-Za-z0-9_-]+)/.exec(codeMail?.text ?? '')?.[1];
      expect(secret).toBeDefined();
      // The requester follows the mailed link; the other process answers it.
      const verified = await fetch(`${b.url}/privacy/main/link/${secret}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'lang=en',
        redirect: 'manual',
      });
      expect(verified.status).toBe(303);
      await pollUntil(async () => {
        const detail = (await (await fetch(`${a.url}/api/v1/requests/${id}`, { headers: auth })).json()) as {
          state: string;
        };
        return detail.state === 'completed' ? detail : undefined;
      });

      expect(await codeMails()).toHaveLength(1);
      const events = await across(() =>
        db.selectFrom('rights_events').select(['kind', 'to_state']).where('request_id', '=', id).execute(),
      );
      expect(events.filter((event) => event.to_state === 'awaiting-verification')).toHaveLength(1);
      expect(events.filter((event) => event.to_state === 'completed')).toHaveLength(1);
      const packages = await across(() =>
        db.selectFrom('rights_packages').select('id').where('request_id', '=', id).execute(),
      );
      expect(packages).toHaveLength(1);
      expect(await mails('request.package')).toHaveLength(1);
      // The officers are told of the arrival by a durable job either process may claim: once.
      const officerMails = () => mails('request.officer-received');
      await pollUntil(async () => ((await officerMails()).length > 0 ? true : undefined));
      expect(await officerMails()).toHaveLength(1);
    });
  }, 90_000);
});

/** The customer database as a store of the charter: Ana's email is the contact on file her code goes to. */
const crmStoreYaml = `stores:
  - id: crm
    kind: postgres
    connection: CRM_URL
    tables:
      - name: customers
        primaryKey: id
        purpose: orders
        anchor: contract_ended_at
        columns:
          - { name: email, category: contact.email, identity: email, erase: hash }
          - { name: name, category: identity.name, erase: redact }
`;

/** Polls `probe` until it gives a value (the test's timeout bounds the wait; no fixed sleep decides anything). */
async function pollUntil<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What a test reads and writes in the shared database, as the organisation `testco` the first run created. */
interface Testco {
  db: Kysely<Database>;
  organisationId: string;
  /** Runs a query outside any organisation scope (the test checks, it is not a request). */
  across: <T>(work: () => Promise<T>) => Promise<T>;
  /** A fresh API token of testco with these scopes. */
  token: (name: string, scopes: string[]) => Promise<string>;
  /** The mails of testco's outbox sent from this template. */
  mails: (template: string) => Promise<{ id: string; text: string }[]>;
}

/** Opens the shared database for one test, hands it `testco`, and closes it whatever the test does. */
async function withTestco<T>(work: (testco: Testco) => Promise<T>): Promise<T> {
  const database: OpenDatabase<Database> = await openDatabase<Database>({ url: databaseUrl, poolSize: 1 });
  try {
    const { db } = database;
    const { acrossOrganisations } = await import('./db/tenancy-guard.js');
    const across = <R>(query: () => Promise<R>) => acrossOrganisations('test check', query);
    const { id: organisationId } = await db
      .selectFrom('organisations')
      .select('id')
      .where('slug', '=', 'testco')
      .executeTakeFirstOrThrow();
    const token = async (name: string, scopes: string[]) =>
      (await createApiToken(db, { organisationId }, { name, scopes, actor: 'system' }, new Date())).token;
    const mails = (template: string) =>
      across(() =>
        db
          .selectFrom('mail_outbox')
          .select(['id', 'text'])
          .where('organisation_id', '=', organisationId)
          .where('template', '=', template)
          .execute(),
      );
    return await work({ db, organisationId, across, token, mails });
  } finally {
    await database.close();
  }
}

/** Applies `yaml` through process `a` and waits until process `b` serves it (polled, no fixed wait). */
async function applyCharterAcross(a: Server, b: Server, token: string, yaml: string): Promise<void> {
  const served = async () =>
    ((await (await fetch(`${b.url}/api/v1/charter?organisation=testco`)).json()) as { seq: number }).seq;
  const before = await served();
  const applied = await fetch(`${a.url}/api/v1/charter/revisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/yaml', authorization: `Bearer ${token}` },
    body: yaml,
  });
  expect(applied.status).toBeLessThan(300);
  await pollUntil(async () => ((await served()) > before ? true : undefined));
}
