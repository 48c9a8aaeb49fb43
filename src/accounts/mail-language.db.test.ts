/** A console set to German asks for German account mails: the routes accept `de` and the mails are in German. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { signedInUser } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { accountTasksOf } from './routes.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter(), env: { PUBLIC_URL: 'https://charter.example' } });
}, 120_000);
afterAll(() => t?.close());

const subjectsTo = async (recipient: string) => {
  await accountTasksOf(t.app).idle();
  const mails = await t.database.db
    .selectFrom('mail_outbox')
    .select(['subject'])
    .where('recipient', '=', recipient)
    .execute();
  return mails.map((m) => m.subject);
};

describe('account mails in German', () => {
  it('invites a new member in German', async () => {
    const owner = await signedInUser(t, 'owner');
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: owner.headers,
      payload: { email: 'neu@example.test', role: 'viewer', language: 'de' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(await subjectsTo('neu@example.test')).toEqual(['Ihr Charter-Konto']);
  });

  it('sends the password link in German', async () => {
    await signedInUser(t, 'viewer', { email: 'vergesslich@example.test', password: 'a long enough password' });
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'vergesslich@example.test', language: 'de' },
    });
    expect(asked.statusCode).toBe(202);
    expect(await subjectsTo('vergesslich@example.test')).toEqual(['Neues Charter-Passwort wählen']);
  });
});
