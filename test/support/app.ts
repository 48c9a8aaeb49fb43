/**
 * Builds the whole app in-process on a fresh test database, optionally with a charter applied, for `app.inject()`.
 */
import type { FastifyInstance } from 'fastify';
import { ensureOrganisation } from '../../src/accounts/organisations.js';
import { buildApp } from '../../src/app.js';
import { applyCharter } from '../../src/charter/repository.js';
import type { Charter } from '../../src/charter/schema.js';
import type { Database } from '../../src/database.js';
import { readConfig } from '../../src/platform/config.js';
import type { OpenDatabase } from '../../src/platform/db/database.js';
import { createLogger, type Logger } from '../../src/platform/logger.js';
import { testDatabase } from './database.js';
import { defaultText } from '../../src/charter/localized.js';

export interface TestApp {
  app: FastifyInstance;
  database: OpenDatabase<Database>;
  organisationId?: string;
  close(): Promise<void>;
}

/** `env`: extra configuration variables (e.g. `{ SMTP_URL }` for a test SMTP server). */
export async function buildTestApp(
  options: { charter?: Charter; now?: () => Date; env?: Record<string, string>; logger?: Logger } = {},
): Promise<TestApp> {
  const database = await testDatabase();
  let organisationId: string | undefined;
  if (options.charter) {
    const organisation = await ensureOrganisation(
      database.db,
      options.charter.organisation.id,
      defaultText(options.charter.organisation.legalName, options.charter),
    );
    organisationId = organisation.id;
    await applyCharter(
      database.db,
      { organisationId },
      { charter: options.charter, source: JSON.stringify(options.charter), format: 'json', actor: 'system' },
    );
  }
  const app = await buildApp({
    db: database.db,
    dbKind: database.kind,
    config: readConfig({ LOG_LEVEL: 'silent', CHARTER_SECRET: 'test-secret-test-secret', ...options.env }),
    logger: options.logger ?? createLogger('silent'),
    clock: options.now ?? (() => new Date()),
  });
  await app.ready();
  return {
    app,
    database,
    ...(organisationId ? { organisationId } : {}),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
