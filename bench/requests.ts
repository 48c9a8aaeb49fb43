/**
 * bench:requests — data-subject requests end to end on the stores benchmark's company database (bench/stores-data.ts):
 * for 200 random customers each, the time from "verified" to "package ready" for access (collect from the store,
 * build the ZIP with report, JSON and CSV, store it, mail the link) and from "verified" to "erased" for erasure
 * (grace period skipped by moving the clock; the engine erases, holds kept, result recorded, requester mailed), with
 * 20 requests in parallel; for access also the whole request, from submission to package ready. Charter's own database
 * is a real PostgreSQL too. Prints figures; asserts nothing.
 *
 *   npm run bench:requests                          # 1,000,000 customers (~11 million rows)
 *   BENCH_CUSTOMERS=50000 npm run bench:requests    # a quick run
 *   BENCH_REQUESTS=200 BENCH_PARALLEL=20 BENCH_SEQUENTIAL=20 BENCH_DATABASES=postgres,mariadb
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ensureOrganisation } from '../src/accounts/organisations.js';
import type { AppContext } from '../src/platform/app-context.js';
import { applyCharter } from '../src/charter/repository.js';
import type { Charter, Purpose } from '../src/charter/schema.js';
import { migrations, type Database } from '../src/database.js';
import { readConfig } from '../src/platform/config.js';
import { migrate, openDatabase } from '../src/platform/db/database.js';
import { createLogger } from '../src/platform/logger.js';
import { createMailer, type Mailer } from '../src/platform/mail.js';
import { advance } from '../src/rights/fulfilment.js';
import { confirm, submit, verifyCode } from '../src/rights/intake.js';
import { createRightsContext } from '../src/rights/register.js';
import { findRequest } from '../src/rights/repository.js';
import { createMysqlDriver } from '../src/stores/sql/mysql.js';
import { createPostgresDriver } from '../src/stores/sql/postgres.js';
import { buildCharter } from '../test/support/charter.js';
import { startMariaDb } from '../test/support/mariadb-server.js';
import { startPostgres } from '../test/support/postgres-server.js';
import { benchEmail, benchStore, createCompanyDatabase, generateCompanyDatabase } from './stores-data.js';
import { ms, mulberry32, percentile } from './stats.js';
import { defaultText } from '../src/charter/localized.js';
import { writeFileSync } from 'node:fs';
import { traceRoundTrips, type RoundTrips } from './round-trips.js';

const env = process.env;
const customers = Number(env.BENCH_CUSTOMERS ?? 1_000_000);
const requests = Number(env.BENCH_REQUESTS ?? 200);
const parallel = Number(env.BENCH_PARALLEL ?? 20);
/** Requests of each kind run one at a time afterwards: the latency without queueing, to read the parallel figures by. */
const sequential = Number(env.BENCH_SEQUENTIAL ?? 20);
const databases = (env.BENCH_DATABASES ?? 'postgres').split(',').map((d) => d.trim());
/** BENCH_TRACE=1: count the statements each one-at-a-time request sends to Charter's database and to the store. */
const trips: RoundTrips | undefined = env.BENCH_TRACE ? traceRoundTrips() : undefined;

/** Statements and time waiting on each database per request of a one-at-a-time round (BENCH_TRACE only). */
function reportTrips(label: string, perRequest: { counts: Map<string, number>; waited: Map<string, number> }[]) {
  const names = [...new Set(perRequest.flatMap((r) => [...r.counts.keys()]))];
  for (const name of names) {
    const counts = perRequest.map((r) => r.counts.get(name) ?? 0);
    const waited = perRequest.map((r) => r.waited.get(name) ?? 0);
    console.log(
      `    ${label}, database ${name}: ${Math.min(...counts)}–${Math.max(...counts)} statements per request, waiting p50 ${ms(percentile(waited, 50))}`,
    );
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await work(item);
      }
    }),
  );
}

