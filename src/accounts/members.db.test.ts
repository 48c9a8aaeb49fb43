import { describe, expect, it } from 'vitest';
import { signedInUser } from '../../test/support/auth.js';
import { testAppForFile } from '../../test/support/file-app.js';
import { ensureOrganisation } from './organisations.js';

const t = testAppForFile();
const password = 'correct horse battery staple';

describe('the member list', () => {
  it('shows a person added with an account elsewhere as invited, like any new address, until they sign in here', async () => {
    const other = await ensureOrganisation(t.database.db, 'otherco', 'Other BV');
    // Dana has a password and a membership in another organisation.
    await signedInUser(t, 'viewer', { organisationId: other.id, email: 'dana@example.test', password });
    const owner = await signedInUser(t, 'owner', { password });
    for (const email of ['dana@example.test', 'newbie@example.test']) {
      const added = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: owner.headers,
        payload: { email, role: 'viewer' },
      });
      expect(added.statusCode).toBe(201);
    }
    const before = await t.app.inject({ url: '/api/v1/users', headers: owner.headers });
    const listed = (email: string, body: { members: { email: string; active: boolean }[] }) =>
      body.members.find((m) => m.email === email);
    expect(listed('dana@example.test', before.json())).toMatchObject({ active: false });
    expect(listed('newbie@example.test', before.json())).toMatchObject({ active: false });
    expect(JSON.stringify(before.json())).not.toContain('hasPassword');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'dana@example.test', password },
    });
    expect(login.statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/v1/users', headers: owner.headers });
    expect(listed('dana@example.test', after.json())).toMatchObject({ active: true });
    expect(listed('newbie@example.test', after.json())).toMatchObject({ active: false });
  });
});
