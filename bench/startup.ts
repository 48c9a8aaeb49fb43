/**
 * bench:startup — time from process start to a ready /readyz for the embedded default (PGlite): a first start on an
 * empty data directory, then restarts on the existing one (the bar: ≤ 3 s). Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/support/postgres-server.js';
import { projectFile } from '../src/platform/project.js';

async function startOnce(dataDir: string): Promise<{ readyMs: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      projectFile('bin/charter.mjs'),
      'serve',
      '--charter',
      projectFile('examples/lumen-av/charter.yaml'),
      '--port',
      String(port),
    ],
    {
      env: { ...process.env, CHARTER_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const readyMs = performance.now() - started;
    const { readFileSync } = await import('node:fs');
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { readyMs, rssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'charter-startup-'));
try {
  const first = await startOnce(dataDir);
  const restarts: number[] = [];
  let rss = 0;
  for (let i = 0; i < 5; i++) {
    const run = await startOnce(dataDir);
    restarts.push(run.readyMs);
    rss = Math.max(rss, run.rssMb);
  }
  restarts.sort((a, b) => a - b);
  const median = restarts[Math.floor(restarts.length / 2)] ?? 0;
  console.log('bench:startup (PGlite, examples/lumen-av)');
  console.log(
    `  first start (empty data dir, migrations + charter): ${first.readyMs.toFixed(0)} ms, RSS when ready ${first.rssMb.toFixed(0)} MB`,
  );
  console.log(
    `  restart on existing data dir: median ${median.toFixed(0)} ms, max ${Math.max(...restarts).toFixed(0)} ms over ${restarts.length} runs (target ≤ 3000 ms)`,
  );
  console.log(`  RSS when ready after a restart: ${rss.toFixed(0)} MB (the largest of the restarts)`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
