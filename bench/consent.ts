/**
 * bench:consent — consent ingestion (`POST /api/v1/consent`), ours against c15t, same machine, same run.
 *
 * Three servers are started once and then loaded in turn, round after round (BENCH_ROUNDS, 3), so that a noisy shared
 * machine hits all of them alike:
 * 1. Charter on a real PostgreSQL (started here: default settings, fsync on), as its own server process;
 * 2. Charter on PGlite (the embedded default), as its own server process;
 * 3. c15t (../shared/peers/c15t: its own PostgreSQL with default settings, its own load script).
 *
 * Each load: autocannon for DURATION seconds (10) with CONNECTIONS connections (50), a new visitor per request (ours
 * also get a new client IP per request through X-Forwarded-For, so the per-IP rate limit sees a realistic spread).
 * Every 201 is an acknowledged, committed record: after each run the PostgreSQL ledger is counted and compared with
 * the acknowledgements. Prints requests/s, p50, p99, errors, the ratio to c15t in the same round, our server's peak
 * RSS, and the CPU time per request (server process plus its database backends) — the figure least moved by other
 * work on the machine. Asserts nothing.
 *
 *   npm run bench:consent
 *   BENCH_ROUNDS=3 BENCH_DURATION=10 BENCH_CONNECTIONS=50 npm run bench:consent
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import pg from 'pg';
import { loadCharterFile } from '../src/charter/template-files.js';
import { consentRevision } from '../src/charter/revision.js';
import { projectFile } from '../src/platform/project.js';
import { freePort, startPostgres, type PostgresServer } from '../test/support/postgres-server.js';
import { median } from './stats.js';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const charterFile = projectFile('examples/lumen-av/charter.yaml');
const peerDir = join(projectFile('..'), 'shared/peers/c15t');

interface Figures {
  name: string;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
  rssMb?: number;
  cpuUs?: number;
  /** Of which in the database backends. */
  dbCpuUs?: number;
  stored?: number;
  load: number;
}

/** A server under test: how to load it and how to account for its CPU. */
interface Target {
  name: string;
  run(): Promise<Omit<Figures, 'name' | 'round' | 'load'>>;
  stop(): Promise<void>;
}

