/**
 * How a CLI command reaches Charter's database. It says which database it uses (stderr, never a password); it never
 * creates a PGlite database by accident (a missing directory is refused unless `--init`); and it never opens a PGlite
 * directory that a running server holds — the command either asks that server through its API with a token
 * (remote.ts) or is refused with the holder named and what to do instead.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from '../database.js';
import type { Config } from '../platform/config.js';
import { DataDirectoryHeldError, describeHolder } from '../platform/db/data-dir-lock.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { openConfiguredDatabase } from '../server.js';
import type { CliIo } from './command.js';

/** Refusals a person can act on: printed as they are, exit 1. */
export class CliRefusal extends Error {
  override name = 'CliRefusal';
}

/** The configuration with the PGlite directory resolved from the command's working directory (not the process's, which differs in tests). */
export function resolvedConfig(io: CliIo, config: Config): Config {
  if (isInMemory(config)) return config;
  return { ...config, CHARTER_DATA_DIR: resolve(io.cwd, config.CHARTER_DATA_DIR) };
}

/** `memory://`: a PGlite that lives and dies with the process (tests, trials); nothing to lock or to find on disk. */
const isInMemory = (config: Config) => config.CHARTER_DATA_DIR.startsWith('memory://');

/** `PGlite /srv/charter/.charter/data` or `PostgreSQL db.example:5432/charter` — never the user or password. */
export function describeDatabase(config: Config): string {
  if (!config.DATABASE_URL)
    return isInMemory(config)
      ? 'PGlite in memory (gone when the command ends)'
      : `PGlite ${resolve(config.CHARTER_DATA_DIR)}`;
  try {
    const url = new URL(config.DATABASE_URL);
    return `PostgreSQL ${url.hostname || 'localhost'}${url.port ? `:${url.port}` : ''}${url.pathname.length > 1 ? url.pathname : ''}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** Prints the database a command uses, once per command, on stderr (stdout stays for the command's output, e.g. JSON). */
export function announceDatabase(io: CliIo, config: Config): void {
  io.err(`charter: database ${describeDatabase(config)}`);
}

/** Refuses a PGlite directory that does not exist unless `--init`: a command run from the wrong folder must not start a new, empty installation there. */
export function requireExistingDatabase(io: CliIo, config: Config): void {
  if (config.DATABASE_URL || io.init || isInMemory(config)) return;
  const dir = resolve(config.CHARTER_DATA_DIR);
  if (existsSync(dir)) return;
  throw new CliRefusal(
    `charter: there is no database at ${dir}.\n` +
      "  Run the command in the installation's folder, or set CHARTER_DATA_DIR (or DATABASE_URL) to its database;\n" +
      '  pass --init to create a new, empty database there.',
  );
}

/** The refusal for a directory a running process holds, with the advice of the command that was refused. */
export function heldRefusal(error: DataDirectoryHeldError, advice: string): CliRefusal {
  return new CliRefusal(
    `charter: the database ${error.dataDir} is in use by ${describeHolder(error.holder)}.\n` +
      '  Only one process may open a PGlite database at a time (two would corrupt it).\n' +
      `  ${advice}`,
  );
}

/** What a command refused beside a running server can do instead, when the API has no route for it. */
export const stopServerAdvice =
  'Stop that server first, or use PostgreSQL (DATABASE_URL) to run commands beside a server.';

/**
 * Opens the configured database for a CLI command (migrated, audit key installed), runs `work`, closes it.
 * `advice` is what to tell a person whose command a running server's lock refused.
 */
export async function withCliDatabase<T>(
  io: CliIo,
  given: Config,
  command: string,
  work: (database: OpenDatabase<Database>) => Promise<T>,
  advice = stopServerAdvice,
): Promise<T> {
  const config = resolvedConfig(io, given);
  announceDatabase(io, config);
  requireExistingDatabase(io, config);
  let database: OpenDatabase<Database>;
  try {
    database = await openConfiguredDatabase(config, `charter ${command}`);
  } catch (error) {
    if (error instanceof DataDirectoryHeldError) throw heldRefusal(error, advice);
    throw error;
  }
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
