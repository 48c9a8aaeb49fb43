/**
 * Backup and restore of a PGlite data directory. A backup is PGlite's own dump of the directory (a gzipped tar), taken
 * by the process that holds the directory while no query or transaction runs, after a checkpoint: the files are then
 * what a clean stop would leave. While `charter serve` holds the directory, `charter db backup` asks it (a request
 * file beside the lock, then SIGUSR2 — only the server's own user, or root, may signal it); otherwise the command opens
 * the directory itself. A restore needs the directory free, and keeps what it replaces.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import { acquireDataDirectoryLock, lockPathOf, type LockHolder } from './data-dir-lock.js';

/** Writes bytes to a file that appears whole or not at all, synced, readable by its owner only (it holds personal data). */
function writeWhole(file: string, bytes: Uint8Array): void {
  const partial = `${file}.${process.pid}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
}

/**
 * Dumps the directory of an open PGlite to `file`; returns its size. The dump runs on the database's one connection,
 * so it waits for the transaction in progress and none starts during it.
 */
export async function writePgliteBackup<DB>(db: Kysely<DB>, pglite: PGlite, file: string): Promise<number> {
  return db.connection().execute(async (connection) => {
    // Dirty pages written out first: the copy then needs no WAL replay when it is restored.
    await sql`checkpoint`.execute(connection);
    const dump = await pglite.dumpDataDir('gzip');
    const bytes = new Uint8Array(await dump.arrayBuffer());
    writeWhole(file, bytes);
    return bytes.length;
  });
}

const requestSuffix = '.request';
const doneSuffix = '.done';
const requestPrefix = (lockPath: string) => `${basename(lockPath)}.backup-`;

interface BackupAnswer {
  ok: boolean;
  bytes?: number;
  error?: string;
}

/**
 * The server's side: on SIGUSR2, takes every backup request beside its lock file and answers each in a `.done` file.
 * Returns the function that stops listening.
 */
export function listenForBackupRequests(
  lockPath: string,
  backup: (file: string) => Promise<number>,
  onError: (error: unknown) => void,
): () => void {
  let queue = Promise.resolve();
  const serve = async () => {
    const dir = dirname(lockPath);
    const requests = readdirSync(dir).filter(
      (name) => name.startsWith(requestPrefix(lockPath)) && name.endsWith(requestSuffix),
    );
    for (const name of requests) {
      const path = join(dir, name);
      const done = `${path.slice(0, -requestSuffix.length)}${doneSuffix}`;
      let answer: BackupAnswer;
      try {
        const { out } = JSON.parse(readFileSync(path, 'utf8')) as { out: string };
        unlinkSync(path);
        answer = { ok: true, bytes: await backup(out) };
      } catch (error) {
        answer = { ok: false, error: (error as Error).message };
        onError(error);
      }
      writeFileSync(done, JSON.stringify(answer), { mode: 0o600 });
    }
  };
  const handler = () => {
    queue = queue.then(serve).catch(onError);
  };
  process.on('SIGUSR2', handler);
  return () => process.off('SIGUSR2', handler);
}

/** The command's side: asks the holder (a `charter serve` on this host) for a backup to `file`, and waits for it. */
export async function requestBackupFrom(
  holder: LockHolder,
  dataDir: string,
  file: string,
  timeoutMs: number,
): Promise<number> {
  const lockPath = lockPathOf(dataDir);
  const base = join(dirname(lockPath), `${requestPrefix(lockPath)}${process.pid}-${Date.now()}`);
  const done = `${base}${doneSuffix}`;
  writeFileSync(`${base}${requestSuffix}`, JSON.stringify({ out: resolve(file) }), { mode: 0o600 });
  process.kill(holder.pid, 'SIGUSR2');
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (existsSync(done)) {
      const answer = JSON.parse(readFileSync(done, 'utf8')) as BackupAnswer;
      unlinkSync(done);
      if (!answer.ok) throw new Error(`the server could not write the backup: ${answer.error ?? 'unknown error'}`);
      return answer.bytes ?? 0;
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  try {
    unlinkSync(`${base}${requestSuffix}`);
  } catch {
    // Taken by the server after all.
  }
  throw new Error(
    `the server (process ${holder.pid}) did not answer within ${Math.round(timeoutMs / 1000)} s; no backup was written`,
  );
}

/**
 * Restores a backup into a PGlite directory that no process holds. A directory that already holds a database is moved
 * aside, never deleted; returns where it went.
 */
export async function restorePgliteBackup(
  dataDir: string,
  file: string,
  command: string,
): Promise<{ keptAs: string | null }> {
  const dir = resolve(dataDir);
  const bytes = readFileSync(file);
  await mkdir(dirname(dir), { recursive: true });
  const lock = acquireDataDirectoryLock(dir, command);
  try {
    let keptAs: string | null = null;
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      keptAs = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dir, keptAs);
    }
    try {
      await mkdir(dir, { recursive: true });
      const { PGlite } = await import('@electric-sql/pglite');
      const { DurableNodeFS, durableStartParams } = await import('./pglite-durable.js');
      const pglite = await PGlite.create({
        fs: new DurableNodeFS(dir),
        startParams: [...durableStartParams],
        loadDataDir: new Blob([bytes]),
      });
      await pglite.close();
    } catch (error) {
      // Not a usable backup: the directory it was to replace goes back where it was.
      if (keptAs) {
        rmSync(dir, { recursive: true, force: true });
        renameSync(keptAs, dir);
      }
      throw error;
    }
    return { keptAs };
  } finally {
    lock.release();
  }
}
