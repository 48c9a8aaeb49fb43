import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acquireDataDirectoryLock,
  currentHolder,
  DataDirectoryHeldError,
  lockPathOf,
  type LockHolder,
} from './data-dir-lock.js';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-lock-'));
  dirs.push(dir);
  return join(dir, 'data');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A real other process: sleeps until killed. */
function sleeper(): { pid: number; stop: () => Promise<void> } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function writeLock(dir: string, holder: Partial<LockHolder> & { pid: number }) {
  writeFileSync(
    lockPathOf(dir),
    JSON.stringify({
      host: hostname(),
      since: '2026-12-01T10:00:00.000Z',
      processStart: null,
      command: 'charter serve',
      url: null,
      ...holder,
    }),
  );
}

describe('the lock of a PGlite data directory', () => {
  it('is written beside the directory with the holder, refuses a second opener, and is gone once released', () => {
    const dir = dataDir();
    const lock = acquireDataDirectoryLock(dir, 'charter serve');
    const written = JSON.parse(readFileSync(lockPathOf(dir), 'utf8')) as LockHolder;
    expect(written).toMatchObject({ pid: process.pid, host: hostname(), command: 'charter serve', url: null });
    expect(() => acquireDataDirectoryLock(dir, 'charter audit verify')).toThrow(DataDirectoryHeldError);
    lock.announce('http://127.0.0.1:4300');
    expect(currentHolder(dir)).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:4300' });
    lock.release();
    expect(existsSync(lockPathOf(dir))).toBe(false);
    expect(currentHolder(dir)).toBeUndefined();
    acquireDataDirectoryLock(dir, 'charter serve').release();
  });

  it('names a live holder in another process (PID and since) and refuses', async () => {
    const dir = dataDir();
    const other = sleeper();
    try {
      writeLock(dir, { pid: other.pid });
      let refused: unknown;
      try {
        acquireDataDirectoryLock(dir, 'charter requests list');
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(DataDirectoryHeldError);
      expect((refused as Error).message).toContain(
        `process ${other.pid} (charter serve, since 2026-12-01T10:00:00.000Z)`,
      );
    } finally {
      await other.stop();
    }
  });

  it('takes over the lock of a process that is gone (kill -9)', async () => {
    const dir = dataDir();
    const other = sleeper();
    writeLock(dir, { pid: other.pid });
    expect(currentHolder(dir)?.pid).toBe(other.pid);
    await other.stop();
    expect(currentHolder(dir)).toBeUndefined();
    const lock = acquireDataDirectoryLock(dir, 'charter serve');
    expect(lock.holder.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose PID now belongs to a process started at another time (a reused PID)', async () => {
    const dir = dataDir();
    const other = sleeper();
    try {
      writeLock(dir, { pid: other.pid, processStart: '1' });
      const lock = acquireDataDirectoryLock(dir, 'charter serve');
      expect(lock.holder.pid).toBe(process.pid);
      lock.release();
    } finally {
      await other.stop();
    }
  });

  it('takes over a half-written lock file', () => {
    const dir = dataDir();
    writeFileSync(lockPathOf(dir), '{"pid": 12');
    const lock = acquireDataDirectoryLock(dir, 'charter serve');
    expect(currentHolder(dir)?.pid).toBe(process.pid);
    lock.release();
  });
});
