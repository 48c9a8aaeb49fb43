/**
 * bench:retention — a retention run on the stores benchmark's company database (bench/stores-data.ts, ~11 rows per
 * customer) with about a million rows due, on PostgreSQL and MariaDB: rows deleted and anonymised per second, and the
 * latency of a concurrent read/write workload on the same tables before and during the sweep (p50/p99/max; the
 * workload runs in a process of its own at a fixed rate, bench/retention-workload.ts), plus the longest lock wait
 * observed in the database while the sweep runs. Prints figures; asserts nothing.
 *
 *   npm run bench:retention                          # 1,000,000 customers, both databases
 *   BENCH_CUSTOMERS=50000 npm run bench:retention    # a quick run
 *   BENCH_DATABASES=postgres BENCH_BATCH=5000 BENCH_RATE=500 BENCH_CLIENTS=4 BENCH_BASELINE_SECONDS=15
 *
 * Rules (the bench's own purposes on the company store): log entries 6 months (delete), newsletter subscriptions 3
 * years after the last contact (delete), event registrations 2 years (delete), support tickets 1 year (anonymise:
 * email hashed, subject and body redacted). Customers, orders and invoices are left ungoverned here (their
 * children keep them; bench:stores covers erasure through references).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { ensureOrganisation } from '../src/accounts/organisations.js';
import { loadCharter } from '../src/charter/loader.js';
import { applyCharter } from '../src/charter/repository.js';
import type { Charter, Store } from '../src/charter/schema.js';
import { migrations, type Database } from '../src/database.js';
import { readConfig } from '../src/platform/config.js';
import { projectFile } from '../src/platform/project.js';
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
import { benchStore, createCompanyDatabase, generateCompanyDatabase } from './stores-data.js';
import { defaultText } from '../src/charter/localized.js';

const env = process.env;
const customers = Number(env.BENCH_CUSTOMERS ?? 1_000_000);
const databases = (env.BENCH_DATABASES ?? 'postgres,mariadb').split(',').map((d) => d.trim());
const batchSize = Number(env.BENCH_BATCH ?? 5000);
const clients = Number(env.BENCH_CLIENTS ?? 4);
const opsPerSecond = Number(env.BENCH_RATE ?? 500);
const baselineSeconds = Number(env.BENCH_BASELINE_SECONDS ?? 15);

const log = (text: string) => process.stdout.write(`${text}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

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
  return {
    ...loaded.charter,
    stores: [store],
    holds: [{ id: 'vat-invoices', reason: 'VAT', law: 'Belgian VAT Code, art. 60', duration: 'P10Y' }],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The concurrent workload: reads and writes on the swept tables at a fixed rate, from a process of its own.

interface Latencies {
  count: number;
  p50: number;
  p99: number;
  max: number;
}
interface WorkloadSummary {
  reads: Latencies;
  writes: Latencies;
  all: Latencies;
  errors: number;
  seconds: number;
}

function startWorkload(kind: 'postgres' | 'mysql', url: string, seed: number): { stop(): Promise<WorkloadSummary> } {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      projectFile('bench/retention-workload.ts'),
      kind,
      url,
      String(customers),
      String(opsPerSecond),
      String(clients),
      String(seed),
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async stop() {
      child.stdin.end();
      await exited;
      const line = out.trim().split('\n').at(-1) ?? '';
      if (!line.startsWith('{')) throw new Error('the workload process printed no summary');
      return JSON.parse(line) as WorkloadSummary;
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

function latencyLine(label: string, l: Latencies): string {
  if (l.count === 0) return `${label}: no operations`;
  return `${label}: ${fmt(l.count)} ops, p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(1)} ms`;
}

// ---------------------------------------------------------------------------------------------------------------

async function benchOne(
  kind: 'postgres' | 'mysql',
  storeUrl: string,
  driver: SqlDriver,
  lockWait: () => Promise<LockWait>,
) {
  log(`  generating ${fmt(customers)} customers…`);
  const counts = await generateCompanyDatabase(driver, { customers, heavyRows: 0, log });
  log(
    `  rows: ${fmt(Object.values(counts).reduce((a, b) => a + b, 0))} (${Object.entries(counts)
      .map(([t, n]) => `${t} ${fmt(n)}`)
      .join(', ')})`,
  );
  // Retention finds due rows by their anchor: the organisation indexes its anchor columns.
  for (const [table, column] of [
    ['log_entries', 'at'],
    ['newsletter_subscriptions', 'last_contact_at'],
    ['event_registrations', 'registered_at'],
    ['support_tickets', 'received_at'],
  ] as const) {
    await driver.query(`create index ${table}_${column}_anchor on ${table} (${column})`);
  }
  // A database in use is not one just bulk-loaded: vacuum (visibility map, hint bits, statistics) and a checkpoint
  // now, so neither autovacuum nor the checkpointer catching up on the load runs during the measurements.
  if (kind === 'postgres') {
    await driver.query('vacuum analyze');
    await driver.query('checkpoint');
  } else {
    // InnoDB: the pages the load dirtied are written out before measuring (at most a minute).
    await driver.query('set global innodb_max_dirty_pages_pct = 0');
    for (let i = 0; i < 120; i++) {
      const { rows } = await driver.query("show global status like 'Innodb_buffer_pool_pages_dirty'");
      if (Number(rows[0]?.Value ?? 0) < 100) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await driver.query('set global innodb_max_dirty_pages_pct = 90');
  }

  const charterDb = await openDatabase<Database>({ dataDir: 'memory://' });
  await migrate(charterDb.db, migrations);
  const charter = benchCharter(kind);
  const organisation = await ensureOrganisation(
    charterDb.db,
    charter.organisation.id,
    defaultText(charter.organisation.legalName, charter),
  );
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
  log(
    `  plan: ${fmt(plan.totals.dueNow)} rows due now (${plan.rules
      .filter((r) => r.dueNow > 0)
      .map((r) => `${r.table} ${fmt(r.dueNow)}`)
      .join(', ')}), computed in ${((performance.now() - planStarted) / 1000).toFixed(1)} s`,
  );

  log(`  baseline workload: ${fmt(opsPerSecond)} operations/s over ${clients} connections for ${baselineSeconds} s…`);
  const baseline = startWorkload(kind, storeUrl, 1);
  await new Promise((resolve) => setTimeout(resolve, baselineSeconds * 1000));
  const before = await baseline.stop();

  log(`  sweeping (batches of ${fmt(batchSize)}) with the workload running…`);
  const during = startWorkload(kind, storeUrl, 2);
  const locks = watchLockWaits(lockWait);
  const started = performance.now();
  const { run } = await runRetention(deps, scope, {
    trigger: 'cli',
    actor: 'bench',
    approve: true,
    batchSize,
    maxShare: 1,
  });
  const wall = (performance.now() - started) / 1000;
  const maxLockWait = await locks.stop();
  const after = await during.stop();
  await charterDb.close();

  if (!run) throw new Error('no run');
  const steps = run.steps.filter((s) => s.store === 'company');
  for (const step of steps) {
    const seconds = (step.durationMs ?? 0) / 1000;
    const rows = step.deleted + step.anonymised;
    log(
      `    ${step.table.padEnd(26)} ${step.action.padEnd(9)} ${fmt(rows).padStart(9)} rows in ${seconds.toFixed(1).padStart(6)} s = ${fmt(rows / Math.max(seconds, 0.001)).padStart(9)} rows/s  (${step.batches} batches, ${step.status})`,
    );
  }
  const deleteSteps = steps.filter((s) => s.action === 'delete');
  const anonymiseSteps = steps.filter((s) => s.action === 'anonymise');
  const rate = (list: typeof steps, f: (s: (typeof steps)[number]) => number) =>
    list.reduce((n, s) => n + f(s), 0) / Math.max(0.001, list.reduce((n, s) => n + (s.durationMs ?? 0), 0) / 1000);
  log(
    `  run ${run.status}: ${fmt(run.totals.deleted)} deleted, ${fmt(run.totals.anonymised)} anonymised in ${wall.toFixed(1)} s wall (counting and checks included)`,
  );
  log(`  deleted:    ${fmt(rate(deleteSteps, (s) => s.deleted))} rows/s`);
  log(`  anonymised: ${fmt(rate(anonymiseSteps, (s) => s.anonymised))} rows/s`);
  log(`  overall:    ${fmt((run.totals.deleted + run.totals.anonymised) / wall)} rows/s end to end`);
  log(
    `  workload before the sweep  ${latencyLine('reads', before.reads)}; ${latencyLine('writes', before.writes)}; errors ${before.errors}`,
  );
  log(
    `  workload during the sweep  ${latencyLine('reads', after.reads)}; ${latencyLine('writes', after.writes)}; errors ${after.errors}`,
  );
  log(
    `  p99 all operations: ${before.all.p99.toFixed(1)} ms before, ${after.all.p99.toFixed(1)} ms during (${(after.all.p99 / Math.max(before.all.p99, 0.001)).toFixed(2)}×; target ≤ 2×)`,
  );
  log(
    `  longest lock wait seen in the database during the sweep: ${maxLockWait.ms.toFixed(0)} ms (target < 1000 ms)${maxLockWait.statement ? `, by: ${maxLockWait.statement}` : ''}; longest workload operation: ${after.all.max.toFixed(0)} ms`,
  );
}

async function main() {
  log(`bench:retention — ${fmt(customers)} customers, batches of ${fmt(batchSize)}, ${clients} workload clients`);
  if (databases.includes('postgres')) {
    log('\nPostgreSQL (default settings, fsync on)');
    const server = await startPostgres({});
    try {
      const url = await createCompanyDatabase('postgres', server.url);
      const driver = createPostgresDriver(url, { poolSize: 2 });
      const monitor = new pg.Pool({ connectionString: url, max: 1 });
      try {
        await benchOne('postgres', url, driver, async () => {
          // pg_locks.waitstart: when the backend began to wait for this lock (PostgreSQL 14+).
          const { rows } = await monitor.query<{ ms: number | null; statement: string | null }>(
            `select extract(epoch from clock_timestamp() - l.waitstart) * 1000 as ms, left(a.query, 80) as statement
                 from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where not l.granted and l.waitstart is not null
                order by l.waitstart limit 1`,
          );
          return { ms: Number(rows[0]?.ms ?? 0), statement: rows[0]?.statement ?? '' };
        });
      } finally {
        await Promise.allSettled([driver.close(), monitor.end()]);
      }
    } finally {
      server.stop();
    }
  }
  if (databases.includes('mariadb')) {
    log('\nMariaDB (InnoDB, 1 GB buffer pool, 1 GB redo log, innodb_flush_log_at_trx_commit=2)');
    // The redo log sized for the buffer pool (MariaDB's 96 MB default makes a sweep's writes wait for checkpoints).
    const server = await startMariaDb({
      bufferPool: '1G',
      args: (env.BENCH_MARIADB_ARGS ?? '--innodb-log-file-size=1G').split(' ').filter(Boolean),
    });
    try {
      const url = await createCompanyDatabase('mysql', server.url, { charset: 'utf8mb4' });
      const driver = createMysqlDriver(url, { poolSize: 2 });
      const monitor = mysql.createPool({ uri: url, connectionLimit: 1 });
      try {
        await benchOne('mysql', url, driver, async () => {
          const [rows] = await monitor.query(
            `select timestampdiff(microsecond, trx_wait_started, now(6)) / 1000 as ms, left(trx_query, 80) as statement
                 from information_schema.innodb_trx where trx_state = 'LOCK WAIT' order by trx_wait_started limit 1`,
          );
          const row = (rows as { ms: number | null; statement: string | null }[])[0];
          return { ms: Number(row?.ms ?? 0), statement: row?.statement ?? '' };
        });
      } finally {
        await Promise.allSettled([driver.close(), monitor.end()]);
      }
    } finally {
      server.stop();
    }
  }
}

await main();
