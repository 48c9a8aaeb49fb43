/**
 * The privacy team in the rights domain's database tests (test-only module): a signed-in member whose session the app
 * accepts at the test clock's time.
 */
import type { TestApp } from '../../../test/support/app.js';
import { signedInUser, tokenFor } from '../../../test/support/auth.js';
import type { Role } from '../../accounts/caller.js';
import { createSession } from '../../accounts/sessions.js';

/**
 * A signed-in user whose session is valid at `now` (the app checks sessions against its clock, which the tests move):
 * their headers carry that session's cookies and CSRF token.
 */
export async function signedInAt(testApp: TestApp, role: Role, now: Date) {
  const user = await signedInUser(testApp, role);
  const session = await createSession(testApp.database.db, user.userId, now);
  return {
    ...user,
    headers: {
      ...user.headers,
      cookie: `charter_session=${session.token}; charter_csrf=${session.csrfToken}`,
      'x-csrf-token': session.csrfToken,
    },
  };
}

/** A request received at the counter, recorded through the API with a token that may write and read requests. */
export async function counterRequest(
  testApp: TestApp,
  type: 'access' | 'erasure',
  identity: { type: 'email' | 'customer-number'; value: string },
) {
  const writer = await tokenFor(testApp, ['requests:write', 'requests:read']);
  const created = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: writer,
    payload: { site: 'main', type, channel: 'counter', identity },
  });
  return { writer, id: created.json<{ id: string }>().id };
}

/** One step of a verification override (proposed with the reason staff give at the counter, or approved) as `headers`. */
export function overrideStep(
  testApp: TestApp,
  id: string,
  step: 'propose' | 'approve',
  headers: Record<string, string>,
) {
  return step === 'propose'
    ? testApp.app.inject({
        method: 'POST',
        url: `/api/v1/requests/${id}/override`,
        headers,
        payload: { reason: 'Identity card checked at the counter by two staff.' },
      })
    : testApp.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/override/approve`, headers });
}
