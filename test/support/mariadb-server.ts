/**
 * Starts a real MariaDB server for tests and benchmarks: a temporary data directory initialised by
 * `mariadb-install-db`, a free loopback port, grant tables skipped (only loopback, only for the test run). Run as the
 * `mysql` user when we are root. Stopped and removed by `stop()`.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from './postgres-server.js';

export interface MariaDbServer {
  /** mysql://root@127.0.0.1:PORT/ — connect to a database by appending its name. */
  url: string;
  port: number;
  stop(): void;
}

function findBinary(names: string[]): string {
  for (const name of names) {
    for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin']) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
  }
  throw new Error(`MariaDB binaries not found (${names.join(', ')}): install the Debian package "mariadb-server"`);
}

export interface MariaDbOptions {
  /** InnoDB buffer pool, e.g. `256M` (benchmarks raise it). */
  bufferPool?: string;
  /** More server options, e.g. `--innodb-log-file-size=512M`. */
  args?: string[];
}

export async function startMariaDb(options: MariaDbOptions = {}): Promise<MariaDbServer> {
  const installDb = findBinary(['mariadb-install-db', 'mysql_install_db']);
  const server = findBinary(['mariadbd', 'mysqld']);
  const dir = mkdtempSync(join(tmpdir(), 'charter-mariadb-'));
  const data = join(dir, 'data');
  const isRoot = process.getuid?.() === 0;
  let user = 'mysql';
  if (isRoot) {
    try {
      const uid = Number(execFileSync('id', ['-u', 'mysql'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'mysql'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    } catch {
      // No mysql user on this machine: MariaDB runs as root when told so explicitly.
      user = 'root';
    }
  } else {
    user = execFileSync('id', ['-un'], { encoding: 'utf8' }).trim();
  }
  const install = spawnSync(
    installDb,
    [
      `--datadir=${data}`,
      `--user=${user}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--skip-name-resolve',
    ],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr || install.stdout}`);
  const port = await freePort();
  const socket = join(dir, 'mariadb.sock');
  const child: ChildProcess = spawn(
    server,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      '--skip-grant-tables',
      '--skip-name-resolve',
      `--pid-file=${join(dir, 'mariadb.pid')}`,
      `--log-error=${join(dir, 'error.log')}`,
      `--user=${user}`,
      `--innodb-buffer-pool-size=${options.bufferPool ?? '128M'}`,
      '--innodb-flush-log-at-trx-commit=2',
      '--max-connections=300',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      ...(options.args ?? []),
    ],
    { stdio: 'ignore', detached: false },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const url = `mysql://root@127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`mariadbd exited during start; see ${join(dir, 'error.log')}`);
    try {
      const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
      await connection.query('select 1');
      await connection.end();
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`MariaDB did not become ready: ${(error as Error).message}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  return {
    url,
    port,
    stop() {
      if (!exited) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
