/**
 * Starting Charter: open the database, migrate, apply the charter file (a new revision only when it changed), build
 * the app and listen. Used by `charter serve` and `npm start`.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { issueSetupLink } from './accounts/links.js';
import { ensureOrganisation } from './accounts/organisations.js';
import { mailRecipientKey } from './accounts/throttle.js';
import { buildApp } from './app.js';
import { registerAuditJobs } from './audit/checkpoint-mail.js';
import { installAuditKey, resolveAuditKey } from './audit/key.js';
import { sealUnkeyedChains } from './audit/trail.js';
import { formatProblem, loadCharterFile } from './charter/loader.js';
import { applyCharter } from './charter/repository.js';
import { migrations, type Database } from './database.js';
import { publicUrl, requirePublicUrl, type Config } from './platform/config.js';
import { migrate, openDatabase, type OpenDatabase } from './platform/db/database.js';
import { createJobRunner } from './platform/jobs.js';
import { createLogger, type Logger } from './platform/logger.js';
import { registerNoticeJobs } from './notices/jobs.js';
import { createMailer, type MailTables } from './platform/mail.js';
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
export async function openConfiguredDatabase(config: Config): Promise<OpenDatabase<Database>> {
  installAuditKey(resolveAuditKey(config));
  const database = await openDatabase<Database>({ url: config.DATABASE_URL, dataDir: config.CHARTER_DATA_DIR });
  try {
    await migrate(database.db, migrations);
    await sealUnkeyedChains(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Runs `work` on the configured database, opened and migrated, and closes it after: what a CLI command needs. */
export async function withConfiguredDatabase<T>(config: Config, work: (database: OpenDatabase<Database>) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config);
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

export async function startServer(options: StartOptions): Promise<RunningServer> {
  requirePublicUrl(options.config);
  // Links are built from the configuration only (never the Host header), so PORT=0 is resolved to a real port first.
  const config: Config = options.config.PORT === 0 ? { ...options.config, PORT: await freePort(options.config.HOST) } : options.config;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  const database = await openConfiguredDatabase(config);
  try {
    const charterFile = options.charterFile ?? config.CHARTER_FILE;
    if (charterFile) {
      const loaded = await loadCharterFile(charterFile);
      if (!loaded.ok) throw new CharterFileError(loaded.problems.map(formatProblem).join('\n'));
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(charterFile, 'utf8');
      const organisation = await ensureOrganisation(database.db, loaded.charter.organisation.id, loaded.charter.organisation.legalName);
      const applied = await applyCharter(database.db, { organisationId: organisation.id }, { charter: loaded.charter, source, format: 'yaml', actor: 'system' });
      logger.info({ organisation: organisation.slug, seq: applied.seq, changed: applied.changed }, 'charter applied');
    }
    const app = await buildApp({ db: database.db, dbKind: database.kind, config, logger, clock: () => new Date() });
    await app.listen({ port: config.PORT, host: config.HOST });
    // Durable background jobs (the daily retention sweep…), shared with every other process on the same database.
    const jobs = createJobRunner({ db: database.db, logger });
    registerRetentionJobs(jobs, composeRetention({ db: database.db, dbKind: database.kind, config, env: process.env, clock: () => new Date() }), config, logger);
    const url = publicUrl(config);
    // Reminders of the 72-hour breach clock, mailed to the owners and privacy officers.
    const mailer = createMailer({ db: database.db as unknown as Kysely<MailTables>, logger, smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, recipientKey: mailRecipientKey(database.db, config.CHARTER_SECRET) });
    registerRecordsJobs(jobs, { db: database.db, mailer, logger, publicUrl: url });
    // Signed checkpoints of every audit chain mailed to the owners daily, when AUDIT_CHECKPOINT_MAIL names a time.
    registerAuditJobs(jobs, { db: database.db, mailer, logger, schedule: config.AUDIT_CHECKPOINT_MAIL });
    // Notice versions for new revisions, queued change announcements, unconfirmed subscriptions deleted after a week.
    registerNoticeJobs(jobs, { db: database.db, mailer, logger, baseUrl: url });
    // Data-subject requests: lost dispatches, ended grace periods, unverifiable closures, officer reminders, expired packages.
    registerRightsJobs(jobs, rightsContextOf(app));
    // Webhooks: each organisation's queued events sent to its subscribers, in order, one lane per organisation.
    registerWebhookJobs(jobs, { db: database.db, dbKind: database.kind, logger, clock: () => new Date(), allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE });
    const sites = await database.db.selectFrom('sites').select('site_id').orderBy('site_id').execute();
    print(`Charter ${database.kind === 'pglite' ? `on PGlite (${config.CHARTER_DATA_DIR})` : 'on PostgreSQL'} is ready at ${url}`);
    print(`  landing page   ${url}/`);
    print(`  API (OpenAPI)  ${url}/openapi.json`);
    const pages = [
      ['/privacy/:site', 'privacy center'],
      ['/demo/:site', 'demo'],
    ].filter(([route]) => app.hasRoute({ method: 'GET', url: route ?? '' }));
    if (app.hasRoute({ method: 'GET', url: '/console/' })) print(`  console        ${url}/console/`);
    // First run: no user yet, so a one-time link (1 hour) to create the first owner; a restart prints a fresh one.
    const setupToken = await issueSetupLink(database.db, new Date());
    if (setupToken) print(`  first run      create the first owner within 1 hour: ${url}/console/setup?token=${setupToken}`);
    for (const site of sites) {
      for (const [route, label] of pages) print(`  ${(label ?? '').padEnd(14)} ${url}${(route ?? '').replace(':site', site.site_id)}`);
    }
    jobs.start();
    return {
      app,
      database,
      url,
      close: async () => {
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
