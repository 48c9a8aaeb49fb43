/**
 * bench:consent — consent ingestion (`POST /api/v1/consent`), ours against c15t, same machine, same run.
 *
 * 1. Charter on a real PostgreSQL (started here: default settings, fsync on), as its own server process.
 * 2. Charter on PGlite (the embedded default), as its own server process.
 * 3. c15t (../shared/peers/c15t: its own PostgreSQL with default settings, its load script).
 *
 * Each: autocannon for DURATION seconds (10) with CONNECTIONS connections (50), a new visitor per request (and a new
 * client IP through X-Forwarded-For, so the per-IP rate limit sees a realistic spread). Every 201 is an acknowledged,
 * committed record: after each run the ledger is counted and compared with the acknowledgements. Prints requests/s,
 * p50, p99, errors, the ratio to c15t, and the peak RSS of our server. Asserts nothing.
 *
 *   npm run bench:consent                      # all three
 *   BENCH_ONLY=postgres npm run bench:consent  # one of postgres | pglite | c15t
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import pg from 'pg';
import { loadCharterFile } from '../src/charter/loader.js';
import { consentRevision } from '../src/charter/revision.js';
import { projectFile } from '../src/platform/project.js';
import { freePort, startPostgres } from '../test/support/postgres-server.js';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const only = process.env.BENCH_ONLY;
const charterFile = projectFile('examples/lumen-av/charter.yaml');
const peerDir = join(projectFile('..'), 'shared/peers/c15t');

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  rssMb?: number;
  stored?: number;
  note?: string;
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
  for (let i = 0; i < 600; i++) {
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

function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

async function runOurs(name: string, bundle: string, env: Record<string, string>, count: () => Promise<number>): Promise<Figures> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [bundle, 'serve', '--charter', charterFile, '--port', String(port)], {
    env: { ...process.env, LOG_LEVEL: 'warn', TRUST_PROXY: 'true', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitReady(url, child);
    const loaded = await loadCharterFile(charterFile);
    if (!loaded.ok) throw new Error('example charter invalid');
    const charter = loaded.charter;
    const site = charter.sites[0];
    if (!site) throw new Error('no site');
    const revision = consentRevision(charter, site.id);
    const categories = charter.consent.categories.map((c) => c.id);
    const methods = ['accept-all', 'reject-all', 'custom'] as const;
    let n = 0;
    const body = () => {
      const method = methods[n++ % 3] ?? 'custom';
      const choices = Object.fromEntries(categories.map((id, i) => [id, method === 'accept-all' || (method === 'custom' && (n + i) % 2 === 0)]));
      return JSON.stringify({
        site: site.id,
        visitor: randomBytes(16).toString('base64url'),
        revision,
        language: charter.languages[0],
        method,
        choices,
        gpc: false,
        url: `https://${site.domain}/products/${n % 50}?utm=x`,
      });
    };
    const ip = () => `10.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}`;
    const request: autocannon.Request = {
      method: 'POST',
      path: '/api/v1/consent',
      headers: { 'content-type': 'application/json', origin: `https://${site.domain}`, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36' },
      setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': ip() }, body: body() }),
    };
    // Warm-up (JIT, pool, partitions), not counted.
    await autocannon({ url, connections: 10, duration: 2, requests: [request] });
    const before = await count();
    let peakRss = rssOf(child.pid ?? 0);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(child.pid ?? 0))), 250);
    const result = await autocannon({ url, connections, duration, requests: [request] });
    clearInterval(sampler);
    // Let the server finish every in-flight request before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stored = (await count()) - before;
    return {
      name,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      ok: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      rssMb: peakRss,
      stored,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
  }
}

async function benchPostgres(bundle: string): Promise<Figures> {
  const server = await startPostgres({ maxConnections: 100 });
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database charter_bench');
    await admin.end();
    const databaseUrl = server.url.replace(/\/postgres$/, '/charter_bench');
    const client = new pg.Client({ connectionString: databaseUrl });
    const count = async () => {
      const { rows } = await client.query<{ n: string }>('select count(*) as n from consent_records');
      return Number(rows[0]?.n ?? 0);
    };
    let connected = false;
    return await runOurs('Charter on PostgreSQL', bundle, { DATABASE_URL: databaseUrl }, async () => {
      if (!connected) {
        await client.connect();
        connected = true;
      }
      return count();
    }).finally(() => (connected ? client.end() : undefined));
  } finally {
    server.stop();
  }
}

async function benchPglite(bundle: string): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'charter-bench-pglite-'));
  try {
    // PGlite is one process's database: count from the acknowledgements (the crash test proves they are stored).
    const figures = await runOurs('Charter on PGlite', bundle, { CHARTER_DATA_DIR: dataDir }, async () => 0);
    delete figures.stored;
    return figures;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchC15t(): Promise<Figures> {
  if (!existsSync(join(peerDir, 'start.sh'))) throw new Error(`c15t peer not found at ${peerDir}`);
  const work = '/tmp/peer-c15t';
  const pgPort = await freePort();
  const appPort = await freePort();
  const started = execFileSync(join(peerDir, 'start.sh'), [work, String(pgPort), String(appPort)], { encoding: 'utf8' });
  const target = /TARGET=(\S+)/.exec(started)?.[1];
  try {
    if (!target) throw new Error(`c15t did not start: ${started}`);
    const out = execFileSync(process.execPath, ['load.mjs', String(duration), String(connections)], {
      cwd: join(work, 'app'),
      env: { ...process.env, TARGET: target },
      encoding: 'utf8',
    });
    const line = out.trim().split('\n').filter((l) => l.startsWith('{')).at(-1) ?? '{}';
    const r = JSON.parse(line) as { rps: number; p50_ms: number; p99_ms: number; ok: number; non2xx: number; errors: number; timeouts?: number };
    return { name: 'c15t on PostgreSQL', rps: r.rps, p50: r.p50_ms, p99: r.p99_ms, ok: r.ok, non2xx: r.non2xx, errors: r.errors + (r.timeouts ?? 0) };
  } finally {
    execFileSync(join(peerDir, 'stop.sh'), [work], { stdio: 'ignore' });
  }
}

const results: Figures[] = [];
const bundle = await buildServer();
const tasks: [string, () => Promise<Figures>][] = [
  ['c15t', benchC15t],
  ['postgres', () => benchPostgres(bundle)],
  ['pglite', () => benchPglite(bundle)],
];
for (const [key, task] of tasks) {
  if (only && only !== key) continue;
  try {
    results.push(await task());
  } catch (error) {
    results.push({ name: key, rps: 0, p50: 0, p99: 0, ok: 0, non2xx: 0, errors: 0, note: `failed: ${(error as Error).message}` });
  }
}

const peer = results.find((r) => r.name.startsWith('c15t') && r.rps > 0);
const cores = (await import('node:os')).cpus().length;
const load = (await import('node:os')).loadavg()[0]?.toFixed(1);
console.log(`\nbench:consent — POST a consent record, autocannon ${duration} s × ${connections} connections, new visitor per request`);
console.log(`machine: ${cores} cores, load average ${load} (shared; only same-run ratios mean anything)\n`);
const rows = results.map((r) => [
  r.name,
  r.rps.toFixed(0),
  `${r.p50} ms`,
  `${r.p99} ms`,
  String(r.ok),
  String(r.non2xx + r.errors),
  peer && !r.name.startsWith('c15t') ? `${(r.rps / peer.rps).toFixed(1)}×` : '',
  r.rssMb ? `${r.rssMb.toFixed(0)} MB` : '',
  // Rows may exceed acknowledgements: requests in flight when the load stopped were committed but not counted.
  r.stored !== undefined ? (r.stored >= r.ok ? `all (${r.stored} rows)` : `MISSING ${r.ok - r.stored}`) : '',
  r.note ?? '',
]);
const head = ['', 'req/s', 'p50', 'p99', '2xx', 'errors', 'vs c15t', 'RSS (peak)', 'acked in ledger', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
const format = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
console.log(format(head));
for (const row of rows) console.log(format(row));
console.log('\nour server: one process, LOG_LEVEL=warn (no per-request access log), group commit, fsync on; c15t: its own defaults');
console.log('targets on PostgreSQL: ≥ 20× c15t, p99 ≤ 25 ms, 0 errors, RSS ≤ 200 MB');
writeFileSync(projectFile('dist/bench-consent/last.json'), JSON.stringify(results, null, 2));
