/** Actors as people: members by email and tokens by name, of the caller's organisation only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { signedInUser, tokenFor } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { ensureOrganisation } from './organisations.js';
import { peopleOf, type Person } from './people.js';
import { createApiToken, revokeApiToken } from './tokens.js';

let t: TestApp;
let a: string;
let b: string;

beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter() });
  a = t.organisationId!;
  b = (await ensureOrganisation(t.database.db, 'bravo', 'Bravo BV')).id;
}, 120_000);
afterAll(async () => t?.close());

describe('GET /api/v1/people', () => {
  it("names the organisation's members and tokens, revoked tokens as no longer current, and nobody of another organisation", async () => {
    const owner = await signedInUser(t, 'owner', { organisationId: a, email: 'owner@alpha.example' });
    const outsider = await signedInUser(t, 'owner', { organisationId: b, email: 'someone@bravo.example' });
    const token = await createApiToken(
      t.database.db,
      { organisationId: a },
      { name: 'CI deploy', scopes: ['charter:apply'], actor: `user:${owner.userId}` },
      new Date(),
    );
    await revokeApiToken(
      t.database.db,
      { organisationId: a },
      { tokenId: token.record.id, actor: `user:${owner.userId}` },
      new Date(),
    );
    await createApiToken(
      t.database.db,
      { organisationId: b },
      { name: 'Bravo secret token', scopes: ['charter:read'], actor: 'system' },
      new Date(),
    );

    const response = await t.app.inject({ url: '/api/v1/people', headers: owner.headers });
    expect(response.statusCode).toBe(200);
    const { people } = response.json<{ people: Person[] }>();
    expect(people).toContainEqual({
      actor: `user:${owner.userId}`,
      kind: 'user',
      name: 'owner@alpha.example',
      email: 'owner@alpha.example',
      current: true,
    });
    expect(people).toContainEqual({
      actor: `token:${token.record.id}`,
      kind: 'token',
      name: 'CI deploy',
      email: null,
      current: false,
    });
    expect(response.body).not.toContain(outsider.userId);
    expect(response.body).not.toContain('bravo');
    expect(response.body).not.toContain('Bravo secret token');
  });

  it('answers a reader of the audit trail and refuses a caller with no page that names people', async () => {
    expect(
      (await t.app.inject({ url: '/api/v1/people', headers: await tokenFor(t, ['audit:read'], a) })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: '/api/v1/people', headers: await tokenFor(t, ['consent:read'], a) })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/people' })).statusCode).toBe(401);
  });

  it('refuses to list without an organisation scope', async () => {
    await expect(peopleOf(t.database.db, { organisationId: 'not-a-uuid' })).rejects.toThrow(/organisation scope/);
  });
});
