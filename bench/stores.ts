/**
 * bench:stores — the stores engine on a generated company database (bench/stores-data.ts) on PostgreSQL and MariaDB:
 * access and erasure for 200 random customers (p50/p95/max, rows touched, queries issued), the memory of an access
 * for a subject with a million rows (peak RSS of a separate process), and `charter scan` recall and false positives.
 * Prints figures; asserts nothing.
 *
 *   npm run bench:stores                       # 1,000,000 customers (~11 million rows), both databases
 *   BENCH_CUSTOMERS=20000 npm run bench:stores # a quick run
 *   BENCH_DATABASES=postgres BENCH_SUBJECTS=200 BENCH_HEAVY_ROWS=1000000
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { startMariaDb } from '../test/support/mariadb-server.js';
import { startPostgres } from '../test/support/postgres-server.js';
import { projectFile } from '../src/platform/project.js';
import type { AccessRecord } from '../src/stores/connector.js';
import { storeModel } from '../src/stores/plan.js';
import type { Store } from '../src/charter/schema.js';
import { scanStore } from '../src/stores/scan/scan.js';
import type { SqlDriver } from '../src/stores/sql/driver.js';
import { createSqlConnector } from '../src/stores/sql/engine.js';
import { createMysqlDriver } from '../src/stores/sql/mysql.js';
import { createPostgresDriver } from '../src/stores/sql/postgres.js';
import {
  benchEmail,
  benchHolds,
  benchStore,
  createCompanyDatabase,
  generateCompanyDatabase,
  heavyCustomerId,
  seededPersonalColumns,
} from './stores-data.js';
import { ms, mulberry32, percentile } from './stats.js';

const env = process.env;
const customers = Number(env.BENCH_CUSTOMERS ?? 1_000_000);
const subjects = Number(env.BENCH_SUBJECTS ?? 200);
const heavyRows = Number(env.BENCH_HEAVY_ROWS ?? 1_000_000);
const databases = (env.BENCH_DATABASES ?? 'postgres,mariadb').split(',').map((d) => d.trim());
const hashKey = randomBytes(32);

interface Sample {
  ms: number;
  rows: number;
  queries: number;
}

function summarise(label: string, samples: Sample[]) {
  const times = samples.map((s) => s.ms);
  const rows = samples.map((s) => s.rows);
  const queries = samples.map((s) => s.queries);
  console.log(
    `  ${label}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}; rows per request ${Math.min(...rows)}–${Math.max(...rows)} (total ${rows.reduce((a, b) => a + b, 0)}); queries per request ${Math.min(...queries)}–${Math.max(...queries)}`,
  );
  // Queries against rows found: the same query count covers subjects with few and many rows.
  const byQueries = new Map<number, number[]>();
  for (const s of samples) byQueries.set(s.queries, [...(byQueries.get(s.queries) ?? []), s.rows]);
  for (const [q, list] of [...byQueries].sort((a, b) => a[0] - b[0])) {
    console.log(`    ${q} queries: ${list.length} requests with ${Math.min(...list)}–${Math.max(...list)} rows`);
  }
}

/** The connector of the company store as a benchmark declares it (all columns unless `store` says otherwise). */
function companyConnector(kind: 'postgres' | 'mysql', driver: SqlDriver, store: Store = benchStore(kind)) {
  return createSqlConnector({
    id: 'company',
    kind,
    model: storeModel(store, benchHolds),
    driver,
    context: { hashKey },
  });
}

/** Child mode: one access for the heavy subject, printing the peak RSS (MB) and rows streamed. */
async function memoryChild(kind: 'postgres' | 'mysql', url: string) {
  const driver =
    kind === 'postgres' ? createPostgresDriver(url, { poolSize: 1 }) : createMysqlDriver(url, { poolSize: 1 });
  const connector = companyConnector(kind, driver);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  let rows = 0;
  const started = performance.now();
  const summary = await connector.access(
    { identities: [{ type: 'email', value: benchEmail(heavyCustomerId) }] },
    (batch: AccessRecord[]) => {
      rows += batch.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    },
  );
  clearInterval(timer);
  console.log(
    JSON.stringify({
      rows,
      peakRssMb: peak / 1024 / 1024,
      seconds: (performance.now() - started) / 1000,
      queries: summary.queries,
    }),
  );
  await connector.close();
}

async function measureMemory(
  kind: 'postgres' | 'mysql',
  url: string,
): Promise<{ rows: number; peakRssMb: number; seconds: number; queries: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', projectFile('bench/stores.ts'), '--memory-child', kind, url],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0)
        resolve(JSON.parse(line) as { rows: number; peakRssMb: number; seconds: number; queries: number });
      else reject(new Error(`memory child failed (${code}): ${out}`));
    });
  });
}

