/**
 * The route guard of every declared route that is not public: authenticate (an API token in
 * `Authorization: Bearer …`, or the console's session cookie), choose the organisation, check the scopes, check CSRF
 * for cookie-authenticated mutations, then set the caller that handlers read with `callerOf`.
 *
 * Choosing the organisation: a token belongs to one. A user names one with the `X-Charter-Organisation` header (slug)
 * or the `charter_org` cookie the console's switcher sets; otherwise their first organisation. Naming an organisation
 * one is not a member of answers 404, like any other organisation's resource.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AccountsDb } from './tables.js';
import { AppError, forbidden, notFound, unauthorized } from '../platform/errors.js';
import { setRouteGuard, type RouteSpec } from '../platform/http/routes.js';
import { setCaller, type Caller } from './caller.js';
import { allows, roleScopes } from './scopes.js';
import { sameSecret } from '../platform/same-secret.js';
import { csrfHeader, findSession, sessionCookie, type SessionPending } from './sessions.js';
import { authenticateToken } from './tokens.js';
import { findOrganisation } from './organisations.js';
import { membershipsOf } from './users.js';
import { actorIsOperator, isOperator, operatorScope } from './operators.js';

export const organisationHeader = 'x-charter-organisation';
export const organisationCookie = 'charter_org';

export interface GuardDeps {
  db: Kysely<AccountsDb>;
  clock: () => Date;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The routes a half-signed-in session may call: who am I, sign out, and what settles it (the second factor; the
 * enrolment an organisation requires). Everything else waits, so a password alone opens no data.
 */
const pendingRoutes: Record<SessionPending, ReadonlySet<string>> = {
  'second-factor': new Set(['GET /api/v1/auth/me', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/two-factor/verify']),
  enrol: new Set([
    'GET /api/v1/auth/me',
    'POST /api/v1/auth/logout',
    'GET /api/v1/auth/two-factor',
    'POST /api/v1/auth/two-factor/enrolment',
    'POST /api/v1/auth/two-factor/enrolment/confirm',
  ]),
};

function openWhilePending(request: FastifyRequest, pending: SessionPending): boolean {
  return pendingRoutes[pending].has(`${request.method} ${request.routeOptions.url ?? ''}`);
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized('Send the API token as "Authorization: Bearer <token>".');
  return match[1];
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** Authenticates a request; undefined when it carries no credentials at all. */
export async function authenticate(deps: GuardDeps, request: FastifyRequest): Promise<Caller | undefined> {
  const now = deps.clock();
  const named = headerValue(request, organisationHeader);
  const bearer = bearerToken(request);
  if (bearer) {
    const token = await authenticateToken(deps.db, bearer, now);
    if (!token) throw unauthorized('This API token is not valid (unknown, revoked or expired).');
    const organisation = await findOrganisation(deps.db, { organisationId: token.organisationId });
    if (!organisation || (named !== undefined && named !== organisation.slug)) throw notFound('organisation');
    // The operator scope lasts only while the token's creator is an operator (revoking the role disarms the token).
    const scopes =
      token.scopes.includes(operatorScope) && !(await actorIsOperator(deps.db, token.createdBy))
        ? token.scopes.filter((s) => s !== operatorScope)
        : token.scopes;
    return {
      kind: 'token',
      organisationId: organisation.id,
      organisationSlug: organisation.slug,
      actor: `token:${token.id}`,
      scopes,
      tokenId: token.id,
    };
  }
  const cookie = request.cookies?.[sessionCookie];
  if (!cookie) return undefined;
  const session = await findSession(deps.db, cookie, now);
  if (!session) throw unauthorized('Your session has ended; sign in again.');
  if (session.pending && !openWhilePending(request, session.pending)) {
    throw new AppError(
      'second_factor_required',
      403,
      session.pending === 'enrol'
        ? 'Set up two-factor authentication first.'
        : 'Give the code of your authenticator app first.',
    );
  }
  const memberships = await membershipsOf(deps.db, session.userId);
  const remembered = request.cookies?.[organisationCookie];
  const membership =
    named !== undefined
      ? memberships.find((m) => m.slug === named)
      : (memberships.find((m) => m.slug === remembered) ?? memberships[0]);
  if (!membership) throw notFound('organisation');
  if (!safeMethods.has(request.method)) {
    // Defence in depth beside SameSite=Strict: a browser's cross-site request names its origin.
    const origin = headerValue(request, 'origin');
    if (origin && origin !== 'null' && safeHost(origin) !== request.headers.host)
      throw forbidden('Cross-site requests are refused.');
    const sent = headerValue(request, csrfHeader);
    if (!sent || !sameSecret(sent, session.csrfToken))
      throw forbidden('The CSRF token is missing or wrong; reload the page.');
  }
  return {
    kind: 'user',
    organisationId: membership.organisationId,
    organisationSlug: membership.slug,
    actor: `user:${session.userId}`,
    role: membership.role,
    scopes: (await isOperator(deps.db, session.userId))
      ? [...roleScopes[membership.role], operatorScope]
      : roleScopes[membership.role],
    userId: session.userId,
    sessionId: session.id,
    pending: session.pending,
    signInMethod: session.method,
  };
}

/** Whether the caller may call a route with this spec; throws 403 with what is missing. */
export function authorise(caller: Caller, spec: RouteSpec) {
  if (spec.auth === 'public') return;
  const { scopes, roles } = spec.auth;
  if (roles && roles.length > 0 && (caller.kind !== 'user' || !caller.role || !roles.includes(caller.role))) {
    throw forbidden(`This needs the role ${roles.join(' or ')}.`);
  }
  if (!allows(caller.scopes, scopes)) throw forbidden(`This needs the scope ${scopes.join(' or ')}.`);
}

export function installRouteGuard(app: FastifyInstance, deps: GuardDeps) {
  setRouteGuard(app, async (request: FastifyRequest, _reply: FastifyReply, spec: RouteSpec) => {
    if (spec.auth === 'public') return;
    const caller = await authenticate(deps, request);
    if (!caller) throw unauthorized();
    authorise(caller, spec);
    setCaller(request, caller);
  });
}