function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The postmaster's process id, from the data directory of the server behind `adminUrl`. */
async function postmasterPid(adminUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>('show data_directory');
    return Number(readFileSync(join(rows[0]?.data_directory ?? '', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } finally {
    await client.end();
  }
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      return ppid === pid ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

/**
 * CPU used by a PostgreSQL cluster (every process under its postmaster: backends, WAL writer, checkpointer…) while
 * `work` runs. Backends come and go with the pools, so the processes are sampled during the run.
 */
async function clusterCpu<T>(postmaster: number, work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = new Map(childrenOf(postmaster).map((pid) => [pid, cpuSeconds(pid)]));
  const last = new Map(start);
  const sample = () => {
    for (const pid of childrenOf(postmaster)) last.set(pid, cpuSeconds(pid) || (last.get(pid) ?? 0));
  };
  const timer = setInterval(sample, 200);
  try {
    const result = await work();
    sample();
    let seconds = 0;
    for (const [pid, cpu] of last) seconds += cpu - (start.get(pid) ?? 0);
    return { result, seconds };
  } finally {
    clearInterval(timer);
  }
}

async function buildServer(): Promise<string> {
  const outfile = projectFile('dist/bench-consent/charter.mjs');
  await build({
    entryPoints: [projectFile('src/cli/bin.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

async function waitReady(url: string, child: ChildProcess) {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become ready');
}

async function consentRequest(): Promise<autocannon.Request> {
  const loaded = await loadCharterFile(charterFile);
  if (!loaded.ok) throw new Error('example charter invalid');
  const charter = loaded.charter;
  const site = charter.sites[0];
  if (!site) throw new Error('no site');
  const revision = consentRevision(charter, site.id);
  const categories = charter.consent.categories.map((c) => c.id);
  const methods = ['accept-all', 'reject-all', 'custom'] as const;
  let n = 0;
  // Visitor ids are drawn from a pool of random bytes refilled every 1,024 requests: one call into the CSPRNG per
  // request cost the load generator (which shares the machine with the server) more than building the body.
  let pool = randomBytes(16 * 1024);
  let offset = 0;
  const visitor = () => {
    if (offset === pool.length) [pool, offset] = [randomBytes(16 * 1024), 0];
    offset += 16;
    return pool.toString('base64url', offset - 16, offset);
  };
  const body = () => {
    const method = methods[n++ % 3] ?? 'custom';
    const choices = Object.fromEntries(
      categories.map((id, i) => [id, method === 'accept-all' || (method === 'custom' && (n + i) % 2 === 0)]),
    );
    return JSON.stringify({
      site: site.id,
      visitor: visitor(),
      revision,
      language: charter.languages[0],
      method,
      choices,
      gpc: false,
      url: `https://${site.domain}/products/${n % 50}?utm=x`,
    });
  };
  const ip = () => `10.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}`;
  return {
    method: 'POST',
    path: '/api/v1/consent',
    headers: {
      'content-type': 'application/json',
      origin: `https://${site.domain}`,
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
    },
    setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': ip() }, body: body() }),
  };
}

/** Starts `charter serve` on the given database; the target loads it with autocannon. */
async function startOurs(
  name: string,
  bundle: string,
  env: Record<string, string>,
  database?: { adminUrl: string; url: string },
): Promise<Target> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [bundle, 'serve', '--charter', charterFile, '--port', String(port)], {
    env: { ...process.env, LOG_LEVEL: 'warn', TRUST_PROXY: 'true', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitReady(url, child);
  const request = await consentRequest();
  // Warm-up (JIT, pool, partitions), not counted.
  await autocannon({ url, connections: 10, duration: 2, requests: [request] });
  const counter = database ? new pg.Client({ connectionString: database.url }) : undefined;
  await counter?.connect();
  const count = async () =>
    counter
      ? Number((await counter.query<{ n: string }>('select count(*) as n from consent_records')).rows[0]?.n ?? 0)
      : 0;
  const pid = child.pid ?? 0;
  const postmaster = database ? await postmasterPid(database.adminUrl) : undefined;
  return {
    name,
    async run() {
      const before = await count();
      const serverBefore = cpuSeconds(pid);
      let peakRss = rssOf(pid);
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 250);
      const load = () => autocannon({ url, connections, duration, requests: [request] });
      const { result, seconds: db } = postmaster
        ? await clusterCpu(postmaster, load)
        : { result: await load(), seconds: 0 };
      clearInterval(sampler);
      const cpu = cpuSeconds(pid) - serverBefore + db;
      // Requests in flight when the load stopped finish (and are committed) before the ledger is counted.
      await new Promise((resolve) => setTimeout(resolve, 500));
      return {
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        ok: result['2xx'],
        errors: result.non2xx + result.errors + result.timeouts,
        rssMb: peakRss,
        cpuUs: (cpu / Math.max(result['2xx'], 1)) * 1e6,
        ...(database ? { dbCpuUs: (db / Math.max(result['2xx'], 1)) * 1e6 } : {}),
        ...(database ? { stored: (await count()) - before } : {}),
      };
    },
    async stop() {
      await counter?.end();
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    },
  };
}

async function startC15t(): Promise<Target> {
  if (!existsSync(join(peerDir, 'start.sh'))) throw new Error(`c15t peer not found at ${peerDir}`);
  const work = '/tmp/peer-c15t';
  const pgPort = await freePort();
  const appPort = await freePort();
  const started = execFileSync(join(peerDir, 'start.sh'), [work, String(pgPort), String(appPort)], {
    encoding: 'utf8',
  });
  const target = /TARGET=(\S+)/.exec(started)?.[1];
  if (!target) throw new Error(`c15t did not start: ${started}`);
  const pid = Number(readFileSync(join(work, 'pids'), 'utf8').trim());
  const adminUrl = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;
  const load = (seconds: number) =>
    JSON.parse(
      execFileSync(process.execPath, ['load.mjs', String(seconds), String(connections)], {
        cwd: join(work, 'app'),
        env: { ...process.env, TARGET: target },
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .at(-1) ?? '{}',
    ) as { rps: number; p50_ms: number; p99_ms: number; ok: number; non2xx: number; errors: number; timeouts?: number };
  const loadAsync = (seconds: number) =>
    new Promise<ReturnType<typeof load>>((resolve, reject) => {
      const child = spawn(process.execPath, ['load.mjs', String(seconds), String(connections)], {
        cwd: join(work, 'app'),
        env: { ...process.env, TARGET: target },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('error', reject);
      child.once('exit', () =>
        resolve(
          JSON.parse(
            out
              .trim()
              .split('\n')
              .filter((l) => l.startsWith('{'))
              .at(-1) ?? '{}',
          ) as ReturnType<typeof load>,
        ),
      );
    });
  load(2); // warm-up, like ours
  const postmaster = await postmasterPid(adminUrl);
  return {
    name: 'c15t on PostgreSQL',
    async run() {
      const serverBefore = cpuSeconds(pid);
      // The load script runs in a child process, so the sampler keeps running meanwhile.
      const { result: r, seconds: db } = await clusterCpu(postmaster, () => loadAsync(duration));
      const cpu = cpuSeconds(pid) - serverBefore + db;
      const per = (seconds: number) => (seconds / Math.max(r.ok, 1)) * 1e6;
      return {
        rps: r.rps,
        p50: r.p50_ms,
        p99: r.p99_ms,
        ok: r.ok,
        errors: r.non2xx + r.errors + (r.timeouts ?? 0),
        rssMb: rssOf(pid),
        cpuUs: per(cpu),
        dbCpuUs: per(db),
      };
    },
    async stop() {
      execFileSync(join(peerDir, 'stop.sh'), [work], { stdio: 'ignore' });
    },
  };
}

const bundle = await buildServer();
const targets: Target[] = [];
let postgres: PostgresServer | undefined;
const pgliteDir = mkdtempSync(join(tmpdir(), 'charter-bench-pglite-'));
const results: Figures[] = [];
try {
  targets.push(await startC15t());
  postgres = await startPostgres({ maxConnections: 100 });
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('create database charter_bench');
  await admin.end();
  targets.push(
    await startOurs(
      'Charter on PostgreSQL',
      bundle,
      { DATABASE_URL: postgres.url.replace(/\/postgres$/, '/charter_bench') },
      { adminUrl: postgres.url, url: postgres.url.replace(/\/postgres$/, '/charter_bench') },
    ),
  );
  targets.push(await startOurs('Charter on PGlite', bundle, { CHARTER_DATA_DIR: pgliteDir }));
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) {
      const load = loadavg()[0] ?? 0;
      results.push({ name: target.name, round, load, ...(await target.run()) });
    }
  }
} finally {
  for (const target of targets) await target.stop().catch(() => undefined);
  postgres?.stop();
  rmSync(pgliteDir, { recursive: true, force: true });
}

const peerOf = (round: number) => results.find((r) => r.round === round && r.name.startsWith('c15t'));

console.log(
  `\nbench:consent — POST a consent record, autocannon ${duration} s × ${connections} connections, new visitor per request, ${rounds} rounds`,
);
console.log(
  `machine: ${cpus().length} cores, shared (load average per run below; only same-round ratios mean anything)\n`,
);
const head = [
  '',
  'round',
  'load',
  'req/s',
  'p50',
  'p99',
  '2xx',
  'errors',
  'vs c15t',
  'CPU/request',
  'vs c15t',
  'RSS peak',
  'acked in ledger',
];
const rows = results.map((r) => {
  const peer = peerOf(r.round);
  const ours = !r.name.startsWith('c15t');
  return [
    r.name,
    String(r.round),
    r.load.toFixed(1),
    r.rps.toFixed(0),
    `${r.p50} ms`,
    `${r.p99} ms`,
    String(r.ok),
    String(r.errors),
    ours && peer?.rps ? `${(r.rps / peer.rps).toFixed(1)}×` : '',
    r.cpuUs
      ? `${(r.cpuUs / 1000).toFixed(2)} ms${r.dbCpuUs !== undefined ? ` (db ${(r.dbCpuUs / 1000).toFixed(2)})` : ''}`
      : '',
    ours && peer?.cpuUs && r.cpuUs ? `${(peer.cpuUs / r.cpuUs).toFixed(1)}×` : '',
    r.rssMb ? `${r.rssMb.toFixed(0)} MB` : '',
    // Rows may exceed acknowledgements: requests in flight when the load stopped were committed but not counted.
    r.stored !== undefined ? (r.stored >= r.ok ? `all (${r.stored} rows)` : `MISSING ${r.ok - r.stored}`) : '',
  ];
});
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
const format = (row: string[]) =>
  row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
console.log(format(head));
for (const row of rows) console.log(format(row));

console.log('\nmedian over rounds:');
for (const name of [...new Set(results.map((r) => r.name))]) {
  const mine = results.filter((r) => r.name === name);
  const ratios = mine.flatMap((r) => (peerOf(r.round)?.rps ? [r.rps / (peerOf(r.round)?.rps ?? 1)] : []));
  const cpuRatios = mine.flatMap((r) =>
    peerOf(r.round)?.cpuUs && r.cpuUs ? [(peerOf(r.round)?.cpuUs ?? 0) / r.cpuUs] : [],
  );
  console.log(
    `  ${name.padEnd(22)} ${median(mine.map((r) => r.rps)).toFixed(0)} req/s, p99 ${median(mine.map((r) => r.p99))} ms, ${mine.reduce((s, r) => s + r.errors, 0)} errors` +
      (name.startsWith('c15t')
        ? ''
        : `, ${median(ratios).toFixed(1)}× c15t's throughput, ${median(cpuRatios).toFixed(1)}× less CPU per request`),
  );
}
console.log(
  '\nour server: one process, LOG_LEVEL=warn (no per-request access log), group commit, fsync on; c15t: its own defaults',
);
console.log('targets on PostgreSQL: ≥ 20× c15t, p99 ≤ 25 ms, 0 errors, RSS ≤ 200 MB');
writeFileSync(projectFile('dist/bench-consent/last.json'), JSON.stringify(results, null, 2));
