/**
 * bench:retention — a retention run on the stores benchmark's company database (bench/stores-data.ts, ~11 rows per
 * customer) with about a million rows due, on PostgreSQL and MariaDB: rows deleted and anonymised per second, and the
 * latency of a concurrent read/write workload on the same tables before and during the sweep (p50/p99/max), plus
 * the longest lock wait observed in the database while the sweep runs. Prints figures; asserts nothing.
 *
 *   npm run bench:retention                          # 1,000,000 customers, both databases
 *   BENCH_CUSTOMERS=50000 npm run bench:retention    # a quick run
 *   BENCH_DATABASES=postgres BENCH_BATCH=5000 BENCH_CLIENTS=4 BENCH_BASELINE_SECONDS=15
 *
 * Rules (the bench's own purposes on the company store): log entries 6 months (delete), newsletter subscriptions 3
 * years after the last contact (delete), event registrations 2 years (delete), support tickets 1 year (anonymise:
 * email hashed, subject and body redacted). Customers, orders and invoices are left ungoverned here (their
 * children keep them; bench:stores covers erasure through references).
 */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { ensureOrganisation } from '../src/accounts/organisations.js';
import { loadCharter } from '../src/charter/loader.js';
import { applyCharter } from '../src/charter/repository.js';
import type { Charter, Store } from '../src/charter/schema.js';
import { migrations, type Database } from '../src/database.js';
import { readConfig } from '../src/platform/config.js';
import { migrate, openDatabase } from '../src/platform/db/database.js';
import type { SqlDriver } from '../src/stores/sql/driver.js';
import { createMysqlDriver } from '../src/stores/sql/mysql.js';
import { createPostgresDriver } from '../src/stores/sql/postgres.js';
import { composeRetention } from '../src/retention/deps.js';
import { computePlan } from '../src/retention/plan.js';
import { runRetention } from '../src/retention/sweep.js';
import { minimalCharterYaml } from '../test/support/charter.js';
import { startMariaDb } from '../test/support/mariadb-server.js';
import { startPostgres } from '../test/support/postgres-server.js';
import { benchStore, generateCompanyDatabase } from './stores-data.js';

const env = process.env;
const customers = Number(env.BENCH_CUSTOMERS ?? 1_000_000);
const databases = (env.BENCH_DATABASES ?? 'postgres,mariadb').split(',').map((d) => d.trim());
const batchSize = Number(env.BENCH_BATCH ?? 5000);
const clients = Number(env.BENCH_CLIENTS ?? 4);
const baselineSeconds = Number(env.BENCH_BASELINE_SECONDS ?? 15);

