/**
 * Organisations on a running installation: only installation operators create, list, archive and unarchive them;
 * an archived organisation keeps its data while its public pages and banner answer 410 Gone and its jobs wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { signedInUser, type SessionHeaders } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { claimJob, enqueueJob } from '../platform/jobs.js';
import { grantOperator, isOperator, revokeOperator } from './operators.js';
import { listMembers } from './users.js';

let t: TestApp;
let operator: { userId: string; email: string; headers: SessionHeaders };
let owner: SessionHeaders;

beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter(), env: { PUBLIC_URL: 'http://charter.test' } });
  operator = await signedInUser(t, 'owner');
  await grantOperator(t.database.db, { email: operator.email, actor: 'system' }, new Date());
  owner = (await signedInUser(t, 'owner')).headers;
}, 120_000);
afterAll(() => t?.close());

const post = (url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

describe('installation operators', () => {
  it('gives a signed-in operator the organisations:manage scope, and an owner who is not one nothing of it', async () => {
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: operator.headers });
    expect(me.json<{ scopes: string[] }>().scopes).toContain('organisations:manage');
    const plain = await t.app.inject({ url: '/api/v1/auth/me', headers: owner });
    expect(plain.json<{ scopes: string[] }>().scopes).not.toContain('organisations:manage');
    expect((await t.app.inject({ url: '/api/v1/organisations', headers: owner })).statusCode).toBe(403);
    expect(
      (
        await post('/api/v1/organisations', owner, {
          slug: 'sneaky',
          name: 'Sneaky',
          owner: { email: 'x@example.test' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("audits a grant and a revoke in the user's organisations and the installation events", async () => {
    const someone = await signedInUser(t, 'viewer');
    expect((await grantOperator(t.database.db, { email: someone.email, actor: 'cli' }, new Date())).granted).toBe(true);
    expect((await grantOperator(t.database.db, { email: someone.email, actor: 'cli' }, new Date())).granted).toBe(
      false,
    );
    expect(await isOperator(t.database.db, someone.userId)).toBe(true);
    expect((await revokeOperator(t.database.db, { email: someone.email, actor: 'cli' }, new Date())).revoked).toBe(
      true,
    );
    const events = await t.database.db
      .selectFrom('installation_events')
      .select(['action', 'target'])
      .where('target', '=', `user:${someone.userId}`)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['operator.granted', 'operator.revoked']);
    const audit = await acrossOrganisations('the test reads the trail', () =>
      t.database.db
        .selectFrom('audit_entries')
        .select('action')
        .where('target', '=', `user:${someone.userId}`)
        .where('action', 'like', 'operator.%')
        .orderBy('seq')
        .execute(),
    );
    expect(audit.map((a) => a.action)).toEqual(['operator.granted', 'operator.revoked']);
  });

  it("drops a token's operator scope once its creator is no operator any more", async () => {
    const someone = await signedInUser(t, 'owner');
    await grantOperator(t.database.db, { email: someone.email, actor: 'cli' }, new Date());
    const created = await post('/api/v1/tokens', someone.headers, {
      name: 'agency cli',
      scopes: ['organisations:manage'],
    });
    expect(created.statusCode).toBe(201);
    const headers = { authorization: `Bearer ${created.json<{ token: string }>().token}` };
    expect((await t.app.inject({ url: '/api/v1/organisations', headers })).statusCode).toBe(200);
    await revokeOperator(t.database.db, { email: someone.email, actor: 'cli' }, new Date());
    expect((await t.app.inject({ url: '/api/v1/organisations', headers })).statusCode).toBe(403);
  });

  it('refuses the operator scope to a token made by an owner who is no operator', async () => {
    const response = await post('/api/v1/tokens', owner, { name: 'x', scopes: ['organisations:manage'] });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('body.scopes.0');
  });
});

describe('creating an organisation', () => {
  it('creates it with its first owner, audited in its own trail, and lists it', async () => {
    const response = await post('/api/v1/organisations', operator.headers, {
      slug: 'bakkerij-peeters',
      name: 'Bakkerij Peeters BV',
      owner: { email: 'an@peeters.example', language: 'nl' },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json<{ organisation: { id: string; slug: string } }>().organisation;
    expect(created.slug).toBe('bakkerij-peeters');
    const members = await listMembers(t.database.db, { organisationId: created.id });
    expect(members).toEqual([expect.objectContaining({ email: 'an@peeters.example', role: 'owner', active: false })]);
    const audit = await acrossOrganisations('the test reads the trail', () =>
      t.database.db
        .selectFrom('audit_entries')
        .select(['action', 'actor'])
        .where('organisation_id', '=', created.id)
        .orderBy('seq')
        .execute(),
    );
    expect(audit).toEqual([
      { action: 'organisation.created', actor: `user:${operator.userId}` },
      { action: 'member.added', actor: `user:${operator.userId}` },
    ]);
    const list = await t.app.inject({ url: '/api/v1/organisations', headers: operator.headers });
    expect(
      list.json<{ organisations: { slug: string; archivedAt: string | null; sites: string[] }[] }>().organisations,
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slug: 'bakkerij-peeters', archivedAt: null, sites: [] }),
        expect.objectContaining({ slug: 'testco', sites: ['main'] }),
      ]),
    );
  });

  it('answers 409 on the slug for a slug taken, and 422 with field paths for bad input', async () => {
    const taken = await post('/api/v1/organisations', operator.headers, {
      slug: 'testco',
      name: 'Again',
      owner: { email: 'x@example.test' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe('body.slug');
    const bad = await post('/api/v1/organisations', operator.headers, {
      slug: 'Not A Slug',
      name: '',
      owner: { email: 'nope' },
    });
    expect(bad.statusCode).toBe(422);
    const paths = bad.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.slug', 'body.name', 'body.owner.email']));
  });
});

describe('archiving an organisation', () => {
  it('answers 410 on its public pages and banner, keeps its data, stops its jobs; unarchive restores all', async () => {
    const organisationId = t.organisationId!;
    expect((await t.app.inject({ url: '/api/v1/banner/main/config' })).statusCode).toBe(200);
    await enqueueJob(t.database.db, { queue: 'test.archived', organisationId, key: 'archived-job' });

    const archived = await post('/api/v1/organisations/testco/archive', operator.headers);
    expect(archived.json()).toEqual(expect.objectContaining({ slug: 'testco', changed: true }));
    expect((await post('/api/v1/organisations/testco/archive', operator.headers)).json()).toEqual(
      expect.objectContaining({ changed: false }),
    );

    const banner = await t.app.inject({ url: '/api/v1/banner/main/config' });
    expect(banner.statusCode).toBe(410);
    expect(banner.json<{ error: { code: string } }>().error.code).toBe('organisation_archived');
    const page = await t.app.inject({ url: '/privacy/main', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(410);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('De privacypagina’s van deze organisatie worden hier niet meer gepubliceerd.');
    expect(page.body).not.toContain('Testco');
    expect(await claimJob(t.database.db, ['test.archived'], 'test', 60_000)).toBeUndefined();

    // The data is kept: the console of its members still opens, the revision is there.
    expect((await t.app.inject({ url: '/api/v1/users', headers: operator.headers })).statusCode).toBe(200);

    expect((await post('/api/v1/organisations/testco/unarchive', operator.headers)).json()).toEqual(
      expect.objectContaining({ archivedAt: null, changed: true }),
    );
    expect((await t.app.inject({ url: '/api/v1/banner/main/config' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/privacy/main' })).statusCode).toBe(200);
    expect(await claimJob(t.database.db, ['test.archived'], 'test', 60_000)).toEqual(
      expect.objectContaining({ organisationId }),
    );
    const audit = await acrossOrganisations('the test reads the trail', () =>
      t.database.db
        .selectFrom('audit_entries')
        .select('action')
        .where('organisation_id', '=', organisationId)
        .where('action', 'like', 'organisation.%')
        .orderBy('seq')
        .execute(),
    );
    expect(audit.map((a) => a.action)).toEqual(['organisation.archived', 'organisation.unarchived']);
  });

  it('answers 404 for an unknown organisation', async () => {
    expect((await post('/api/v1/organisations/no-such-org/archive', operator.headers)).statusCode).toBe(404);
  });
});

describe('the agency overview', () => {
  it("lists a member's organisations with their figures, an operator's all, and a token's only its own", async () => {
    const agency = await signedInUser(t, 'privacy-officer');
    const mine = await t.app.inject({ url: '/api/v1/organisations/overview', headers: agency.headers });
    expect(mine.statusCode).toBe(200);
    const rows = mine.json<{
      organisations: {
        slug: string;
        member: boolean;
        sites: string[];
        openRequests: number;
        overdueRequests: number;
        lastScan: unknown;
      }[];
    }>().organisations;
    expect(rows).toEqual([
      {
        slug: 'testco',
        name: 'Testco BV',
        archived: false,
        member: true,
        sites: ['main'],
        openRequests: 0,
        overdueRequests: 0,
        lastScan: null,
      },
    ]);
    const all = await t.app.inject({ url: '/api/v1/organisations/overview', headers: operator.headers });
    const slugs = all.json<{ organisations: { slug: string; member: boolean }[] }>().organisations;
    expect(slugs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slug: 'bakkerij-peeters', member: false }),
        expect.objectContaining({ slug: 'testco', member: true }),
      ]),
    );
    const created = await post('/api/v1/tokens', operator.headers, { name: 'read', scopes: ['requests:read'] });
    const tokenRows = await t.app.inject({
      url: '/api/v1/organisations/overview',
      headers: { authorization: `Bearer ${created.json<{ token: string }>().token}` },
    });
    expect(tokenRows.json<{ organisations: { slug: string }[] }>().organisations.map((o) => o.slug)).toEqual([
      'testco',
    ]);
  });
});
