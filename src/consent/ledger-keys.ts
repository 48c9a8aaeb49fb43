/**
 * Keys for the consent domain's keyed hashes and signed links.
 *
 * - IP addresses: hashed with a random key of the day (UTC), stored in the database so that every server process uses
 *   the same one, and deleted after two days. Once a day's key is gone, nobody (not even with the database and the
 *   configuration) can test an IP address against that day's hashes. With CHARTER_SECRET set, the stored key is mixed
 *   with it, so the database alone is not enough either.
 * - Emails and signed links: one random key per organisation and purpose (`email`, `links`), generated once and kept
 *   in the database. They deliberately do not depend on CHARTER_SECRET: a suppression entry must keep matching, and an
 *   unsubscribe link in a mail sent years ago must keep working, even after the secret is rotated.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { consentView, type ConsentDb } from './tables.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';

/** How many days of IP keys are kept (today's and yesterday's, for requests crossing midnight). */
const ipKeyDays = 2;

export type OrganisationKeyName = 'email' | 'links';

export class ConsentKeys {
  /** The day's key with the bounds of its UTC day in epoch milliseconds. */
  #ipKey: { from: number; to: number; key: Buffer } | undefined;
  #ipKeyLoading: Promise<Buffer> | undefined;
  readonly #organisationKeys = new Map<string, Buffer>();

  constructor(
    private readonly db: Kysely<ConsentDb>,
    private readonly secret?: string,
  ) {}

  /** The keyed hash of an IP address for `now`'s day: 32 hex characters. Cached; one query per day per process. */
  async hashIp(ip: string, now: Date): Promise<string> {
    const key = this.ipKeyIfLoaded(now) ?? (await this.loadIpKey(now));
    return createHmac('sha256', key).update(ip).digest('hex').slice(0, 32);
  }

  /** Synchronous variant for the hot path: undefined until the day's key is loaded. */
  hashIpIfReady(ip: string, now: Date): string | undefined {
    const key = this.ipKeyIfLoaded(now);
    return key ? createHmac('sha256', key).update(ip).digest('hex').slice(0, 32) : undefined;
  }

  private ipKeyIfLoaded(now: Date): Buffer | undefined {
    const key = this.#ipKey;
    const time = now.getTime();
    return key && time >= key.from && time < key.to ? key.key : undefined;
  }

  private loadIpKey(now: Date): Promise<Buffer> {
    this.#ipKeyLoading ??= this.fetchIpKey(now.toISOString().slice(0, 10)).finally(() => {
      this.#ipKeyLoading = undefined;
    });
    return this.#ipKeyLoading;
  }

  private async fetchIpKey(day: string): Promise<Buffer> {
    await this.db
      .insertInto('consent_ip_keys')
      .values({ day, key: randomBytes(32) })
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('consent_ip_keys')
      .select('key')
      .where('day', '=', day)
      .executeTakeFirstOrThrow();
    await this.db
      .deleteFrom('consent_ip_keys')
      .where('day', '<=', sql<string>`(${day}::date - ${ipKeyDays}::int)`)
      .execute();
    const stored = Buffer.from(row.key);
    const key = this.secret ? createHmac('sha256', this.secret).update(stored).digest() : stored;
    const from = Date.parse(`${day}T00:00:00Z`);
    this.#ipKey = { from, to: from + 86_400_000, key };
    return key;
  }

  /** A stable random key of one organisation, created on first use. */
  async organisationKey(scope: OrgScope, name: OrganisationKeyName): Promise<Buffer> {
    const organisationId = requireScope(scope);
    const cacheKey = `${organisationId}:${name}`;
    const cached = this.#organisationKeys.get(cacheKey);
    if (cached) return cached;
    // Once per organisation and process (cached below): the scoped transaction costs nothing on the hot path.
    const row = await inOrganisation(this.db, scope, async (trx) => {
      await trx
        .insertInto('consent_keys')
        .values({ organisation_id: organisationId, name, key: randomBytes(32) })
        .onConflict((oc) => oc.columns(['organisation_id', 'name']).doNothing())
        .execute();
      return trx
        .selectFrom('consent_keys')
        .select('key')
        .where('organisation_id', '=', organisationId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
    });
    const key = Buffer.from(row.key);
    this.#organisationKeys.set(cacheKey, key);
    return key;
  }

  /** The keyed hash of a normalised email for one organisation: 64 hex characters. */
  async hashEmail(scope: OrgScope, email: string): Promise<string> {
    const key = await this.organisationKey(scope, 'email');
    return createHmac('sha256', key).update(normaliseEmail(email)).digest('hex');
  }

  /** Signs `payload` with the organisation's link key (base64url, 22 characters = 128 bits). */
  async sign(scope: OrgScope, payload: Buffer): Promise<string> {
    const key = await this.organisationKey(scope, 'links');
    return createHmac('sha256', key).update(payload).digest().subarray(0, 16).toString('base64url');
  }

  /** Whether `signature` is the organisation's signature of `payload` (constant time). */
  async verify(scope: OrgScope, payload: Buffer, signature: string): Promise<boolean> {
    const expected = Buffer.from(await this.sign(scope, payload), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/**
 * The form of an email address that is hashed: trimmed, Unicode NFC, lower case. Providers' own aliasing (dots, plus
 * tags) is not undone: it is not the same address everywhere, and a suppression must never hit a stranger.
 */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

const sharedKeys = new WeakMap<object, ConsentKeys>();

/**
 * The organisation keys (email hashes, signed links) for a database, shared by every caller in the process. The IP
 * key is not used through this instance (the ledger owns its own, mixed with CHARTER_SECRET).
 */
export function consentKeysFor<DB extends ConsentDb>(anyDb: Kysely<DB>): ConsentKeys {
  const db = consentView(anyDb);
  let keys = sharedKeys.get(db);
  if (!keys) {
    keys = new ConsentKeys(db);
    sharedKeys.set(db, keys);
  }
  return keys;
}
