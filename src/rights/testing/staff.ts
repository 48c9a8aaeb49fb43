/**
 * The privacy team in the rights domain's database tests (test-only module): a signed-in member whose session the app
 * accepts at the test clock's time.
 */
import type { TestApp } from '../../../test/support/app.js';
import { signedInUser } from '../../../test/support/auth.js';
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