function purpose(id: string, legalBasis: Purpose['legalBasis'], data: string[], extra: Partial<Purpose> = {}): Purpose {
  return {
    id,
    name: { en: id, nl: id },
    description: { en: `We process data for ${id}.`, nl: `We verwerken gegevens voor ${id}.` },
    legalBasis,
    subjects: ['customer'],
    data,
    recipients: [],
    source: { kind: 'subject' },
    requirement: { kind: 'none' },
    automatedDecisions: { exists: false },
    directMarketing: false,
    retention: { duration: 'P5Y', from: 'collection', action: 'delete', renewableByConsent: false, holds: [] },
    ...(legalBasis === 'legitimate-interests' ? { legitimateInterest: { en: 'Running our business.' } } : {}),
    ...extra,
  };
}

function benchCharter(kind: 'postgres' | 'mysql'): Charter {
  return buildCharter((charter) => {
    charter.purposes = [
      purpose('customers', 'contract', ['contact.email', 'identity.name', 'contact.phone'], { recipients: ['mailer'] }),
      purpose('invoicing', 'legal-obligation', ['financial.invoice', 'identity.name'], {
        legalObligation: { en: 'Belgian VAT Code' },
      }),
      purpose('newsletter', 'consent', ['contact.email'], {
        consent: { text: { en: 'Send me news.' }, doubleOptIn: true, parental: false },
        directMarketing: true,
      }),
      purpose('events', 'contract', ['contact.email', 'identity.name']),
      purpose('support', 'legitimate-interests', ['contact.email', 'communication.support-ticket']),
      purpose('security', 'legitimate-interests', ['online.ip-address', 'online.user-agent']),
    ];
    charter.holds = [
      {
        id: 'vat-invoices',
        reason: { en: 'Invoices are kept for the tax authorities.' },
        law: 'Belgian VAT Code, art. 60',
        duration: 'P10Y',
      },
    ];
    charter.stores = [benchStore(kind)];
    charter.rights.identities = ['email', 'customer-number'];
  });
}

interface Sample {
  ms: number;
  rows: number;
  bytes: number;
}

function report(label: string, samples: Sample[], wall: number, limit: number, cpu?: NodeJS.CpuUsage) {
  const times = samples.map((s) => s.ms);
  const rows = samples.map((s) => s.rows);
  console.log(
    `  ${label}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))} over ${samples.length} requests, ${limit} in parallel`,
  );
  console.log(
    `    rows per request ${Math.min(...rows)}–${Math.max(...rows)}; ${(samples.length / (wall / 1000)).toFixed(1)} requests/s${samples[0]?.bytes ? `; package ${Math.min(...samples.map((s) => s.bytes))}–${Math.max(...samples.map((s) => s.bytes))} bytes` : ''}`,
  );
  // Charter's own CPU (this process: intake, engine, package, mails) per request of the round, the databases apart.
  if (cpu)
    console.log(
      `    Charter process CPU ${((cpu.user + cpu.system) / 1000 / samples.length).toFixed(1)} ms per request (${(((cpu.user + cpu.system) / 1000 / wall) * 100).toFixed(0)} % of one core over the round)`,
    );
}

/**
 * The whole access request too, from submission to package ready (the code typed included). Every worker of the loop
 * files, verifies and waits for its package, so a change can move time from one phase to another; the measured phase
 * alone would show that as a gain or a loss.
 */
function reportEndToEnd(times: number[]) {
  console.log(
    `    end to end (submitted → package ready): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`,
  );
}