const log = (text: string) => process.stdout.write(`${text}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

function benchCharter(kind: 'postgres' | 'mysql'): Charter {
  const purposes = `
  - id: security
    name: Security logs
    description: We log sign-ins to detect abuse.
    legalBasis: legitimate-interests
    legitimateInterest: Protecting accounts.
    subjects: [customer]
    data: [online.ip-address, online.user-agent, online.log-file]
    retention: { duration: P6M, from: collection, action: delete }
  - id: newsletter
    name: Newsletter
    description: Our newsletter.
    legalBasis: consent
    subjects: [customer]
    data: [contact.email, identity.name]
    consent: { text: Send me the newsletter. }
    retention: { duration: P3Y, from: last-contact, action: delete }
  - id: events
    name: Events
    description: Registrations for our events.
    legalBasis: contract
    subjects: [customer]
    data: [contact.email, identity.name]
    retention: { duration: P2Y, from: collection, action: delete }
  - id: support
    name: Support
    description: We answer support tickets.
    legalBasis: contract
    subjects: [customer]
    data: [contact.email, communication.support-ticket]
    retention: { duration: P1Y, from: receipt, action: anonymise }`;
  const loaded = loadCharter(minimalCharterYaml.replace('purposes:\n', `purposes:${purposes}\n`), 'bench-charter.yaml');
  if (!loaded.ok) throw new Error(`bench charter invalid: ${JSON.stringify(loaded.problems)}`);
  const store: Store = benchStore(kind);
  // Parents stay out of this benchmark: their children (addresses, consents…) keep them anyway.
  for (const table of store.tables) {
    if (['customers', 'orders', 'invoices'].includes(table.name)) {
      table.purpose = undefined;
      table.anchor = undefined;
    }
  }
  return { ...loaded.charter, stores: [store], holds: [{ id: 'vat-invoices', reason: 'VAT', law: 'Belgian VAT Code, art. 60', duration: 'P10Y' }] };
}

// ---------------------------------------------------------------------------------------------------------------
// The concurrent workload: reads and writes on the swept tables, from a separate pool.

interface Workload {
  stop(): Promise<{ reads: number[]; writes: number[]; errors: number }>;
}

type Exec = (text: string, params: unknown[]) => Promise<unknown>;

function startWorkload(exec: Exec, kind: 'postgres' | 'mysql', seed: number): Workload {
  let running = true;
  const reads: number[] = [];
  const writes: number[] = [];
  let errors = 0;
  let nextLogId = 900_000_000 + seed * 1_000_000;
  const p = (i: number) => (kind === 'postgres' ? `$${i}` : '?');
  const random = (n: number) => 1 + Math.floor(Math.random() * n);
  const operations: { write: boolean; run: () => Promise<unknown> }[] = [
    { write: false, run: () => exec(`select id, at, ip from log_entries where customer_id = ${p(1)}`, [random(customers)]) },
    { write: false, run: () => exec(`select id, email from newsletter_subscriptions where email = ${p(1)}`, [`c${random(customers) * 2}@example.be`]) },
    { write: false, run: () => exec(`select id, subject from support_tickets where id = ${p(1)}`, [random(customers / 2)]) },
    {
      write: true,
      run: () => exec(`insert into log_entries (id, customer_id, at, ip, user_agent, action) values (${p(1)}, ${p(2)}, ${kind === 'postgres' ? 'now()' : 'now()'}, '10.9.9.9', 'bench', 'login')`, [nextLogId++, random(customers)]),
    },
    { write: true, run: () => exec(`update event_registrations set event_code = 'EV-MOVED' where id = ${p(1)}`, [random(customers / 2)]) },
  ];
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      const operation = operations[Math.floor(Math.random() * operations.length)];
      if (!operation) continue;
      const started = performance.now();
      try {
        await operation.run();
        (operation.write ? writes : reads).push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return { reads, writes, errors };
    },
  };
}

/** Polls the database for the longest current lock wait; returns the maximum seen and the statement that waited. */
function watchLockWaits(query: () => Promise<LockWait>): { stop(): Promise<LockWait> } {
  let running = true;
  let max: LockWait = { ms: 0, statement: '' };
  const loop = (async () => {
    while (running) {
      try {
        const seen = await query();
        if (seen.ms > max.ms) max = seen;
      } catch {
        // a failed poll is skipped
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return max;
    },
  };
}

interface LockWait {
  ms: number;
  /** The start of the waiting statement (parameters are placeholders: no data). */
  statement: string;
}

/** The largest value (a loop: spreading a million values into Math.max overflows the stack). */
function maximum(values: number[]): number {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  return max;
}

function latencyLine(label: string, values: number[]): string {
  if (values.length === 0) return `${label}: no operations`;
  return `${label}: ${fmt(values.length)} ops, p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms, max ${maximum(values).toFixed(1)} ms`;
}

// ---------------------------------------------------------------------------------------------------------------

async function benchOne(kind: 'postgres' | 'mysql', storeUrl: string, driver: SqlDriver, exec: Exec, lockWait: () => Promise<LockWait>) {
  log(`  generating ${fmt(customers)} customers…`);
  const counts = await generateCompanyDatabase(driver, { customers, heavyRows: 0, log });
  log(`  rows: ${fmt(Object.values(counts).reduce((a, b) => a + b, 0))} (${Object.entries(counts).map(([t, n]) => `${t} ${fmt(n)}`).join(', ')})`);
  // Retention finds due rows by their anchor: the organisation indexes its anchor columns.
  for (const [table, column] of [['log_entries', 'at'], ['newsletter_subscriptions', 'last_contact_at'], ['event_registrations', 'registered_at'], ['support_tickets', 'received_at']] as const) {
    await driver.query(`create index ${table}_${column}_anchor on ${table} (${column})`);
  }
  if (kind === 'postgres') await driver.query('analyze');

  const charterDb = await openDatabase<Database>({ dataDir: 'memory://' });
  await migrate(charterDb.db, migrations);
  const charter = benchCharter(kind);
  const organisation = await ensureOrganisation(charterDb.db, charter.organisation.id, charter.organisation.legalName);
  const scope = { organisationId: organisation.id };
  await applyCharter(charterDb.db, scope, { charter, source: '', format: 'json', actor: 'system' });
  const deps = composeRetention({
    db: charterDb.db,
    dbKind: charterDb.kind,
    config: readConfig({ RETENTION_MAIL_OUTBOX: 'forever' }),
    env: { COMPANY_DATABASE_URL: storeUrl, CHARTER_HASH_KEY: randomBytes(24).toString('hex') },
    clock: () => new Date(),
  });

  const planStarted = performance.now();
  const plan = await computePlan(deps, scope, charter, new Date());
  log(`  plan: ${fmt(plan.totals.dueNow)} rows due now (${plan.rules.filter((r) => r.dueNow > 0).map((r) => `${r.table} ${fmt(r.dueNow)}`).join(', ')}), computed in ${((performance.now() - planStarted) / 1000).toFixed(1)} s`);

  log(`  baseline workload: ${clients} clients for ${baselineSeconds} s…`);
  const baseline = startWorkload(exec, kind, 1);
  await new Promise((resolve) => setTimeout(resolve, baselineSeconds * 1000));
  const before = await baseline.stop();

  log(`  sweeping (batches of ${fmt(batchSize)}) with the workload running…`);
  const during = startWorkload(exec, kind, 2);
  const locks = watchLockWaits(lockWait);
  const started = performance.now();
  const { run } = await runRetention(deps, scope, { trigger: 'cli', actor: 'bench', approve: true, batchSize, maxShare: 1 });
  const wall = (performance.now() - started) / 1000;
  const maxLockWait = await locks.stop();
  const after = await during.stop();
  await charterDb.close();

  if (!run) throw new Error('no run');
  const steps = run.steps.filter((s) => s.store === 'company');
  for (const step of steps) {
    const seconds = (step.durationMs ?? 0) / 1000;
    const rows = step.deleted + step.anonymised;
    log(`    ${step.table.padEnd(26)} ${step.action.padEnd(9)} ${fmt(rows).padStart(9)} rows in ${seconds.toFixed(1).padStart(6)} s = ${fmt(rows / Math.max(seconds, 0.001)).padStart(9)} rows/s  (${step.batches} batches, ${step.status})`);
  }
  const deleteSteps = steps.filter((s) => s.action === 'delete');
  const anonymiseSteps = steps.filter((s) => s.action === 'anonymise');
  const rate = (list: typeof steps, f: (s: (typeof steps)[number]) => number) =>
    list.reduce((n, s) => n + f(s), 0) / Math.max(0.001, list.reduce((n, s) => n + (s.durationMs ?? 0), 0) / 1000);
  log(`  run ${run.status}: ${fmt(run.totals.deleted)} deleted, ${fmt(run.totals.anonymised)} anonymised in ${wall.toFixed(1)} s wall (counting and checks included)`);
  log(`  deleted:    ${fmt(rate(deleteSteps, (s) => s.deleted))} rows/s`);
  log(`  anonymised: ${fmt(rate(anonymiseSteps, (s) => s.anonymised))} rows/s`);
  log(`  overall:    ${fmt((run.totals.deleted + run.totals.anonymised) / wall)} rows/s end to end`);
  log(`  workload before the sweep  ${latencyLine('reads', before.reads)}; ${latencyLine('writes', before.writes)}; errors ${before.errors}`);
  log(`  workload during the sweep  ${latencyLine('reads', after.reads)}; ${latencyLine('writes', after.writes)}; errors ${after.errors}`);
  const all = (w: typeof before) => [...w.reads, ...w.writes];
  const p99Before = percentile(all(before), 99);
  const p99During = percentile(all(after), 99);
  log(`  p99 all operations: ${p99Before.toFixed(1)} ms before, ${p99During.toFixed(1)} ms during (${(p99During / Math.max(p99Before, 0.001)).toFixed(2)}×; target ≤ 2×)`);
  log(`  longest lock wait seen in the database during the sweep: ${maxLockWait.ms.toFixed(0)} ms (target < 1000 ms)${maxLockWait.statement ? `, by: ${maxLockWait.statement}` : ''}; longest workload operation: ${maximum(all(after)).toFixed(0)} ms`);
}

async function main() {
  log(`bench:retention — ${fmt(customers)} customers, batches of ${fmt(batchSize)}, ${clients} workload clients`);
  if (databases.includes('postgres')) {
    log('\nPostgreSQL (default settings, fsync on)');
    const server = await startPostgres({});
    try {
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      await admin.query('create database company');
      await admin.end();
      const url = server.url.replace(/\/postgres$/, '/company');
      const driver = createPostgresDriver(url, { poolSize: 2 });
      const pool = new pg.Pool({ connectionString: url, max: clients });
      const monitor = new pg.Pool({ connectionString: url, max: 1 });
      try {
        await benchOne(
          'postgres',
          url,
          driver,
          (text, params) => pool.query(text, params),
          async () => {
            // pg_locks.waitstart: when the backend began to wait for this lock (PostgreSQL 14+).
            const { rows } = await monitor.query<{ ms: number | null; statement: string | null }>(
              `select extract(epoch from clock_timestamp() - l.waitstart) * 1000 as ms, left(a.query, 80) as statement
                 from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where not l.granted and l.waitstart is not null
                order by l.waitstart limit 1`,
            );
            return { ms: Number(rows[0]?.ms ?? 0), statement: rows[0]?.statement ?? '' };
          },
        );
      } finally {
        await Promise.allSettled([driver.close(), pool.end(), monitor.end()]);
      }
    } finally {
      server.stop();
    }
  }
  if (databases.includes('mariadb')) {
    log('\nMariaDB (InnoDB, 1 GB buffer pool, innodb_flush_log_at_trx_commit=2)');
    const server = await startMariaDb({ bufferPool: '1G' });
    try {
      const admin = await mysql.createConnection({ uri: server.url });
      await admin.query('create database company character set utf8mb4');
      await admin.end();
      const url = `${server.url}company`;
      const driver = createMysqlDriver(url, { poolSize: 2 });
      const pool = mysql.createPool({ uri: url, connectionLimit: clients });
      const monitor = mysql.createPool({ uri: url, connectionLimit: 1 });
      try {
        await benchOne(
          'mysql',
          url,
          driver,
          (text, params) => pool.query(text, params),
          async () => {
            const [rows] = await monitor.query(
              `select timestampdiff(microsecond, trx_wait_started, now(6)) / 1000 as ms, left(trx_query, 80) as statement
                 from information_schema.innodb_trx where trx_state = 'LOCK WAIT' order by trx_wait_started limit 1`,
            );
            const row = (rows as { ms: number | null; statement: string | null }[])[0];
            return { ms: Number(row?.ms ?? 0), statement: row?.statement ?? '' };
          },
        );
      } finally {
        await Promise.allSettled([driver.close(), pool.end(), monitor.end()]);
      }
    } finally {
      server.stop();
    }
  }
}

await main();
