/**
 * Sign-in through an OpenID Connect provider (authorization code flow with PKCE, state and nonce; openid-client).
 * An account is matched by a VERIFIED email only. Membership comes just in time from the organisations' mappings
 * (an email domain or a claim value gives a role); a person no mapping admits and who is no member anywhere is
 * refused. Every refusal has a reason code (shown as a page in the person's language), and is audited — without
 * personal data — in the organisations that use the provider.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import * as client from 'openid-client';
import { recordAudit } from '../audit/trail.js';
import { type AccountsDb, accountsView } from './tables.js';
import type { OidcProviderConfig } from '../platform/config.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { enterOrganisation, inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import type { Role } from './caller.js';
import { createSession, type NewSession } from './sessions.js';
import { auditForUser } from './user-audit.js';
import { ensureUser, findUserByEmail, membershipsOf, normaliseEmail } from './users.js';

type Db = Kysely<AccountsDb>;

/** Why a sign-in through a provider was refused; each has its page (oidc-pages.ts). */
export type OidcRefusal =
  | 'state'
  | 'code'
  | 'token'
  | 'provider-refused'
  | 'provider-unreachable'
  | 'unverified-email'
  | 'no-mapping'
  | 'disabled';

export class OidcRefused extends Error {
  constructor(readonly reason: OidcRefusal) {
    super(`OIDC sign-in refused: ${reason}`);
    this.name = 'OidcRefused';
  }
}

/** A sign-in started and not finished within 10 minutes is void. */
export const oidcLoginLifetimeMs = 10 * 60 * 1000;
/** Every call to a provider gives up after this long (discovery, token, keys). */
export const oidcTimeoutSeconds = 10;

function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

const configurations = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's configuration, discovered once per process (a failed discovery is tried again next time). Plain
 * http is allowed only for a provider on this machine (tests, a local development provider).
 */
