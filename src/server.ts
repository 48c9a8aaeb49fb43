/**
 * Starting Charter: open the database, migrate, apply the charter file (a new revision only when it changed), build
 * the app and listen. Used by `charter serve` and `npm start`.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { resolve } from 'node:path';
import { issueSetupLink } from './accounts/links.js';
import { createInstallationMailer } from './accounts/installation-mailer.js';
import { buildApp } from './app.js';
import { registerAuditJobs } from './audit/checkpoint-mail.js';
import { ephemeralAuditKey, installAuditKey, resolveAuditKey } from './audit/key.js';
import { sealUnkeyedChains } from './audit/trail.js';
import { applyCharterFile, describeFileApplication } from './charter/file-application.js';
import { formatProblem } from './charter/loader.js';
import { resolvedCharterSource } from './charter/template-files.js';
import { migrations, type Database } from './database.js';
import { publicUrl, requirePublicUrl, type Config } from './platform/config.js';
import { migrate, openDatabase, type OpenDatabase } from './platform/db/database.js';
import { listenForBackupRequests } from './platform/db/pglite-backup.js';
import { createJobRunner } from './platform/jobs.js';
import { createLogger, type Logger } from './platform/logger.js';
import { ephemeralSecretsKey, installSecretsKeyring, resolveSecretsKeyring } from './platform/secret-box.js';
import { sealStoredSecrets } from './secrets-at-rest.js';
import { registerNoticeJobs } from './notices/jobs.js';
import { registerSiteJobs } from './sites/jobs.js';
import { registerRecordsJobs } from './records/breach-reminders.js';
import { composeRetention } from './retention/deps.js';
import { registerRetentionJobs } from './retention/jobs.js';
import { registerRightsJobs, rightsContextOf } from './rights/register.js';
import { registerWebhookJobs } from './webhooks/deliver.js';

export interface StartOptions {
  config: Config;
  charterFile?: string | undefined;
  logger?: Logger;
  /** Where to print the URLs (stdout by default). */
  print?: (text: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  database: OpenDatabase<Database>;
  url: string;
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the configured database, with the configured audit key installed first (a key file is created
 * on first use) and every audit chain from before the keyed trail sealed.
 */
export async function openConfiguredDatabase(config: Config, command = 'charter'): Promise<OpenDatabase<Database>> {
  installAuditKey(resolveAuditKey(config));
  const keyring = resolveSecretsKeyring(config);
  installSecretsKeyring(keyring);
  sayEphemeralKeysOnce(config);
  const database = await openDatabase<Database>({
    url: config.DATABASE_URL,
    dataDir: config.CHARTER_DATA_DIR,
    command,
  });
  try {
    await migrate(database.db, migrations);
    await sealUnkeyedChains(database.db);
    // Secrets stored in clear before encryption at rest are sealed now; one sealed with a key not configured stops the start.
    await sealStoredSecrets(database.db, keyring);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

let saidEphemeral = false;

/** With `memory://` data and no key configured, the keys live in memory only: said once per process, on stderr. */
function sayEphemeralKeysOnce(config: Config): void {
  const keys = [
    ephemeralAuditKey(config) ? 'audit key' : undefined,
    ephemeralSecretsKey(config) ? 'secrets key' : undefined,
  ].filter(Boolean);
  if (keys.length === 0 || saidEphemeral) return;
  saidEphemeral = true;
  process.stderr.write(
    `charter: CHARTER_DATA_DIR is memory://, so the ${keys.join(' and ')} ${keys.length === 1 ? 'is' : 'are'} made in memory and gone with the process (no key file is written)\n`,
  );
}

/** Runs `work` on the configured database, opened and migrated, and closes it after: what a CLI command needs. */
export async function withConfiguredDatabase<T>(
  config: Config,
  work: (database: OpenDatabase<Database>) => Promise<T>,
  command = 'charter',
): Promise<T> {
  const database = await openConfiguredDatabase(config, command);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export class CharterFileError extends Error {
  override name = 'CharterFileError';
}

/** A port free on `host` now (for PORT=0), so the public URL can name it before the app is built. */
async function freePort(host: string): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Where a process on this machine reaches the server: its listening address (a wildcard means loopback), not the public URL, which may be a proxy. */
function localUrl(app: FastifyInstance, config: Config): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host =
    config.HOST === '0.0.0.0' || config.HOST === ''
      ? '127.0.0.1'
      : config.HOST === '::'
        ? '[::1]'
        : config.HOST.includes(':')
          ? `[${config.HOST}]`
          : config.HOST;
  return `http://${host}:${port}`;
}

/**
 * `--charter` / CHARTER_FILE: applies the file before the server listens, through the same gate as `charter apply`
 * (refused with every problem, nothing applied).
 */
async function applyCharterFileAtStart(
  charterFile: string,
  db: Kysely<Database>,
  print: (text: string) => void,
  logger: Logger,
): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  let source: string;
  try {
    source = await readFile(charterFile, 'utf8');
  } catch (error) {
    throw new CharterFileError(
      `${charterFile}: cannot read the charter file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  // A charter that extends a template is resolved here, where the files are; what is applied is the resolved text.
  const resolved = resolvedCharterSource(source, resolve(charterFile), process.cwd());
  if (!resolved.ok) {
    const problems = resolved.problems.map((p) => formatProblem(p));
    throw new CharterFileError(
      `${problems.join('\n')}\n${charterFile}: refused, ${problems.length} problem${problems.length === 1 ? '' : 's'} (the same gate as charter apply); nothing was applied`,
    );
  }
  source = resolved.source;
  const result = await applyCharterFile(db, {
    source,
    file: charterFile,
    actor: 'system',
    now: new Date(),
  });
  if (result.outcome === 'refused')
    throw new CharterFileError(
      `${result.problems.join('\n')}\n${charterFile}: refused, ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} (the same gate as charter apply); nothing was applied`,
    );
  print(describeFileApplication(charterFile, result));
  logger.info({ organisation: result.organisation, outcome: result.outcome }, 'charter file');
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  requirePublicUrl(options.config);
  // Links are built from the configuration only (never the Host header), so PORT=0 is resolved to a real port first.
  const config: Config =
    options.config.PORT === 0 ? { ...options.config, PORT: await freePort(options.config.HOST) } : options.config;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  const database = await openConfiguredDatabase(config, 'charter serve');
  try {
    const charterFile = options.charterFile ?? config.CHARTER_FILE;
    if (charterFile) await applyCharterFileAtStart(charterFile, database.db, print, logger);
    const app = await buildApp({ db: database.db, dbKind: database.kind, config, logger, clock: () => new Date() });
    await app.listen({ port: config.PORT, host: config.HOST });
    // `charter db backup` run beside the server asks it for the copy (pglite-backup.ts): registered before the server
    // announces itself in its lock file, which is what the command checks before it signals.
    const stopBackups =
      database.lock && database.backup
        ? listenForBackupRequests(database.lock.path, database.backup, (error) =>
            logger.error({ err: error }, 'backup request failed'),
          )
        : () => {};
    // Commands run beside the server find it through its lock file, and ask it instead of opening the directory.
    database.lock?.announce(localUrl(app, config));
    // Durable background jobs (the daily retention sweep…), shared with every other process on the same database.
    const jobs = createJobRunner({ db: database.db, logger });
    registerRetentionJobs(
      jobs,
      composeRetention({ db: database.db, dbKind: database.kind, config, env: process.env, clock: () => new Date() }),
      config,
      logger,
    );
    const url = publicUrl(config);
    // Reminders of the 72-hour breach clock, mailed to the owners and privacy officers.
    const mailer = createInstallationMailer({ db: database.db, logger, config });
    registerRecordsJobs(jobs, { db: database.db, mailer, logger, publicUrl: url });
    // Signed checkpoints of every audit chain mailed to the owners daily, when AUDIT_CHECKPOINT_MAIL names a time.
    registerAuditJobs(jobs, { db: database.db, mailer, logger, schedule: config.AUDIT_CHECKPOINT_MAIL });
    // Notice versions for new revisions, queued change announcements, unconfirmed subscriptions deleted after a week.
    registerNoticeJobs(jobs, { db: database.db, mailer, logger, baseUrl: url });
    // Data-subject requests: lost dispatches, ended grace periods, unverifiable closures, officer reminders, expired packages.
    registerRightsJobs(jobs, rightsContextOf(app));
    // The daily scan of every declared site in Chromium (playwright-core loaded only when a scan runs), compared with the charter; drift is mailed to the officers.
    registerSiteJobs(jobs, {
      db: database.db,
      mailer,
      logger,
      clock: () => new Date(),
      publicUrl: url,
      scan: async (options) => (await import('./sites/scanner.js')).scanSite(options),
    });
    // Webhooks: each organisation's queued events sent to its subscribers, in order, one lane per organisation.
    registerWebhookJobs(jobs, {
      db: database.db,
      dbKind: database.kind,
      logger,
      clock: () => new Date(),
      allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE,
    });
    const sites = await database.db.selectFrom('sites').select('site_id').orderBy('site_id').execute();
    print(
      `Charter ${database.kind === 'pglite' ? `on PGlite (${config.CHARTER_DATA_DIR})` : 'on PostgreSQL'} is ready at ${url}`,
    );
    // Without SMTP nothing leaves the machine: say so where a newcomer looks first, and where the mail is.
    if (!config.SMTP_URL)
      print(
        `  mail           SMTP is not configured: mail is kept in the Outbox, not sent (console: ${url}/console/outbox; terminal: charter outbox)`,
      );
    print(`  landing page   ${url}/`);
    print(`  API (OpenAPI)  ${url}/openapi.json`);
    const pages = [
      ['/privacy/:site', 'privacy center'],
      ['/demo/:site', 'demo'],
    ].filter(([route]) => app.hasRoute({ method: 'GET', url: route ?? '' }));
    if (app.hasRoute({ method: 'GET', url: '/console/' })) print(`  console        ${url}/console/`);
    // First run: no user yet, so a one-time link (1 hour) to create the first owner; a restart prints a fresh one.
    const setupToken = await issueSetupLink(database.db, new Date());
    if (setupToken)
      print(`  first run      create the first owner within 1 hour: ${url}/console/setup?token=${setupToken}`);
    for (const site of sites) {
      for (const [route, label] of pages)
        print(`  ${(label ?? '').padEnd(14)} ${url}${(route ?? '').replace(':site', site.site_id)}`);
    }
    jobs.start();
    return {
      app,
      database,
      url,
      close: async () => {
        stopBackups();
        await jobs.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
