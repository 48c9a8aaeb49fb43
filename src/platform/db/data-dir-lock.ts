/**
 * One owner per PGlite data directory. PGlite is a whole PostgreSQL inside the process that opens it, with no
 * postmaster to arbitrate: two processes on one directory are two servers writing the same WAL and pages, and the
 * next unclean stop leaves a directory PostgreSQL cannot recover ("could not locate a valid checkpoint record").
 * So whoever opens a directory first holds an exclusive lock file beside it (`<dir>.lock`), created with O_EXCL,
 * naming the holder (PID, host, process start, what it runs, the URL it serves). Everyone else is refused with the
 * holder named. A lock whose process is gone (kill -9, power loss) is stale and taken over; a clean exit removes it.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** Who holds a data directory, as written in its lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the holder opened the directory (ISO 8601). */
  since: string;
  /** The kernel's start time of the holder process (Linux), so a PID reused by another process is not mistaken for it. */
  processStart: string | null;
  /** What the holder runs, e.g. `charter serve`. */
  command: string;
  /** Where the holder serves its API, once it listens. */
  url: string | null;
}

/** Raised when another live process holds the directory. */
export class DataDirectoryHeldError extends Error {
  override name = 'DataDirectoryHeldError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`the database ${dataDir} is in use by ${describeHolder(holder)}`);
  }
}

export interface DataDirectoryLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Records the URL the holder serves at, so commands run beside it can reach it. */
  announce(url: string): void;
  release(): void;
}

/** `process 1234 on host (charter serve, since 2026-12-04T23:40:00.000Z, serving http://localhost:4300)`. */
export function describeHolder(holder: LockHolder): string {
  const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
  return `process ${holder.pid}${where} (${holder.command}, since ${holder.since}${holder.url ? `, serving ${holder.url}` : ''})`;
}

/** The lock file of a data directory: beside it, so it is never part of the database files themselves. */
export function lockPathOf(dataDir: string): string {
  const absolute = resolve(dataDir);
  return join(dirname(absolute), `${basename(absolute)}.lock`);
}

/** Locks held by this process, released at exit even when nobody closes the database (process.exit, an uncaught error). */
const held = new Map<string, LockHolder>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const path of held.keys()) removeIfOurs(path);
  });
}

/** The kernel's start time of a process (field 22 of /proc/PID/stat), or null where there is no /proc. */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); a zombie has exited and only waits to be reaped.
    if (fields[0] === 'Z') return 'zombie';
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the holder still runs. On another host nothing can be checked, so the lock counts as held: taking over the
 * directory of a live server elsewhere (a shared volume) is the one mistake that cannot be undone.
 */
export function holderIsLive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return [...held.values()].some((h) => h.since === holder.since);
  if (!isAlive(holder.pid)) return false;
  const start = processStartOf(holder.pid);
  if (start === 'zombie') return false;
  // The PID runs, but started at another time than the holder did: it was reused by an unrelated process.
  if (start !== null && holder.processStart !== null && start !== holder.processStart) return false;
  return true;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.since !== 'string')
      return undefined;
    return {
      pid: value.pid,
      host: value.host,
      since: value.since,
      processStart: value.processStart ?? null,
      command: value.command ?? 'unknown',
      url: value.url ?? null,
    };
  } catch {
    return undefined;
  }
}

function readHolder(path: string): LockHolder | undefined | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseHolder(text) ?? 'unreadable';
}

/** The live holder of a data directory, if any (a stale lock counts as none). */
export function currentHolder(dataDir: string): LockHolder | undefined {
  const found = readHolder(lockPathOf(dataDir));
  if (found === undefined || found === 'unreadable') return undefined;
  return holderIsLive(found) ? found : undefined;
}

function writeExclusive(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function removeIfOurs(path: string) {
  const found = readHolder(path);
  const ours = held.get(path);
  if (ours && found && found !== 'unreadable' && found.pid === ours.pid && found.since === ours.since) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
  held.delete(path);
}

/**
 * Takes a stale lock over. Two processes may find the same stale lock at once; a short-lived guard file (O_EXCL too)
 * lets one of them replace it, so the other cannot delete the lock the first has just written.
 */
function takeOverStale(path: string, stale: LockHolder | 'unreadable', holder: LockHolder): boolean {
  const guard = `${path}.takeover`;
  if (!writeExclusive(guard, holder)) {
    const guardHolder = readHolder(guard);
    // The guard of a process that died while taking over is itself stale.
    if (guardHolder !== undefined && guardHolder !== 'unreadable' && holderIsLive(guardHolder)) return false;
    try {
      unlinkSync(guard);
    } catch {
      // Another process removed it first.
    }
    return false;
  }
  try {
    const now = readHolder(path);
    const same =
      now === 'unreadable'
        ? stale === 'unreadable'
        : now !== undefined && stale !== 'unreadable' && now.pid === stale.pid && now.since === stale.since;
    if (now !== undefined && !same) return false;
    if (now !== undefined) unlinkSync(path);
    return writeExclusive(path, holder);
  } finally {
    unlinkSync(guard);
  }
}

/**
 * Takes the exclusive lock of a data directory for this process, or throws DataDirectoryHeldError naming the live
 * holder. A stale lock (its process gone) is taken over.
 */
export function acquireDataDirectoryLock(dataDir: string, command: string): DataDirectoryLock {
  const path = lockPathOf(dataDir);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    processStart: processStartOf(process.pid),
    command,
    url: null,
  };
  if (held.has(path)) throw new DataDirectoryHeldError(resolve(dataDir), held.get(path)!);
  for (let attempt = 0; attempt < 20; attempt++) {
    if (writeExclusive(path, holder)) {
      held.set(path, holder);
      installExitHook();
      return lockHandle(path, holder);
    }
    const found = readHolder(path);
    if (found === undefined) continue;
    if (found !== 'unreadable' && holderIsLive(found)) throw new DataDirectoryHeldError(resolve(dataDir), found);
    // An unreadable lock is one a process wrote half of before it died (or a stranger's file): stale as well.
    if (takeOverStale(path, found, holder)) {
      held.set(path, holder);
      installExitHook();
      return lockHandle(path, holder);
    }
  }
  const last = readHolder(path);
  if (last && last !== 'unreadable') throw new DataDirectoryHeldError(resolve(dataDir), last);
  throw new Error(`could not take the lock ${path}`);
}

function lockHandle(path: string, holder: LockHolder): DataDirectoryLock {
  let current = holder;
  return {
    path,
    get holder() {
      return current;
    },
    announce(url) {
      if (held.get(path) !== current) return;
      current = { ...current, url };
      held.set(path, current);
      // Written whole, then renamed over the lock: a reader never sees half a file.
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(current)}\n`, { mode: 0o644 });
      renameSync(temporary, path);
    },
    release() {
      removeIfOurs(path);
    },
  };
}

/** Whether a directory holds a database already (PostgreSQL writes PG_VERSION when it creates one). */
export function holdsDatabase(dataDir: string): boolean {
  return existsSync(join(resolve(dataDir), 'PG_VERSION'));
}