async function run(kind: 'postgres' | 'mysql', companyUrl: string, charterUrl: string) {
  process.env.COMPANY_DATABASE_URL = companyUrl;
  const database = await openDatabase<Database>({ url: charterUrl, poolSize: 40 });
  await migrate(database.db, migrations);
  const charter = benchCharter(kind);
  const organisation = await ensureOrganisation(
    database.db,
    charter.organisation.id,
    defaultText(charter.organisation.legalName, charter),
  );
  const scope = { organisationId: organisation.id };
  await applyCharter(database.db, scope, { charter, source: 'bench', format: 'json', actor: 'system' });

  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  const logger = createLogger('silent');
  const config = readConfig({
    LOG_LEVEL: 'silent',
    CHARTER_SECRET: 'bench-secret-bench-secret',
    PUBLIC_URL: 'https://charter.example',
  });
  // The outbox mailer (no SMTP here), with the codes read back the way a person reads their mail.
  const outbox = createMailer({ db: database.db, logger, from: config.MAIL_FROM });
  const codes = new Map<string, string>();
  const mailer: Mailer = {
    async send(message) {
      const code = /\b(\d{4}) (\d{4})\b/.exec(message.text);
      if (message.template === 'request.code' && code) codes.set(message.to, `${code[1]}${code[2]}`);
      return outbox.send(message);
    },
  };
  const app: AppContext = { db: database.db, dbKind: database.kind, config, logger, clock, mailer };
  const context = createRightsContext(app);

  const random = mulberry32(kind === 'postgres' ? 42 : 43);
  const picked = new Set<number>();
  while (picked.size < (requests + sequential) * 2) picked.add(2 + Math.floor(random() * (customers - 1)));
  const ids = [...picked];
  const accessSubjects = ids.slice(0, requests);
  const erasureSubjects = ids.slice(requests, requests * 2);
  const sequentialAccess = ids.slice(requests * 2, requests * 2 + sequential);
  const sequentialErasure = ids.slice(requests * 2 + sequential);

  /** Intake and verification of one request (not measured): submit, the background lookup and code, the code typed. */
  async function verified(type: 'access' | 'erasure', customer: number) {
    const email = benchEmail(customer);
    const { request } = await submit(context, scope, {
      site: 'main',
      type,
      channel: 'api',
      identity: { type: 'email', value: email },
      details: {},
      actor: 'bench',
    });
    await context.settled(`dispatch ${request.id}`);
    const code = codes.get(email);
    if (!code) throw new Error(`no code for customer ${customer}`);
    return { id: request.id, outcome: await verifyCode(context, scope, request.id, code) };
  }

  console.log(`\n${kind === 'postgres' ? 'PostgreSQL' : 'MariaDB'} store, Charter on PostgreSQL:`);
  async function accessRound(
    subjects: number[],
    limit: number,
  ): Promise<{ samples: Sample[]; wall: number; cpu: NodeJS.CpuUsage; endToEnd: number[] }> {
    const samples: Sample[] = [];
    const endToEnd: number[] = [];
    const traced: ReturnType<typeof snapshot>[] = [];
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await pool(subjects, limit, async (customer) => {
      const submitted = performance.now();
      const { id, outcome } = await verified('access', customer);
      if (outcome !== 'verified') throw new Error(`access ${customer}: ${outcome}`);
      if (limit === 1) trips?.reset();
      const begin = performance.now();
      await context.settled(`advance ${id}`);
      const elapsed = performance.now() - begin;
      endToEnd.push(performance.now() - submitted);
      if (limit === 1 && trips) traced.push(snapshot(trips, `access-${traced.length}`));
      const done = await findRequest(database.db, scope, id);
      if (done?.state !== 'completed') throw new Error(`access ${customer} ended ${done?.state}: ${done?.lastError}`);
      const result = done.result as { tables: Record<string, number>; package: { size: number } };
      samples.push({
        ms: elapsed,
        rows: Object.values(result.tables).reduce((a, b) => a + b, 0),
        bytes: result.package.size,
      });
    });
    if (traced.length) reportTrips('access', traced);
    return { samples, wall: performance.now() - started, cpu: process.cpuUsage(cpuBefore), endToEnd };
  }

  async function erasureRound(
    subjects: number[],
    limit: number,
  ): Promise<{ samples: Sample[]; wall: number; cpu: NodeJS.CpuUsage }> {
    const prepared: string[] = [];
    offset = 0;
    await pool(subjects, limit, async (customer) => {
      const { id, outcome } = await verified('erasure', customer);
      if (outcome !== 'confirm' || !(await confirm(context, scope, id)))
        throw new Error(`erasure ${customer}: not confirmed`);
      prepared.push(id);
    });
    await context.idle();
    offset = 8 * 86_400_000; // past the grace period
    const samples: Sample[] = [];
    const traced: ReturnType<typeof snapshot>[] = [];
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await pool(prepared, limit, async (id) => {
      if (limit === 1) trips?.reset();
      const begin = performance.now();
      await advance(context, scope, id);
      const elapsed = performance.now() - begin;
      if (limit === 1 && trips) traced.push(snapshot(trips, `erasure-${traced.length}`));
      const done = await findRequest(database.db, scope, id);
      if (done?.state !== 'completed') throw new Error(`erasure ${id} ended ${done?.state}: ${done?.lastError}`);
      const summary = (done.result as { erasure: { erased: { rows: number }[]; kept: { rows: number }[] } }).erasure;
      samples.push({
        ms: elapsed,
        rows: summary.erased.reduce((a, e) => a + e.rows, 0) + summary.kept.reduce((a, k) => a + k.rows, 0),
        bytes: 0,
      });
    });
    if (traced.length) reportTrips('erasure', traced);
    return { samples, wall: performance.now() - started, cpu: process.cpuUsage(cpuBefore) };
  }

  const access = await accessRound(accessSubjects, parallel);
  report('access, verified → package ready', access.samples, access.wall, parallel, access.cpu);
  reportEndToEnd(access.endToEnd);
  const erasure = await erasureRound(erasureSubjects, parallel);
  report('erasure, verified → erased (grace skipped)', erasure.samples, erasure.wall, parallel, erasure.cpu);
  if (sequential > 0) {
    const a = await accessRound(sequentialAccess, 1);
    report('access, one at a time', a.samples, a.wall, 1, a.cpu);
    reportEndToEnd(a.endToEnd);
    const e = await erasureRound(sequentialErasure, 1);
    report('erasure, one at a time', e.samples, e.wall, 1, e.cpu);
  }
  await context.idle();
  await context.deps.stores.close();
  await database.close();
}

