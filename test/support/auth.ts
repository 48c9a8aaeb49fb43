/**
 * Credentials for tests of protected routes. Both helpers return HTTP headers to spread into `app.inject({ headers })`
 * or a fetch: an API token (`authorization`), or a console session (`cookie` + the CSRF header mutations need + the
 * organisation header). They default to the test app's organisation.
 *
 * @example
 *   const headers = await tokenFor(t, ['requests:read']);
 *   await t.app.inject({ url: '/api/v1/requests', headers });
 *   const officer = await sessionFor(t, 'privacy-officer');
 *   await t.app.inject({ method: 'POST', url: '/api/v1/breaches', headers: officer, payload: {…} });
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/accounts/caller.js';
import { ensureOrganisation, findOrganisation } from '../../src/accounts/organisations.js';
import { createSession } from '../../src/accounts/sessions.js';
import { createApiToken } from '../../src/accounts/tokens.js';
import { hashPassword } from '../../src/accounts/passwords.js';
import { addMembership, ensureUser, setPasswordHash } from '../../src/accounts/users.js';
import { enterOrganisation } from '../../src/platform/db/tenancy.js';
import type { TestApp } from './app.js';

export interface SessionHeaders {
  [header: string]: string;
  cookie: string;
  'x-csrf-token': string;
  'x-charter-organisation': string;
}

async function organisationOf(testApp: TestApp, organisationId?: string) {
  const id = organisationId ?? testApp.organisationId;
  if (id) {
    const found = await findOrganisation(testApp.database.db, { organisationId: id });
    if (!found) throw new Error(`no organisation ${id} in the test database`);
    return found;
  }
  return ensureOrganisation(testApp.database.db, 'testco', 'Testco BV');
}

/** `{ authorization: 'Bearer charter_…' }` for an API token with these scopes in the organisation. */
export async function tokenFor(
  testApp: TestApp,
  scopes: string[],
  organisationId?: string,
): Promise<{ authorization: string }> {
  const organisation = await organisationOf(testApp, organisationId);
  const created = await createApiToken(
    testApp.database.db,
    { organisationId: organisation.id },
    { name: 'test token', scopes, actor: 'system' },
    new Date(),
  );
  return { authorization: `Bearer ${created.token}` };
}

/**
 * A signed-in user with this role in the organisation (a new user each call, or the given email's). Returns the
 * session headers plus the user's id and email.
 */
export async function signedInUser(
  testApp: TestApp,
  role: Role = 'owner',
  options: { organisationId?: string; email?: string; password?: string } = {},
): Promise<{ userId: string; email: string; headers: SessionHeaders }> {
  const db = testApp.database.db;
  const organisation = await organisationOf(testApp, options.organisationId);
  const email = options.email ?? `${role}-${randomBytes(4).toString('hex')}@example.test`;
  const now = new Date();
  const passwordHash = options.password ? await hashPassword(options.password) : undefined;
  const user = await db.transaction().execute(async (trx) => {
    const ensured = await ensureUser(trx, email);
    if (passwordHash) await setPasswordHash(trx, ensured.id, passwordHash, now);
    const member = await trx
      .selectFrom('memberships')
      .select('role')
      .where('organisation_id', '=', organisation.id)
      .where('user_id', '=', ensured.id)
      .executeTakeFirst();
    if (!member) {
      const scope = { organisationId: organisation.id };
      await enterOrganisation(trx, scope);
      await addMembership(trx, scope, ensured.id, role, 'system', now);
    }
    return ensured;
  });
  const session = await createSession(db, user.id, now);
  return {
    userId: user.id,
    email,
    headers: {
      cookie: `charter_session=${session.token}; charter_csrf=${session.csrfToken}`,
      'x-csrf-token': session.csrfToken,
      'x-charter-organisation': organisation.slug,
    },
  };
}

/** Session headers (cookie, CSRF token, organisation) of a new user with this role in the organisation. */
export async function sessionFor(
  testApp: TestApp,
  role: Role = 'owner',
  organisationId?: string,
): Promise<SessionHeaders> {
  return (await signedInUser(testApp, role, organisationId ? { organisationId } : {})).headers;
}
