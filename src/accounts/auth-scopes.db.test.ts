/**
 * Abuse cases of authentication and scopes, walked over every declared route (so a route added later is covered):
 * a token holding every scope but the route's own, a caller without the route's role, and credentials that are
 * unknown, malformed, revoked, expired or signed out all get no further than 401/403 — never the handler.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { signedInUser, tokenFor } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { declaredRoutes, type RouteSpec } from '../platform/http/routes.js';
import { scopes, userOnlyScopes } from './scopes.js';
import { createApiToken, revokeApiToken } from './tokens.js';

let t: TestApp;
let protectedRoutes: (RouteSpec & { auth: { scopes: string[]; roles?: string[] } })[];

beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter() });
  protectedRoutes = declaredRoutes(t.app).filter(
    (spec): spec is RouteSpec & { auth: { scopes: string[]; roles?: string[] } } => spec.auth !== 'public',
  );
}, 120_000);
afterAll(() => t?.close());

const placeholder = /:([A-Za-z0-9_]+)/g;
const urlOf = (spec: RouteSpec) => spec.url.replace(placeholder, () => randomUUID());
const call = (spec: RouteSpec, headers: Record<string, string>) =>
  t.app.inject({ method: spec.method, url: urlOf(spec), headers, ...(spec.method === 'GET' ? {} : { payload: {} }) });
const tokenScopes = scopes.filter((s) => !userOnlyScopes.includes(s));

describe('scopes', () => {
  it('refuses a token holding every scope but the ones a route needs, on every route that needs one', async () => {
    const tokens = new Map<string, Record<string, string>>();
    const failures: string[] = [];
    let walked = 0;
    for (const spec of protectedRoutes.filter((s) => s.auth.scopes.length > 0)) {
      const held = tokenScopes.filter((s) => !spec.auth.scopes.includes(s));
      const key = held.join(' ');
      if (!tokens.has(key)) tokens.set(key, await tokenFor(t, held));
      const response = await call(spec, tokens.get(key)!);
      walked++;
      if (response.statusCode !== 403) failures.push(`${spec.method} ${spec.url} answered ${response.statusCode}`);
    }
    expect(walked).toBeGreaterThan(30);
    expect(failures).toEqual([]);
  });

  it('refuses a route reserved to roles to a token with every scope, and to a viewer', async () => {
    const token = await tokenFor(t, tokenScopes);
    const viewer = (await signedInUser(t, 'viewer')).headers;
    const failures: string[] = [];
    const reserved = protectedRoutes.filter((s) => (s.auth.roles ?? []).length > 0);
    expect(reserved.length).toBeGreaterThan(0);
    for (const spec of reserved) {
      for (const [who, headers] of [
        ['token', token],
        ['viewer', viewer],
      ] as const) {
        if (who === 'viewer' && spec.auth.roles!.includes('viewer')) continue;
        const response = await call(spec, headers);
        if (response.statusCode !== 403)
          failures.push(`${spec.method} ${spec.url} as ${who} answered ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses user-only scopes to tokens even when asked for', async () => {
    const owner = (await signedInUser(t, 'owner')).headers;
    for (const scope of userOnlyScopes) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: owner,
        payload: { name: 'escalate', scopes: [scope] },
      });
      expect(response.statusCode).toBe(422);
    }
  });
});

describe('authentication', () => {
  it('answers 401 to unknown, malformed, revoked and expired tokens and to an ended session, on every protected route', async () => {
    const scope = { organisationId: t.organisationId! };
    const revoked = await createApiToken(
      t.database.db,
      scope,
      { name: 'revoked', scopes: tokenScopes, actor: 'system' },
      new Date(),
    );
    await revokeApiToken(t.database.db, scope, { tokenId: revoked.record.id, actor: 'system' }, new Date());
    const expired = await createApiToken(
      t.database.db,
      scope,
      { name: 'expired', scopes: tokenScopes, expiresAt: new Date(Date.now() - 1000), actor: 'system' },
      new Date(Date.now() - 60_000),
    );
    const user = await signedInUser(t, 'owner');
    const signedOut = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: user.headers,
      payload: {},
    });
    expect(signedOut.statusCode).toBeLessThan(300);
    const credentials: Record<string, Record<string, string>> = {
      unknown: { authorization: `Bearer charter_${randomBytes(32).toString('base64url')}` },
      malformed: { authorization: 'Bearer not-a-charter-token' },
      'other scheme': { authorization: `Basic ${Buffer.from('owner:password').toString('base64')}` },
      revoked: { authorization: `Bearer ${revoked.token}` },
      expired: { authorization: `Bearer ${expired.token}` },
      'ended session': user.headers,
      'forged session': {
        ...user.headers,
        cookie: `charter_session=${randomBytes(32).toString('base64url')}; charter_csrf=${user.headers['x-csrf-token']}`,
      },
    };
    const failures: string[] = [];
    for (const spec of protectedRoutes) {
      for (const [kind, headers] of Object.entries(credentials)) {
        const response = await call(spec, headers);
        if (response.statusCode !== 401)
          failures.push(`${spec.method} ${spec.url} with a(n) ${kind} credential answered ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