export function providerConfiguration(provider: OidcProviderConfig): Promise<client.Configuration> {
  const key = `${provider.id}\u0000${provider.issuer}\u0000${provider.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(provider.issuer);
    const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
    found = client
      .discovery(issuer, provider.clientId, provider.clientSecret, undefined, {
        timeout: oidcTimeoutSeconds,
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .then((configuration) => {
        configuration.timeout = oidcTimeoutSeconds;
        return configuration;
      })
      .catch((error: unknown) => {
        configurations.delete(key);
        throw error;
      });
    configurations.set(key, found);
  }
  return found;
}

function stateHash(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}

/**
 * Starts a sign-in: state, nonce and PKCE verifier kept server-side (shared by every process) under the hash of the
 * state; the state also goes to the browser's cookie. Returns the provider's authorization URL.
 */
export async function startOidcSignIn<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  provider: OidcProviderConfig,
  input: { redirectUri: string },
  now: Date,
): Promise<{ url: string; state: string }> {
  const db = accountsView(anyDb);
  let configuration: client.Configuration;
  try {
    configuration = await providerConfiguration(provider);
  } catch {
    throw new OidcRefused('provider-unreachable');
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  const challenge = await client.calculatePKCECodeChallenge(verifier);
  await db.deleteFrom('oidc_logins').where('expires_at', '<', now).execute();
  await db
    .insertInto('oidc_logins')
    .values({
      id: stateHash(state),
      provider: provider.id,
      nonce,
      code_verifier: verifier,
      created_at: now,
      expires_at: new Date(now.getTime() + oidcLoginLifetimeMs),
    })
    .execute();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: input.redirectUri,
    scope: ['openid', 'email', 'profile', ...provider.scopes].join(' '),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state };
}

function refusalOf(error: unknown): OidcRefusal {
  if (error instanceof OidcRefused) return error.reason;
  if (error instanceof client.AuthorizationResponseError) return 'provider-refused';
  // RFC 6749 §5.2: an expired, used or otherwise unknown code is `invalid_grant`.
  if (error instanceof client.ResponseBodyError) return error.error === 'invalid_grant' ? 'code' : 'provider-refused';
  if (error instanceof client.ClientError) {
    // A state that does not match the one this browser started with.
    if (error.code === 'OAUTH_INVALID_RESPONSE' && /state/i.test(error.message)) return 'state';
    // Fetch timeouts and refused connections.
    if (error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || error.code === 'OAUTH_HTTP_REQUEST_FORBIDDEN')
      return 'provider-refused';
    // Audience, issuer, nonce, expiry or signature of the ID token: not a token for this client now.
    return 'token';
  }
  if (
    error instanceof Error &&
    (error.name === 'TimeoutError' || error.name === 'AbortError' || error.name === 'TypeError')
  )
    return 'provider-unreachable';
  return 'token';
}

export interface OidcIdentity {
  email: string;
  claims: Record<string, unknown>;
  idToken: string | undefined;
}

/**
 * The callback: the state must be the one this browser holds (cookie) and one this installation issued and has not
 * used; the code is exchanged with the PKCE verifier, and the ID token checked (issuer, audience, nonce, expiry,
 * signature) by openid-client. Returns the verified email and claims, or throws `OidcRefused`.
 */
export async function exchangeOidcCode<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  provider: OidcProviderConfig,
  input: { callbackUrl: URL; cookieState: string | undefined },
  now: Date,
): Promise<OidcIdentity> {
  const db = accountsView(anyDb);
  const state = input.callbackUrl.searchParams.get('state') ?? '';
  if (!input.cookieState || !state || input.cookieState !== state) {
    // A provider's own error (the person cancelled) still comes with our state; without it the state is what fails.
    throw new OidcRefused('state');
  }
  // Used once: deleting the row is the check, so a replayed callback finds nothing.
  const login = await db
    .deleteFrom('oidc_logins')
    .where('id', '=', stateHash(state))
    .where('provider', '=', provider.id)
    .returning(['nonce', 'code_verifier', 'expires_at'])
    .executeTakeFirst();
  if (!login || new Date(login.expires_at) <= now) throw new OidcRefused('state');
  try {
    const configuration = await providerConfiguration(provider);
    const tokens = await client.authorizationCodeGrant(configuration, input.callbackUrl, {
      pkceCodeVerifier: login.code_verifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new OidcRefused('token');
    // OIDC Core §5.4: claims asked for by scope may be given only at the UserInfo endpoint (a conformant provider keeps
    // the ID token small); its answer must be about the same subject (§5.3.2), which fetchUserInfo checks.
    const userInfo = configuration.serverMetadata().userinfo_endpoint
      ? await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
      : {};
    const claims: Record<string, unknown> = { ...userInfo, ...idClaims };
    // OIDC Core §5.1: `email_verified` true means the provider checked the address; anything else is not trusted.
    if (typeof claims.email !== 'string' || claims.email_verified !== true) throw new OidcRefused('unverified-email');
    return { email: normaliseEmail(claims.email), claims, idToken: tokens.id_token };
  } catch (error) {
    throw new OidcRefused(refusalOf(error));
  }
}

export interface SsoMapping {
  id: string;
  provider: string;
  kind: 'domain' | 'claim';
  claim: string | null;
  value: string;
  role: Role;
}

/** Whether a mapping admits a person with these claims (pure). */
export function mappingMatches(
  mapping: Pick<SsoMapping, 'kind' | 'claim' | 'value'>,
  email: string,
  claims: Record<string, unknown>,
): boolean {
  if (mapping.kind === 'domain') return email.slice(email.lastIndexOf('@') + 1) === mapping.value.toLowerCase();
  const value = mapping.claim ? claims[mapping.claim] : undefined;
  return Array.isArray(value) ? value.some((v) => v === mapping.value) : value === mapping.value;
}

const roleRank: Record<Role, number> = { viewer: 0, 'privacy-officer': 1, owner: 2 };

/** Of the mappings that admit a person to one organisation, the one with the highest role (pure). */
export function strongestRole(roles: readonly Role[]): Role | undefined {
  return [...roles].sort((a, b) => roleRank[b] - roleRank[a])[0];
}

/** Installation-level: every organisation's mappings of one provider (read at sign-in, before any scope). */
async function mappingsOfProvider(db: Db, providerId: string) {
  return acrossOrganisations('the organisations a provider signs people in to', () =>
    db
      .selectFrom('sso_mappings')
      .select(['organisation_id', 'kind', 'claim', 'value', 'role'])
      .where('provider', '=', providerId)
      .execute(),
  );
}

/**
 * Signs a verified identity in: its user (created when a mapping admits them and they have none), the memberships the
 * mappings give where they have none yet (audited as `member.added` by `sso:<provider>`), a session marked as an OIDC
 * one (with the ID token for sign-out at the provider). A membership that exists keeps its role: owners may have
 * changed it. Refused when the person ends up a member of no organisation, or their user is disabled.
 */
export async function signInWithOidc<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  provider: OidcProviderConfig,
  identity: OidcIdentity,
  now: Date,
): Promise<{ userId: string; session: NewSession; joined: string[] }> {
  const db = accountsView(anyDb);
  const mappings = await mappingsOfProvider(db, provider.id);
  const admitted = new Map<string, Role[]>();
  for (const mapping of mappings) {
    if (!mappingMatches(mapping, identity.email, identity.claims)) continue;
    admitted.set(mapping.organisation_id, [...(admitted.get(mapping.organisation_id) ?? []), mapping.role]);
  }
  const existing = await findUserByEmail(db, identity.email);
  if (existing?.disabled_at) throw new OidcRefused('disabled');
  if (!existing && admitted.size === 0) throw new OidcRefused('no-mapping');
  const actor = `sso:${provider.id}`;
  const result = await db.transaction().execute(async (trx) => {
    const user = await ensureUser(trx, identity.email);
    const current = new Set((await membershipsOf(trx, user.id)).map((m) => m.organisationId));
    const joined: string[] = [];
    await acrossOrganisations('memberships given just in time by identity-provider mappings', async () => {
      for (const [organisationId, roles] of admitted) {
        if (current.has(organisationId)) continue;
        const role = strongestRole(roles)!;
        await trx
          .insertInto('memberships')
          .values({ organisation_id: organisationId, user_id: user.id, role })
          .execute();
        await recordAudit(
          trx,
          { organisationId },
          { actor, action: 'member.added', target: `user:${user.id}`, data: { role, via: 'sso' } },
          now,
        );
        joined.push(organisationId);
      }
    });
    if (current.size + joined.length === 0) throw new OidcRefused('no-mapping');
    const session = await createSession(trx, user.id, now, {
      method: 'oidc',
      provider: provider.id,
      ...(identity.idToken ? { idToken: identity.idToken } : {}),
    });
    await auditForUser(
      trx,
      user.id,
      { actor: `user:${user.id}`, action: 'user.login', data: { method: 'oidc', provider: provider.id } },
      now,
    );
    return { userId: user.id, session, joined };
  });
  return result;
}

/**
 * Audits a refusal in every organisation that maps this provider (the ones whose sign-in it concerns), with the
 * reason only. Returns how many entries were written (none when no organisation uses the provider yet).
 */
export async function auditOidcRefusal<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  providerId: string,
  reason: OidcRefusal,
  now: Date,
): Promise<number> {
  const db = accountsView(anyDb);
  const organisations = [...new Set((await mappingsOfProvider(db, providerId)).map((m) => m.organisation_id))];
  await db.transaction().execute(async (trx) => {
    await acrossOrganisations('a refused sign-in audited in the organisations using the provider', async () => {
      for (const organisationId of organisations)
        await recordAudit(
          trx,
          { organisationId },
          { actor: `sso:${providerId}`, action: 'user.sso_refused', data: { reason } },
          now,
        );
    });
  });
  return organisations.length;
}

/** RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): the provider's URL, when it offers one. */
export async function endSessionUrl(
  provider: OidcProviderConfig,
  input: { idToken: string | null; postLogoutRedirectUri: string },
): Promise<string | null> {
  try {
    const configuration = await providerConfiguration(provider);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: input.postLogoutRedirectUri,
      client_id: provider.clientId,
      ...(input.idToken ? { id_token_hint: input.idToken } : {}),
    }).href;
  } catch {
    // An unreachable provider: the session here has ended anyway.
    return null;
  }
}

/** The mappings of an organisation (owners manage them in the console or the API). */
export async function listSsoMappings<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
): Promise<SsoMapping[]> {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('sso_mappings')
      .select(['id', 'provider', 'kind', 'claim', 'value', 'role'])
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at')
      .execute(),
  );
}

/** Replaces an organisation's mappings (audited with the before and after, which hold no personal data). */
export async function replaceSsoMappings<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  input: { mappings: Omit<SsoMapping, 'id'>[]; actor: string },
  now: Date,
): Promise<SsoMapping[]> {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  return db.transaction().execute(async (trx) => {
    await enterOrganisation(trx, scope);
    const before = await trx
      .selectFrom('sso_mappings')
      .select(['provider', 'kind', 'claim', 'value', 'role'])
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at')
      .execute();
    await trx.deleteFrom('sso_mappings').where('organisation_id', '=', organisationId).execute();
    const rows = input.mappings.map((m, index) => ({
      organisation_id: organisationId,
      id: randomUUID(),
      provider: m.provider,
      kind: m.kind,
      claim: m.kind === 'claim' ? m.claim : null,
      value: m.kind === 'domain' ? m.value.toLowerCase() : m.value,
      role: m.role,
      // Kept in the given order.
      created_at: new Date(now.getTime() + index),
    }));
    if (rows.length > 0) await trx.insertInto('sso_mappings').values(rows).execute();
    await recordAudit(
      trx,
      scope,
      {
        actor: input.actor,
        action: 'organisation.sso_mappings_changed',
        data: {
          before,
          after: rows.map(({ provider, kind, claim, value, role }) => ({ provider, kind, claim, value, role })),
        },
      },
      now,
    );
    return rows.map(({ id, provider, kind, claim, value, role }) => ({ id, provider, kind, claim, value, role }));
  });
}
