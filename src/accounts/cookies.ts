/**
 * The console's cookies: the session (HttpOnly), the CSRF token (readable by the console's script, which echoes it in
 * the X-CSRF-Token header) and the chosen organisation. All SameSite=Strict, Secure when the request came over TLS
 * (directly or through a trusted proxy), limited to the session's lifetime.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { organisationCookie } from './guard.js';
import { csrfCookie, sessionCookie, type NewSession } from './sessions.js';

function base(request: FastifyRequest) {
  return { path: '/', sameSite: 'strict' as const, secure: request.protocol === 'https' };
}

export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, session: NewSession) {
  reply.setCookie(sessionCookie, session.token, { ...base(request), httpOnly: true, expires: session.expiresAt });
  reply.setCookie(csrfCookie, session.csrfToken, { ...base(request), httpOnly: false, expires: session.expiresAt });
}

export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(sessionCookie, { ...base(request), httpOnly: true });
  reply.clearCookie(csrfCookie, base(request));
}

export function setOrganisationCookie(request: FastifyRequest, reply: FastifyReply, slug: string) {
  reply.setCookie(organisationCookie, slug, { ...base(request), httpOnly: true, maxAge: 365 * 24 * 60 * 60 });
}
