/**
 * The secrets Charter keeps to read back — webhook signing secrets (webhooks/) and TOTP seeds (accounts/) — sealed
 * under the secrets key (platform/secret-box.ts). This composition module knows which columns those are and does two
 * things to them:
 *
 * - at start (`sealStoredSecrets`): seals any value still in clear (rows from before encryption at rest: the data
 *   migration, which needs the key and so cannot be an SQL migration), and refuses to start when a value names a key
 *   the keyring does not hold — a clear error at start instead of failed deliveries and sign-ins later;
 * - on `charter secrets rotate` (`resealStoredSecrets`): opens every value with whichever key it names and seals it
 *   again with the current key.
 *
 * Every update is a compare-and-set on the old value, so two processes doing this at once cannot lose a secret.
 */
import type { Kysely } from 'kysely';
import { totpSecretContext } from './accounts/two-factor.js';
import type { AccountTables } from './accounts/tables.js';
import { viewOf } from './platform/db/view.js';
import type { WebhookTables } from './webhooks/tables.js';
import { inOrganisation } from './platform/db/tenancy.js';
import { acrossOrganisations } from './platform/db/tenancy-guard.js';
import { isSealed, SecretsKeyError, sealedKeyId, type SecretsKeyring } from './platform/secret-box.js';
import { webhookSecretContext } from './webhooks/subscriptions.js';

/** The tables holding sealed secrets: the webhooks' and the accounts' own. */
type SecretsDb = WebhookTables & AccountTables;
const secretsView = viewOf<SecretsDb>();

export interface ResealReport {
  /** Values that were in clear and are now sealed. */
  sealed: number;
  /** Values sealed under an older key, now under the current one. */
  resealed: number;
}

type Mode = 'clear-only' | 'all';

/** What to store instead of `value` (undefined: keep it), under the keyring's current key. */
function replacement(
  keyring: SecretsKeyring,
  value: string,
  context: string,
  mode: Mode,
  report: ResealReport,
): string | undefined {
  if (!isSealed(value)) {
    report.sealed++;
    return keyring.seal(value, context);
  }
  const id = sealedKeyId(value)!;
  if (!keyring.ids.includes(id)) {
    throw new SecretsKeyError(
      `stored secrets are sealed with secrets key ${id}, which ${keyring.source} does not hold (it holds ${keyring.ids.join(', ')}): configure the key they were sealed with`,
    );
  }
  if (mode === 'clear-only' || id === keyring.currentId) return undefined;
  report.resealed++;
  return keyring.seal(keyring.open(value, context), context);
}

async function reseal(anyDb: Kysely<SecretsDb>, keyring: SecretsKeyring, mode: Mode): Promise<ResealReport> {
  const db = secretsView(anyDb);
  const report: ResealReport = { sealed: 0, resealed: 0 };
  // Which subscriptions have a secret to look at spans organisations by design; each update is scoped.
  const subscriptions = await acrossOrganisations('secrets at rest', () =>
    db.selectFrom('webhook_subscriptions').select(['organisation_id', 'id', 'secret', 'previous_secret']).execute(),
  );
  for (const row of subscriptions) {
    const context = webhookSecretContext(row.organisation_id, row.id);
    const secret = replacement(keyring, row.secret, context, mode, report);
    const previous =
      row.previous_secret === null ? undefined : replacement(keyring, row.previous_secret, context, mode, report);
    if (secret === undefined && previous === undefined) continue;
    await inOrganisation(db, { organisationId: row.organisation_id }, (trx) => {
      let update = trx
        .updateTable('webhook_subscriptions')
        .set({ ...(secret ? { secret } : {}), ...(previous ? { previous_secret: previous } : {}) })
        .where('organisation_id', '=', row.organisation_id)
        .where('id', '=', row.id)
        .where('secret', '=', row.secret);
      if (row.previous_secret !== null) update = update.where('previous_secret', '=', row.previous_secret);
      return update.execute();
    });
  }
  const seeds = await db.selectFrom('user_two_factor').select(['user_id', 'secret']).execute();
  for (const row of seeds) {
    const secret = replacement(keyring, row.secret, totpSecretContext(row.user_id), mode, report);
    if (secret === undefined) continue;
    await db
      .updateTable('user_two_factor')
      .set({ secret })
      .where('user_id', '=', row.user_id)
      .where('secret', '=', row.secret)
      .execute();
  }
  return report;
}

/** At start: seals what is still in clear; a value sealed with a key the keyring lacks is a `SecretsKeyError`. */
export function sealStoredSecrets<DB extends SecretsDb>(
  db: Kysely<DB>,
  keyring: SecretsKeyring,
): Promise<ResealReport> {
  return reseal(secretsView(db), keyring, 'clear-only');
}

/** `charter secrets rotate`: every stored secret sealed again under the keyring's current key. */
export function resealStoredSecrets<DB extends SecretsDb>(
  db: Kysely<DB>,
  keyring: SecretsKeyring,
): Promise<ResealReport> {
  return reseal(secretsView(db), keyring, 'all');
}