async function benchDatabase(kind: 'postgres' | 'mysql', url: string, driver: SqlDriver) {
  console.log(`\n== ${kind === 'postgres' ? 'PostgreSQL' : 'MariaDB'}: ${customers.toLocaleString('en')} customers`);
  const counts = await generateCompanyDatabase(driver, { customers, heavyRows, log: console.log });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(
    `  rows: ${total.toLocaleString('en')} — ${Object.entries(counts)
      .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
      .join(', ')}`,
  );

  const connector = companyConnector(kind, driver);
  const random = mulberry32(42);
  const pick = () => 2 + Math.floor(random() * (customers - 1));
  const accessIds = Array.from({ length: subjects }, pick);
  const eraseIds = Array.from({ length: subjects }, pick).filter((id) => !accessIds.includes(id));

  // Warm up the pool and the caches a little, as a running server would be.
  for (let i = 0; i < 5; i++)
    await connector.access({ identities: [{ type: 'email', value: benchEmail(pick()) }] }, () => {});

  const access: Sample[] = [];
  for (const id of accessIds) {
    let rows = 0;
    const started = performance.now();
    const summary = await connector.access({ identities: [{ type: 'email', value: benchEmail(id) }] }, (batch) => {
      rows += batch.length;
    });
    access.push({ ms: performance.now() - started, rows, queries: summary.queries });
  }
  summarise('access', access);

  const erasure: Sample[] = [];
  let kept = 0;
  for (const id of eraseIds) {
    const started = performance.now();
    const result = await connector.erase({
      jobId: `bench-${id}`,
      identities: [{ type: 'email', value: benchEmail(id) }],
    });
    const rows =
      result.erased.reduce((n, e) => n + e.deleted + e.updated, 0) + result.kept.reduce((n, k) => n + k.rows, 0);
    kept += result.kept.reduce((n, k) => n + k.rows, 0);
    erasure.push({ ms: performance.now() - started, rows, queries: result.queries });
  }
  summarise('erasure', erasure);
  console.log(`    rows kept under the VAT hold (reduced to the kept columns): ${kept}`);
  await connector.close();

  if (heavyRows > 0) {
    const memory = await measureMemory(kind, url);
    console.log(
      `  access for a subject with ${memory.rows.toLocaleString('en')} rows: ${memory.seconds.toFixed(1)} s, ${memory.queries} queries, peak RSS ${memory.peakRssMb.toFixed(0)} MB (separate process)`,
    );
  }

  // Scan with only the identity columns declared: what does it find on its own?
  const bare = benchStore(kind, { columns: false });
  const scanDriver = kind === 'postgres' ? createPostgresDriver(url) : createMysqlDriver(url);
  const scanConnector = companyConnector(kind, scanDriver, bare);
  const started = performance.now();
  const report = await scanStore(scanConnector, bare, { sampleSize: 1000 });
  const seconds = (performance.now() - started) / 1000;
  await scanConnector.close();
  const found = new Map([...report.undeclared, ...report.declared].map((f) => [`${f.table}.${f.column}`, f]));
  const hits = seededPersonalColumns.filter((c) => found.has(c));
  const missed = seededPersonalColumns.filter((c) => !found.has(c));
  const falsePositives = [...found.keys()].filter(
    (c) => !seededPersonalColumns.includes(c) && !c.startsWith('bench_values.'),
  );
  console.log(
    `  scan: ${report.tables} tables, ${report.columns} columns, ${seconds.toFixed(1)} s; found ${hits.length}/${seededPersonalColumns.length} seeded personal-data columns${missed.length ? ` (missed: ${missed.join(', ')})` : ''}; ${falsePositives.length} false positive(s)${falsePositives.length ? `: ${falsePositives.map((c) => `${c} as ${found.get(c)?.category}`).join(', ')}` : ''}`,
  );
}

async function main() {
  if (process.argv[2] === '--memory-child') {
    await memoryChild(process.argv[3] as 'postgres' | 'mysql', process.argv[4] ?? '');
    return;
  }
  console.log(
    `bench:stores — ${customers.toLocaleString('en')} customers, ${subjects} subjects, heavy subject ${heavyRows.toLocaleString('en')} extra rows; databases: ${databases.join(', ')}`,
  );
  if (databases.includes('postgres')) {
    const server = await startPostgres({ fsync: false });
    try {
      const url = await createCompanyDatabase('postgres', server.url);
      const driver = createPostgresDriver(url, { poolSize: 4 });
      await benchDatabase('postgres', url, driver);
      await driver.close();
    } finally {
      server.stop();
    }
  }
  if (databases.includes('mariadb')) {
    const server = await startMariaDb({ bufferPool: '1G' });
    try {
      const url = await createCompanyDatabase('mysql', server.url);
      const driver = createMysqlDriver(url, { poolSize: 4 });
      await benchDatabase('mysql', url, driver);
      await driver.close();
    } finally {
      server.stop();
    }
  }
}

await main();
