/** API tokens of the active organisation: list, create (the secret is shown once), revoke. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { invalidInput } from '../../platform/errors.js';
import { defineRoute } from '../../platform/http/routes.js';
import { callerOf } from '../caller.js';
import { isScope, userOnlyScopes } from '../scopes.js';
import { createApiToken, listApiTokens, revokeApiToken, type ApiToken } from '../tokens.js';

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

function present(token: ApiToken): z.infer<typeof tokenSchema> {
  return {
    ...token,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

export function registerTokenRoutes(app: FastifyInstance, context: AppContext) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/tokens',
      summary: 'API tokens of the organisation (never their secrets)',
      tags: ['accounts'],
      auth: { scopes: ['tokens:read'] },
      response: z.object({ tokens: z.array(tokenSchema) }),
    },
    async ({ request }) => ({ tokens: (await listApiTokens(context.db, callerOf(request))).map(present) }),
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/tokens',
      summary: 'Create an API token with scopes; the token is in this answer only',
      tags: ['accounts'],
      auth: { scopes: ['tokens:manage'], roles: ['owner'] },
      body: z.object({
        name: z.string().trim().min(1).max(100),
        scopes: z.array(z.string().max(50)).min(1).max(50),
        expiresInDays: z.number().int().min(1).max(3650).optional(),
      }),
      response: tokenSchema.extend({ token: z.string() }),
      status: 201,
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      const problems = body.scopes.flatMap((scope, i) =>
        !isScope(scope)
          ? [{ path: `body.scopes.${i}`, message: `unknown scope "${scope}"` }]
          : userOnlyScopes.includes(scope)
            ? [{ path: `body.scopes.${i}`, message: `"${scope}" cannot be given to a token` }]
            : !caller.scopes.includes(scope)
              ? [{ path: `body.scopes.${i}`, message: `you do not hold "${scope}" yourself` }]
              : [],
      );
      if (problems.length > 0) throw invalidInput(problems);
      const now = context.clock();
      const expiresAt = body.expiresInDays ? new Date(now.getTime() + body.expiresInDays * 86_400_000) : null;
      const created = await createApiToken(
        context.db,
        caller,
        { name: body.name, scopes: body.scopes, expiresAt, actor: caller.actor },
        now,
      );
      return { ...present(created.record), token: created.token };
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/api/v1/tokens/:tokenId',
      summary: 'Revoke an API token (at once, for every server)',
      tags: ['accounts'],
      auth: { scopes: ['tokens:manage'], roles: ['owner'] },
      params: z.object({ tokenId: z.uuid() }),
      status: 204,
      errors: [404],
    },
    async ({ params, request }) => {
      const caller = callerOf(request);
      await revokeApiToken(context.db, caller, { tokenId: params.tokenId, actor: caller.actor }, context.clock());
    },
  );
}
