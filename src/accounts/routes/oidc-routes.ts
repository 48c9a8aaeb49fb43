/**
 * Sign-in through OpenID Connect providers over HTTP: the list for the sign-in page, the start (a redirect to the
 * provider), the callback (a session, or a refusal page in the person's language), sign-out at the provider, and the
 * organisation's mappings that give membership just in time.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { publicUrl } from '../../platform/config.js';
import { acrossOrganisations } from '../../platform/db/tenancy-guard.js';
import { allowHits, installationScope } from '../../platform/throttle.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { defineRoute } from '../../platform/http/routes.js';
import { callerOf } from '../caller.js';
import { clearSessionCookies, setSessionCookies } from '../cookies.js';
import { oidcProvidersOf } from '../oidc-config.js';
import { pageLanguage, refusalPage } from '../oidc-pages.js';
import {
  auditOidcRefusal,
  endSessionUrl,
  exchangeOidcCode,
  listSsoMappings,
  OidcRefused,
  oidcLoginLifetimeMs,
  replaceSsoMappings,
  signInWithOidc,
  startOidcSignIn,
} from '../oidc.js';
import { keyedHash, memoisedInstallationKey } from '../secrets.js';
import { findSession, sessionCookie } from '../sessions.js';
import { signOut } from '../sign-in.js';
import { languageSchema } from '../../charter/schema.js';

/** The browser's half of a sign-in in progress: its state and language. SameSite=Lax: the callback is a cross-site redirect. */
const stateCookie = 'charter_oidc';
const statePath = '/api/v1/auth/oidc/';
/** Refused sign-ins audited per address and hour. */
export const refusalsAuditedPerHour = 30;
const providerParams = z.object({ provider: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/) });
const roleSchema = z.enum(['owner', 'privacy-officer', 'viewer']);
const mappingSchema = z.discriminatedUnion('kind', [
  z.object({
    provider: z.string().min(1).max(31),
    kind: z.literal('domain'),
    value: z.string().regex(/^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'an email domain like example.com'),
    role: roleSchema,
  }),
  z.object({
    provider: z.string().min(1).max(31),
    kind: z.literal('claim'),
    claim: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'a claim name like groups'),
    value: z.string().min(1).max(200),
    role: roleSchema,
  }),
]);
const storedMappingSchema = z.object({
  id: z.string(),
  provider: z.string(),
  kind: z.enum(['domain', 'claim']),
  claim: z.string().nullable(),
  value: z.string(),
  role: roleSchema,
});

/** What the groups of single sign-on routes share: the configured providers, the callback's address, the state cookie and the refusal page (audited, capped per address). */
function oidcRouteShared(context: AppContext) {
  const providers = () => oidcProvidersOf(context);
  const providerOf = (id: string) => {
    const provider = providers().find((p) => p.id === id);
    if (!provider) throw notFound('identity provider');
    return provider;
  };
  const redirectUri = (id: string) => `${publicUrl(context.config)}/api/v1/auth/oidc/${id}/callback`;
  const cookieOptions = (request: FastifyRequest) => ({
    path: statePath,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
  });

  const throttleKey = memoisedInstallationKey(context.db, context.config.CHARTER_SECRET);
  const refuse = async (
    request: FastifyRequest,
    reply: FastifyReply,
    providerId: string,
    error: OidcRefused,
    language: string | undefined,
  ) => {
    const now = context.clock();
    // Anyone can call the callback: the refusals one address gets audited are capped, so nobody fills the
    // organisations' audit trails with made-up callbacks. Past the cap the page is the same; the log counts them.
    const audited = await acrossOrganisations('refused sign-ins counted per address', async () =>
      allowHits(
        context.db,
        [
          {
            organisationId: installationScope,
            kind: 'oidc-refusal-ip',
            keyHash: keyedHash(await throttleKey(), `oidc-refusal:${request.ip}`),
            windowMs: 60 * 60 * 1000,
            limit: refusalsAuditedPerHour,
          },
        ],
        now,
      ),
    );
    if (audited) {
      await auditOidcRefusal(context.db, providerId, error.reason, now).catch((failure: unknown) => {
        context.logger.error({ err: failure, reason: error.reason }, 'could not audit a refused OIDC sign-in');
      });
    } else {
      context.logger.warn(
        { reason: error.reason, provider: providerId },
        'refused OIDC sign-in not audited: over the hourly cap of this address',
      );
    }
    reply.clearCookie(stateCookie, cookieOptions(request));
    return reply
      .code(error.reason === 'provider-unreachable' ? 502 : 403)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(refusalPage(error.reason, pageLanguage(language, request.headers['accept-language'])));
  };
  return { providers, providerOf, redirectUri, cookieOptions, throttleKey, refuse };
}

type OidcRouteShared = ReturnType<typeof oidcRouteShared>;

export function registerOidcRoutes(app: FastifyInstance, context: AppContext): void {
  const shared = oidcRouteShared(context);
  registerOidcSignInRoutes(app, context, shared);
  registerOidcSessionRoutes(app, context, shared);
}

