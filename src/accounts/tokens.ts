/**
 * API tokens: per organisation, with scopes, shown once at creation, stored as a SHA-256, revocable, optionally
 * expiring, with the time of last use. Creation and revocation are audited in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/trail.js';
import { type AccountsDb, accountsView } from './tables.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { notFound } from '../platform/errors.js';
import { randomSecret, secretHash } from './secrets.js';

export const tokenPrefix = 'charter_';
/** last_used_at is written at most this often per token. */
const touchEveryMs = 60 * 1000;

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function parseScopes(value: unknown): string[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
}

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/** Creates a token; the secret is returned once and never stored. */
export async function createApiToken<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  input: { name: string; scopes: string[]; expiresAt?: Date | null; actor: string },
  now: Date,
): Promise<{ token: string; record: ApiToken }> {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  const token = randomSecret(tokenPrefix);
  const id = randomUUID();
  const record: ApiToken = {
    id,
    name: input.name,
    prefix: token.slice(0, tokenPrefix.length + 6),
    scopes: [...new Set(input.scopes)].sort(),
    createdBy: input.actor,
    createdAt: now,
    expiresAt: input.expiresAt ?? null,
    lastUsedAt: null,
    revokedAt: null,
  };
  await inOrganisation(db, scope, async (trx) => {
    await trx
      .insertInto('api_tokens')
      .values({
        organisation_id: organisationId,
        id,
        name: record.name,
        prefix: record.prefix,
        token_hash: secretHash(token),
        scopes: JSON.stringify(record.scopes),
        created_by: record.createdBy,
        created_at: now,
        expires_at: record.expiresAt,
      })
      .execute();
    await recordAudit(
      trx,
      scope,
      {
        actor: input.actor,
        action: 'token.created',
        target: `token:${id}`,
        data: { scopes: record.scopes, expiresAt: record.expiresAt?.toISOString() ?? null },
      },
      now,
    );
  });
  return { token, record };
}

export async function listApiTokens<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
): Promise<ApiToken[]> {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const rows = await trx
      .selectFrom('api_tokens')
      .select([
        'id',
        'name',
        'prefix',
        'scopes',
        'created_by',
        'created_at',
        'expires_at',
        'last_used_at',
        'revoked_at',
      ])
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      scopes: parseScopes(r.scopes),
      createdBy: r.created_by,
      createdAt: new Date(r.created_at),
      expiresAt: date(r.expires_at),
      lastUsedAt: date(r.last_used_at),
      revokedAt: date(r.revoked_at),
    }));
  });
}

/** Revokes a token of this organisation; another organisation's token is "not found". */
export async function revokeApiToken<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  input: { tokenId: string; actor: string },
  now: Date,
) {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  await inOrganisation(db, scope, async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .select(['revoked_at'])
      .where('organisation_id', '=', organisationId)
      .where('id', '=', input.tokenId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('token');
    if (row.revoked_at !== null) return;
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', input.tokenId)
      .execute();
    await recordAudit(
      trx,
      scope,
      { actor: input.actor, action: 'token.revoked', target: `token:${input.tokenId}` },
      now,
    );
  });
}

/**
 * Installation-level (authentication comes before any organisation is known): the live token for a secret, with
 * its organisation and scopes; records the time of use.
 */
export async function authenticateToken<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  token: string,
  now: Date,
): Promise<{ id: string; organisationId: string; scopes: string[]; createdBy: string } | undefined> {
  const db = accountsView(anyDb);
  if (!token.startsWith(tokenPrefix)) return undefined;
  // Which organisation the token belongs to is what this lookup finds out: it cannot be scoped before it.
  const row = await acrossOrganisations('authenticate an API token', () =>
    db
      .selectFrom('api_tokens')
      .select(['id', 'organisation_id', 'scopes', 'expires_at', 'revoked_at', 'last_used_at', 'created_by'])
      .where('token_hash', '=', secretHash(token))
      .executeTakeFirst(),
  );
  if (!row || row.revoked_at !== null) return undefined;
  if (row.expires_at !== null && new Date(row.expires_at) <= now) return undefined;
  const lastUsed = date(row.last_used_at);
  if (!lastUsed || now.getTime() - lastUsed.getTime() > touchEveryMs) {
    await inOrganisation(db, { organisationId: row.organisation_id }, (trx) =>
      trx
        .updateTable('api_tokens')
        .set({ last_used_at: now })
        .where('organisation_id', '=', row.organisation_id)
        .where('id', '=', row.id)
        .execute(),
    );
  }
  return {
    id: row.id,
    organisationId: row.organisation_id,
    scopes: parseScopes(row.scopes),
    createdBy: row.created_by,
  };
}
