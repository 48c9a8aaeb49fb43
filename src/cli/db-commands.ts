/**
 * `charter db backup <file>` and `charter db restore <file>` for the embedded PGlite database. A backup is consistent
 * while the server runs (the server writes it); a restore refuses while any process holds the directory.
 */
import { resolve } from 'node:path';
import { readConfig } from '../platform/config.js';
import { currentHolder, DataDirectoryHeldError, describeHolder } from '../platform/db/data-dir-lock.js';
import { openDatabase } from '../platform/db/database.js';
import { requestBackupFrom, restorePgliteBackup } from '../platform/db/pglite-backup.js';
import { openConfiguredDatabase } from '../server.js';
import { exitCodes, UsageError, type Command } from './command.js';
import { announceDatabase, CliRefusal, heldRefusal, requireExistingDatabase, resolvedConfig } from './database.js';

/** How long `db backup` waits for a running server to write the copy. */
const serverBackupTimeoutMs = 10 * 60 * 1000;

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

const postgresAdvice =
  'charter: db backup and db restore are for the embedded PGlite database; back up PostgreSQL with its own tools (pg_dump, pg_restore).';

export const dbBackupCommand: Command = {
  name: 'db backup',
  summary: 'Write a consistent copy of the PGlite database to a file (also while the server runs)',
  usage: 'db backup <file>',
  help: [
    'The copy is a gzipped tar of the data directory, taken after a checkpoint while no transaction runs. While',
    '`charter serve` holds the directory, the server writes it (asked through a request file and SIGUSR2, so only its',
    'own user or root can ask). The file holds personal data: it is created readable by its owner only. Keep the audit',
    'key (CHARTER_AUDIT_KEY or the audit.key file) apart from it: the restored trail verifies only with that key.',
  ].join('\n'),
  async run(args, io) {
    const file = args.positionals[0];
    if (!file) throw new UsageError('name the file to write');
    const out = resolve(io.cwd, file);
    const config = resolvedConfig(io, readConfig(io.env));
    announceDatabase(io, config);
    if (config.DATABASE_URL) throw new CliRefusal(postgresAdvice);
    requireExistingDatabase({ ...io, init: false }, config);
    const holder = currentHolder(config.CHARTER_DATA_DIR);
    if (holder) {
      // Only a listening `charter serve` answers the request; another command would be ended by the signal.
      if (holder.command !== 'charter serve' || !holder.url || holder.pid === process.pid) {
        throw new CliRefusal(
          `charter: the database ${config.CHARTER_DATA_DIR} is in use by ${describeHolder(holder)}, which cannot write a backup. Try again when it has finished.`,
        );
      }
      io.err(`charter: asking ${describeHolder(holder)} to write the backup`);
      const bytes = await requestBackupFrom(holder, config.CHARTER_DATA_DIR, out, serverBackupTimeoutMs);
      io.out(`Backed up ${config.CHARTER_DATA_DIR} to ${out} (${megabytes(bytes)}), written by the running server.`);
      return exitCodes.ok;
    }
    let database;
    try {
      database = await openDatabase({ dataDir: config.CHARTER_DATA_DIR, command: 'charter db backup' });
    } catch (error) {
      if (error instanceof DataDirectoryHeldError)
        throw heldRefusal(error, 'Try again: a server that started meanwhile writes the backup itself.');
      throw error;
    }
    try {
      const bytes = await database.backup!(out);
      io.out(`Backed up ${config.CHARTER_DATA_DIR} to ${out} (${megabytes(bytes)}).`);
      return exitCodes.ok;
    } finally {
      await database.close();
    }
  },
};

export const dbRestoreCommand: Command = {
  name: 'db restore',
  summary: 'Replace the PGlite database with a backup (refused while a server runs; the old directory is kept)',
  usage: 'db restore <file>',
  help: [
    'Stop the server first. A data directory that already holds a database is moved aside (…/data.before-restore-<time>),',
    'never deleted. The restored database is migrated to this version of Charter; verify it with `charter audit verify`.',
  ].join('\n'),
  async run(args, io) {
    const file = args.positionals[0];
    if (!file) throw new UsageError('name the backup file to restore');
    const source = resolve(io.cwd, file);
    const config = resolvedConfig(io, readConfig(io.env));
    announceDatabase(io, config);
    if (config.DATABASE_URL) throw new CliRefusal(postgresAdvice);
    let restored: { keptAs: string | null };
    try {
      restored = await restorePgliteBackup(config.CHARTER_DATA_DIR, source, 'charter db restore');
    } catch (error) {
      if (error instanceof DataDirectoryHeldError)
        throw heldRefusal(error, 'Stop it first: a restore replaces the database it has open.');
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new CliRefusal(`charter: cannot read the backup ${source}`);
      throw error;
    }
    // Opened once as every command opens it: migrations of this version, audit chains sealed.
    const database = await openConfiguredDatabase(config, 'charter db restore');
    await database.close();
    io.out(
      `Restored ${source} into ${config.CHARTER_DATA_DIR}.${restored.keptAs ? ` The directory it replaced is kept as ${restored.keptAs}.` : ''}`,
    );
    return exitCodes.ok;
  },
};

export const dbCommands: Command[] = [dbBackupCommand, dbRestoreCommand];
