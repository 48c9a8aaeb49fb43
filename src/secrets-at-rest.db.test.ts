/**
 * Secrets at rest: webhook signing secrets and TOTP seeds are stored sealed (never in clear), clear rows from before
 * are sealed at start, a key the installation does not hold is a clear error, and a rotation seals everything under
 * the new key — after which deliveries are still signed with the right secret and codes still check.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/support/database.js';
import { ensureOrganisation } from './accounts/organisations.js';
import { confirmEnrolment, startEnrolment } from './accounts/two-factor.js';
import { ensureUser } from './accounts/users.js';
import { totpCode } from './accounts/two-factor-rules.js';
import type { Database } from './database.js';
import type { OpenDatabase } from './platform/db/database.js';
import { inOrganisation } from './platform/db/tenancy.js';
import { acrossOrganisations } from './platform/db/tenancy-guard.js';
import { createLogger } from './platform/logger.js';
import {
  currentSecretsKeyring,
  installSecretsKeyring,
  keyringFrom,
  SecretsKeyError,
  sealedKeyId,
  type SecretsKeyring,
} from './platform/secret-box.js';
import { resealStoredSecrets, sealStoredSecrets } from './secrets-at-rest.js';
import { deliverOrganisation } from './webhooks/deliver.js';
import { createSubscription, sendTestEvent } from './webhooks/subscriptions.js';
import { startReceiver, type TestReceiver } from './webhooks/testing/receiver.js';

const oldKey = '1'.repeat(64);
const newKey = '2'.repeat(64);
let database: OpenDatabase<Database>;
let receiver: TestReceiver;
let processKeyring: SecretsKeyring;

beforeAll(async () => {
  processKeyring = currentSecretsKeyring();
  installSecretsKeyring(keyringFrom([oldKey]));
  database = await testDatabase();
  receiver = await startReceiver();
}, 120_000);
afterAll(async () => {
  installSecretsKeyring(processKeyring);
  await receiver?.close();
  await database?.close();
});

async function storedValues(): Promise<string[]> {
  const hooks = await acrossOrganisations('test', () =>
    database.db.selectFrom('webhook_subscriptions').select(['secret', 'previous_secret']).execute(),
  );
  const seeds = await database.db.selectFrom('user_two_factor').select('secret').execute();
  return [
    ...hooks.flatMap((h) => [h.secret, ...(h.previous_secret ? [h.previous_secret] : [])]),
    ...seeds.map((s) => s.secret),
  ];
}

async function newUser(email: string): Promise<string> {
  return (await ensureUser(database.db, email)).id;
}

describe('secrets at rest', { timeout: 60_000 }, () => {
  it('are sealed when made, sealed at start when found in clear, and sealed again under a new key by a rotation', async () => {
    const organisation = await ensureOrganisation(database.db, 'sealed', 'Sealed');
    const scope = { organisationId: organisation.id, actor: 'user:test' };
    const deps = { db: database.db, clock: () => new Date(), allowPrivate: true };
    const created = await createSubscription(deps, scope, { url: receiver.url, events: ['webhook.test'] });
    const userId = await newUser('totp@example.be');
    const { secret: totpSecret } = await startEnrolment(database.db, userId, new Date());

    // The database holds no clear secret: neither the whsec_ value nor the TOTP seed appears in any stored value.
    let stored = await storedValues();
    expect(stored.every((v) => v.startsWith('sealed:v1:'))).toBe(true);
    const dump = JSON.stringify(stored);
    expect(dump).not.toContain(created.secret.slice(6));
    expect(dump).not.toContain(totpSecret);

    // A row from before encryption at rest: sealed at start, and it still signs as before.
    const legacy = await createSubscription(deps, scope, { url: receiver.url, events: ['webhook.test'] });
    await inOrganisation(database.db, scope, (trx) =>
      trx
        .updateTable('webhook_subscriptions')
        .set({ secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
        .where('id', '=', legacy.id)
        .execute(),
    );
    expect(await sealStoredSecrets(database.db, keyringFrom([oldKey]))).toEqual({ sealed: 1, resealed: 0 });
    expect((await storedValues()).every((v) => v.startsWith('sealed:v1:'))).toBe(true);

    // A keyring that lacks the key they were sealed with: a clear error, nothing changed.
    const before = await storedValues();
    await expect(sealStoredSecrets(database.db, keyringFrom([newKey], 'CHARTER_SECRETS_KEY'))).rejects.toThrow(
      SecretsKeyError,
    );
    await expect(sealStoredSecrets(database.db, keyringFrom([newKey], 'CHARTER_SECRETS_KEY'))).rejects.toThrow(
      /which CHARTER_SECRETS_KEY does not hold/,
    );
    expect(await storedValues()).toEqual(before);

    // Rotation: every value under the new key; the process then holds only the new key and everything still works.
    const rotated = await resealStoredSecrets(database.db, keyringFrom([newKey, oldKey]));
    expect(rotated).toEqual({ sealed: 0, resealed: 3 });
    const newId = keyringFrom([newKey]).currentId;
    stored = await storedValues();
    expect(stored.map(sealedKeyId)).toEqual(stored.map(() => newId));
    installSecretsKeyring(keyringFrom([newKey]));

    await sendTestEvent(deps, scope, created.id);
    await sendTestEvent(deps, scope, legacy.id);
    await deliverOrganisation(
      {
        db: database.db,
        dbKind: database.kind,
        logger: createLogger('silent'),
        clock: () => new Date(),
        allowPrivate: true,
      },
      scope,
    );
    await receiver.waitFor(2);
    const bySecret = (secret: string) =>
      receiver.received.filter((r) => {
        try {
          new Webhook(secret).verify(r.body, r.headers);
          return true;
        } catch {
          return false;
        }
      });
    expect(bySecret(created.secret)).toHaveLength(1);
    expect(bySecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toHaveLength(1);

    const now = new Date();
    const confirmed = await confirmEnrolment(
      { db: database.db, secret: 'throttle-key-throttle', later: () => {} },
      { userId, code: totpCode(totpSecret, now), address: '10.0.0.9', pendingSession: false },
      now,
    );
    expect(confirmed.recoveryCodes).toHaveLength(10);
  });
});