/** Signing in through an identity provider: the providers offered, the redirect to one, and its callback. */
function registerOidcSignInRoutes(app: FastifyInstance, context: AppContext, shared: OidcRouteShared): void {
  const { providers, providerOf, redirectUri, cookieOptions, refuse } = shared;
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/auth/providers',
      summary: 'The identity providers people may sign in with (for the "Sign in with …" buttons)',
      tags: ['accounts'],
      auth: 'public',
      response: z.object({ providers: z.array(z.object({ id: z.string(), name: z.string(), startUrl: z.string() })) }),
    },
    async () => ({
      providers: providers().map((p) => ({ id: p.id, name: p.name, startUrl: `/api/v1/auth/oidc/${p.id}/start` })),
    }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/auth/oidc/:provider/start',
      summary:
        'Start signing in with an identity provider: redirects there (authorization code with PKCE, state and nonce)',
      tags: ['accounts'],
      auth: 'public',
      params: providerParams,
      query: z.object({ language: languageSchema.optional() }),
      produces: 'text/html',
      errors: [302, 404, 502],
    },
    async ({ params, query, request, reply }) => {
      const provider = providerOf(params.provider);
      try {
        const started = await startOidcSignIn(
          context.db,
          provider,
          { redirectUri: redirectUri(provider.id) },
          context.clock(),
        );
        reply.setCookie(stateCookie, `${started.state}.${query.language ?? ''}`, {
          ...cookieOptions(request),
          maxAge: oidcLoginLifetimeMs / 1000,
        });
        return reply.header('cache-control', 'no-store').redirect(started.url, 302);
      } catch (error) {
        if (error instanceof OidcRefused) return refuse(request, reply, provider.id, error, query.language);
        throw error;
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/auth/oidc/:provider/callback',
      summary:
        "The identity provider's redirect back: signs in and opens the console, or shows why the sign-in was refused",
      tags: ['accounts'],
      auth: 'public',
      params: providerParams,
      // The provider's parameters (code, state, iss, error…) are read by openid-client from the URL itself.
      query: z.record(z.string(), z.unknown()),
      produces: 'text/html',
      errors: [302, 403, 404, 502],
    },
    async ({ params, request, reply }) => {
      const provider = providerOf(params.provider);
      const [cookieState, language] = (request.cookies?.[stateCookie] ?? '').split('.');
      try {
        const callbackUrl = new URL(`${publicUrl(context.config)}${request.url}`);
        const identity = await exchangeOidcCode(
          context.db,
          provider,
          { callbackUrl, cookieState: cookieState || undefined },
          context.clock(),
        );
        const result = await signInWithOidc(context.db, provider, identity, context.clock());
        reply.clearCookie(stateCookie, cookieOptions(request));
        setSessionCookies(request, reply, result.session);
        return reply.header('cache-control', 'no-store').redirect('/console/', 303);
      } catch (error) {
        if (error instanceof OidcRefused) return refuse(request, reply, provider.id, error, language || undefined);
        throw error;
      }
    },
  );
}

/** Signing out of a single sign-on session, and the organisation's mapping of identity-provider claims to roles. */
function registerOidcSessionRoutes(app: FastifyInstance, context: AppContext, shared: OidcRouteShared): void {
  const { providers } = shared;
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/oidc/logout',
      summary:
        "Sign out of a session opened through an identity provider: ends it here and answers the provider's sign-out URL when it offers one",
      tags: ['accounts'],
      auth: { scopes: [] },
      response: z.object({ endSessionUrl: z.string().nullable() }),
    },
    async ({ request, reply }) => {
      const caller = callerOf(request);
      if (!caller.sessionId || !caller.userId)
        throw badRequest('API tokens do not sign out; revoke the token instead.');
      const session = await findSession(context.db, request.cookies?.[sessionCookie] ?? '', context.clock());
      await signOut(context.db, { sessionId: caller.sessionId, userId: caller.userId }, context.clock());
      clearSessionCookies(request, reply);
      const provider = session?.provider ? providers().find((p) => p.id === session.provider) : undefined;
      if (!provider) return { endSessionUrl: null };
      return {
        endSessionUrl: await endSessionUrl(provider, {
          idToken: session?.idToken ?? null,
          postLogoutRedirectUri: `${publicUrl(context.config)}/console/login`,
        }),
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/organisation/sso-mappings',
      summary: 'Who an identity provider admits to this organisation, with which role: email domains and claim values',
      tags: ['accounts'],
      auth: { scopes: ['users:read'] },
      response: z.object({ mappings: z.array(storedMappingSchema) }),
    },
    async ({ request }) => ({ mappings: await listSsoMappings(context.db, callerOf(request)) }),
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/api/v1/organisation/sso-mappings',
      summary:
        "Replace the organisation's identity-provider mappings (owners); memberships are given at the person's next sign-in",
      tags: ['accounts'],
      auth: { scopes: ['users:manage'], roles: ['owner'] },
      body: z.object({ mappings: z.array(mappingSchema).max(100) }),
      response: z.object({ mappings: z.array(storedMappingSchema) }),
      errors: [422],
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      const known = new Set(providers().map((p) => p.id));
      const unknown = body.mappings.findIndex((m) => !known.has(m.provider));
      if (unknown >= 0)
        throw badRequest('No identity provider with this id is configured.', [
          { path: `body.mappings.${unknown}.provider`, message: 'not a configured provider' },
        ]);
      const mappings = await replaceSsoMappings(
        context.db,
        caller,
        {
          mappings: body.mappings.map((m) => ({ ...m, claim: m.kind === 'claim' ? m.claim : null })),
          actor: caller.actor,
        },
        context.clock(),
      );
      return { mappings };
    },
  );
}
