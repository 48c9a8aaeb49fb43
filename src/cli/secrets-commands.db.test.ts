/**
 * `charter secrets rotate` on a PGlite installation with a key file: every stored secret moves to a new key, the file
 * keeps only that key, and a start with another key is refused with a clear error.
 */
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import { readConfig } from '../platform/config.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import {
  currentSecretsKeyring,
  installSecretsKeyring,
  keyringFrom,
  sealedKeyId,
  type SecretsKeyring,
} from '../platform/secret-box.js';
import { openConfiguredDatabase } from '../server.js';
import { createSubscription } from '../webhooks/subscriptions.js';

let dir: string;
let env: Record<string, string>;
let processKeyring: SecretsKeyring;
let organisationId: string;

beforeAll(async () => {
  processKeyring = currentSecretsKeyring();
  dir = await mkdtemp(join(tmpdir(), 'charter-rotate-'));
  env = { CHARTER_DATA_DIR: join(dir, 'data'), CHARTER_AUDIT_KEY: process.env.CHARTER_AUDIT_KEY!, LOG_LEVEL: 'silent' };
  const database = await openConfiguredDatabase(readConfig(env));
  try {
    organisationId = (await ensureOrganisation(database.db, 'rotate', 'Rotate')).id;
    await createSubscription(
      { db: database.db, clock: () => new Date(), allowPrivate: true },
      { organisationId, actor: 'user:test' },
      { url: 'http://127.0.0.1:9/hook', events: ['webhook.test'] },
    );
  } finally {
    await database.close();
  }
}, 120_000);
afterAll(async () => {
  installSecretsKeyring(processKeyring);
  await rm(dir, { recursive: true, force: true });
});

async function storedKeyIds(config: Record<string, string>): Promise<(string | undefined)[]> {
  const database = await openConfiguredDatabase(readConfig(config));
  try {
    const rows = await inOrganisation(database.db, { organisationId }, (trx) =>
      trx.selectFrom('webhook_subscriptions').select('secret').where('organisation_id', '=', organisationId).execute(),
    );
    return rows.map((r) => sealedKeyId(r.secret));
  } finally {
    await database.close();
  }
}

describe('charter secrets rotate', { timeout: 120_000 }, () => {
  it('seals every stored secret under a new key and leaves only that key in the file', async () => {
    const keyFile = join(dir, 'secrets.key');
    const oldKey = (await readFile(keyFile, 'utf8')).trim();
    expect(await storedKeyIds(env)).toEqual([keyringFrom([oldKey]).currentId]);

    const run = await runCli(['secrets', 'rotate'], { env, cwd: dir });
    expect(run.err).not.toMatch(/Error:/);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Sealed 1 stored secret\(s\) under the new key [0-9a-f]{12}/);
    const lines = (await readFile(keyFile, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toBe(oldKey);
    expect(await storedKeyIds(env)).toEqual([keyringFrom(lines).currentId]);

    // Started with the old key only: refused at start, naming the key the secrets need.
    await expect(storedKeyIds({ ...env, CHARTER_SECRETS_KEY: oldKey })).rejects.toThrow(
      `sealed with secrets key ${keyringFrom(lines).currentId}, which CHARTER_SECRETS_KEY does not hold`,
    );
  });

  it('refuses a key file others may read', async () => {
    await chmod(join(dir, 'secrets.key'), 0o644);
    const run = await runCli(['secrets', 'rotate'], { env, cwd: dir });
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/may be read by others .*chmod 600/);
  });
});
