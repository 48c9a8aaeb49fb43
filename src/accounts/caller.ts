/**
 * Who is calling a protected route: a signed-in user (console session) or an API token, always within one
 * organisation. The route guard (guard.ts) authenticates the request and sets the caller; handlers read it with
 * `callerOf`, which fails closed when no caller was set. A `Caller` is an `OrgScope`: pass it to repositories.
 */
import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../platform/errors.js';
import type { OrgScope } from '../platform/db/tenancy.js';

export type Role = 'owner' | 'privacy-officer' | 'viewer';

export interface Caller extends OrgScope {
  kind: 'user' | 'token';
  /** For the audit trail: `user:<id>` or `token:<id>`. */
  actor: string;
  /** The active organisation's slug. */
  organisationSlug: string;
  /** The user's role in this organisation; tokens act with their scopes only. */
  role?: Role;
  scopes: readonly string[];
  /** Set for users. */
  userId?: string;
  /** Set for console sessions (sign-out ends it). */
  sessionId?: string;
  /** Set for console sessions still owing a second factor or an enrolment (guard.ts opens only what settles it). */
  pending?: 'second-factor' | 'enrol' | null;
  /** How a console session signed in. */
  signInMethod?: 'password' | 'oidc';
  /** Set for API tokens. */
  tokenId?: string;
}

const callers = new WeakMap<FastifyRequest, Caller>();

export function setCaller(request: FastifyRequest, caller: Caller) {
  callers.set(request, caller);
}

/** The authenticated caller of a protected route; throws 401 when the request was not authenticated. */
export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (!caller) throw unauthorized();
  return caller;
}
