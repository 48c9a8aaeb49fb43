/**
 * A PGlite installation in a fresh temporary folder, for the CLI tests that run real `charter` processes on it
 * (test-only module): its data directory, charter file and environment, and the organisation and API token created
 * before any server holds the directory.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minimalCharterYaml } from '../../../test/support/charter.js';
import { ensureOrganisation } from '../../accounts/organisations.js';
import { createApiToken } from '../../accounts/tokens.js';
import { readConfig } from '../../platform/config.js';
import { openConfiguredDatabase } from '../../server.js';

/** The folders and environment of a new installation below a temporary folder named with `prefix`. */
export function temporaryInstallation(prefix: string) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  return {
    work,
    dataDir: join(work, 'data'),
    charterFile: join(work, 'charter.yaml'),
    env: {
      CHARTER_DATA_DIR: join(work, 'data'),
      LOG_LEVEL: 'warn',
      RETENTION_SCHEDULE: 'off',
      CHARTER_AUDIT_KEY: process.env.CHARTER_AUDIT_KEY ?? '',
    },
  };
}

/**
 * Writes the test charter and, before any server runs, creates the organisation and an API token with `scopes` for
 * the commands run beside the server; returns the token.
 */
export async function prepareInstallation(
  installation: ReturnType<typeof temporaryInstallation>,
  scopes: string[],
): Promise<string> {
  writeFileSync(installation.charterFile, minimalCharterYaml);
  const database = await openConfiguredDatabase(readConfig(installation.env));
  try {
    const organisation = await ensureOrganisation(database.db, 'testco', 'Testco BV');
    const created = await createApiToken(
      database.db,
      { organisationId: organisation.id },
      { name: 'cli', scopes, actor: 'test' },
      new Date(),
    );
    return created.token;
  } finally {
    await database.close();
  }
}
