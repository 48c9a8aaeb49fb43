// The console editor's routes on a real database: the schema for completion, the preview (problems, lint and the
// notice diff per site and language), revisions with their text, publishing, and rollback as a new audited revision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser, sessionFor } from '../../test/support/auth.js';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { buildCharter, minimalCharterYaml } from '../../test/support/charter.js';

let t: TestApp;
let owner: Awaited<ReturnType<typeof signedInUser>>;
beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter() });
  owner = await signedInUser(t, 'owner');
});
afterAll(() => t.close());

const withRecipient = minimalCharterYaml.replace(
  'cookies:\n',
  `  - id: mailchimp
    name: Mailchimp
    role: processor
    service: Newsletters
    country: US
    transfer: eu-us-dpf
    dpaDate: 2025-01-01
cookies:\n`,
);

async function post(url: string, body: unknown, headers: Record<string, string> = owner.headers) {
  return t.app.inject({ method: 'POST', url, payload: body as object, headers });
}

describe('charter editor routes', () => {
  it('serves the JSON Schema of charter.yaml as draft-07, to anyone', async () => {
    const response = await t.app.inject('/api/v1/charter/schema');
    expect(response.statusCode).toBe(200);
    const schema = response.json();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['organisation', 'purposes', 'recipients']));
  });

  it('previews a draft: what changes in each site’s notice, in each of its languages', async () => {
    const response = await post('/api/v1/charter/preview', {
      source: withRecipient.replace('recipients: [mailer]', 'recipients: [mailer, mailchimp]'),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.check.valid).toBe(true);
    expect(body.activeSeq).toBe(1);
    const main = body.preview.sites.find((s: { site: string }) => s.site === 'main');
    expect(main.added).toBe(false);
    expect(main.languages.map((l: { language: string }) => l.language)).toEqual(['en', 'nl', 'fr']);
    const english = main.languages.find((l: { language: string }) => l.language === 'en');
    expect(english.notice.map((c: { text: string }) => c.text)).toContain(
      'added recipient: Mailchimp (United States, EU-US Data Privacy Framework)',
    );
    const dutch = main.languages.find((l: { language: string }) => l.language === 'nl');
    expect(dutch.notice.map((c: { text: string }) => c.text).join(' ')).toContain('Mailchimp');
  });

  it('previews a draft with problems: each at its line, and no notice diff when it does not load', async () => {
    const broken = minimalCharterYaml.replace('legalBasis: contract', 'legalBasis: contrakt');
    const body = (await post('/api/v1/charter/preview', { source: broken })).json();
    const line = minimalCharterYaml.split('\n').findIndex((l) => l.includes('legalBasis: contract')) + 1;
    expect(body.check.valid).toBe(false);
    expect(body.check.problems[0]).toMatchObject({ line, path: 'purposes[0].legalBasis' });
    expect(body.preview).toBeUndefined();
    const lintError = (
      await post('/api/v1/charter/preview', { source: minimalCharterYaml.replace('    transfer: eu-us-dpf\n', '') })
    ).json();
    expect(lintError.check.valid).toBe(false);
    expect(
      lintError.check.findings.some((f: { severity: string; line: number }) => f.severity === 'error' && f.line > 1),
    ).toBe(true);
    expect(lintError.preview.sites).toHaveLength(1);
  });

  it('refuses a bad preview body with the field, and a caller without charter:read', async () => {
    const empty = await post('/api/v1/charter/preview', { source: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details[0].path).toBe('body.source');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/charter/preview', payload: { source: 'x: 1' } })).statusCode,
    ).toBe(401);
  });

  it('publishes, shows each revision with who applied it and the text before it, and rolls back as a new revision', async () => {
    const published = await post('/api/v1/charter/revisions', {
      source: withRecipient.replace('legalName: Testco BV', 'legalName: Testco NV'),
    });
    expect(published.statusCode).toBe(201);
    const seq = published.json().seq as number;
    expect(seq).toBe(2);

    const revisions = (await t.app.inject({ url: '/api/v1/charter/revisions', headers: owner.headers })).json()
      .revisions;
    expect(revisions[0]).toMatchObject({
      seq: 2,
      createdBy: `user:${owner.userId}`,
      createdByEmail: owner.email,
      restoredFrom: null,
    });
    expect(revisions[1]).toMatchObject({ seq: 1, createdBy: 'system' });
    expect(revisions[1].createdByEmail).toBeUndefined();

    const detail = (await t.app.inject({ url: '/api/v1/charter/revisions/2', headers: owner.headers })).json();
    expect(detail).toMatchObject({ seq: 2, active: true, format: 'yaml', restoredFrom: null });
    expect(detail.yaml).toContain('legalName: Testco NV');
    // Revision 1 was applied as JSON: shown as YAML for the diff and the editor.
    expect(detail.previous.seq).toBe(1);
    expect(detail.previous.yaml).toContain('legalName: Testco BV');
    expect(detail.previous.yaml).not.toContain('{"charter"');
    // In the order it was written (jsonb would have sorted the keys by length).
    expect(detail.previous.yaml.startsWith('charter: 1\norganisation:\n  id: testco\n')).toBe(true);

    const rolledBack = await post('/api/v1/charter/revisions/1/rollback', {});
    expect(rolledBack.statusCode).toBe(201);
    expect(rolledBack.json()).toMatchObject({ seq: 3, changed: true, restoredFrom: 1 });
    const third = (await t.app.inject({ url: '/api/v1/charter/revisions/3', headers: owner.headers })).json();
    expect(third).toMatchObject({ restoredFrom: 1, active: true });
    const overview = (await t.app.inject({ url: '/api/v1/charter/overview', headers: owner.headers })).json();
    expect(overview).toMatchObject({ seq: 3, charter: { organisation: { legalName: 'Testco BV' } } });
    // Each finding of the overview carries its line in the text the editor shows, to link there.
    expect(overview.findings.length).toBeGreaterThan(0);
    for (const finding of overview.findings as { line: number; path: string }[]) {
      expect(third.yaml.split('\n')[finding.line - 1]).toContain(
        finding.path
          .split('.')
          .at(-1)!
          .replace(/\[\d+\]$/, ''),
      );
    }

    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['actor', 'action', 'target', 'data'])
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['charter.rolled-back', 'charter.applied']);
    expect(audit[0]).toMatchObject({ actor: `user:${owner.userId}`, target: 'charter:3' });
    expect(audit[0]!.data).toMatchObject({ seq: 3, restoredFrom: 1 });

    const again = await post('/api/v1/charter/revisions/1/rollback', {});
    expect(again.statusCode).toBe(409);
    expect((await post('/api/v1/charter/revisions/99/rollback', {})).statusCode).toBe(404);
    expect((await post('/api/v1/charter/revisions/abc/rollback', {})).json().error.details[0].path).toBe('params.seq');
  });

  it('refuses to publish over a revision published since the text was opened', async () => {
    const active = (await t.app.inject({ url: '/api/v1/charter/overview', headers: owner.headers })).json()
      .seq as number;
    const stale = await post('/api/v1/charter/revisions', {
      source: minimalCharterYaml.replace('legalName: Testco BV', 'legalName: Testco SA'),
      baseSeq: active - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details[0]).toMatchObject({
      path: 'body.baseSeq',
      message: `the active revision is ${active}`,
    });
    expect((await t.app.inject({ url: '/api/v1/charter/overview', headers: owner.headers })).json().seq).toBe(active);
    const current = await post('/api/v1/charter/revisions', {
      source: minimalCharterYaml.replace('legalName: Testco BV', 'legalName: Testco SA'),
      baseSeq: active,
    });
    expect(current.statusCode).toBe(201);
    expect(current.json().seq).toBe(active + 1);
  });

  it('lets a viewer read and preview but not publish or roll back', async () => {
    const viewer = await sessionFor(t, 'viewer');
    expect((await t.app.inject({ url: '/api/v1/charter/revisions/1', headers: viewer })).statusCode).toBe(200);
    expect((await post('/api/v1/charter/preview', { source: minimalCharterYaml }, viewer)).statusCode).toBe(200);
    expect((await post('/api/v1/charter/revisions', { source: minimalCharterYaml }, viewer)).statusCode).toBe(403);
    expect((await post('/api/v1/charter/revisions/2/rollback', {}, viewer)).statusCode).toBe(403);
  });
});