/** Copies the counters of one traced request; the first of each kind also goes to BENCH_TRACE_DIR as statement shapes. */
function snapshot(trips: RoundTrips, name: string) {
  const dir = env.BENCH_TRACE_DIR;
  if (dir && name.endsWith('-0'))
    writeFileSync(
      `${dir}/${name}.txt`,
      [...trips.shapes].map(([db, list]) => `## ${db} (${list.length})\n${list.join('\n')}`).join('\n\n'),
    );
  return { counts: new Map(trips.counts), waited: new Map(trips.waited) };
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

async function main() {
  console.log(
    `bench:requests — ${customers.toLocaleString('en')} customers, ${requests} access + ${requests} erasure requests, ${parallel} in parallel`,
  );
  const postgres = await startPostgres({ maxConnections: 300 });
  try {
    for (const name of databases) {
      const charterUrl = await createDatabase(postgres.url, `charter_${name}`);
      let started = performance.now();
      if (name === 'postgres') {
        const companyUrl = await createDatabase(postgres.url, 'company');
        const driver = createPostgresDriver(companyUrl);
        await generateCompanyDatabase(driver, { customers, heavyRows: 0 });
        await driver.close();
        console.log(
          `generated the company database on PostgreSQL in ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
        await run('postgres', companyUrl, charterUrl);
      } else if (name === 'mariadb') {
        const mariadb = await startMariaDb({ bufferPool: '1G' });
        try {
          const companyUrl = await createCompanyDatabase('mysql', mariadb.url, { charset: 'utf8mb4' });
          started = performance.now();
          const driver = createMysqlDriver(companyUrl);
          await generateCompanyDatabase(driver, { customers, heavyRows: 0 });
          await driver.close();
          console.log(
            `generated the company database on MariaDB in ${((performance.now() - started) / 1000).toFixed(0)} s`,
          );
          await run('mysql', companyUrl, charterUrl);
        } finally {
          mariadb.stop();
        }
      }
    }
  } finally {
    postgres.stop();
  }
}

await main();
