import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCharter, minimalCharterYaml } from '../../test/support/charter.js';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { tokenFor } from '../../test/support/auth.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import { applyCharter, listRevisions } from './repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter() });
});
afterAll(() => t.close());

describe('health and API description', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('serves an OpenAPI 3.1 document that validates', async () => {
    const response = await t.app.inject('/openapi.json');
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.paths['/api/v1/charter/lint'].post.requestBody).toBeDefined();
  });

  it('answers unknown routes with the error shape', async () => {
    const response = await t.app.inject('/nope');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});

describe('GET /api/v1/charter', () => {
  it('returns the active charter without the store wiring', async () => {
    const response = await t.app.inject('/api/v1/charter');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.organisation).toBe('testco');
    expect(body.revision).toMatch(/^[0-9a-f]{64}$/);
    expect(body.charter.stores).toBeUndefined();
    expect(body.charter.purposes).toHaveLength(2);
  });

  it('answers 404 for an unknown site', async () => {
    const response = await t.app.inject('/api/v1/charter?site=nope');
    expect(response.statusCode).toBe(404);
  });
});

describe('POST /api/v1/charter/lint', () => {
  it('lints YAML text with line numbers', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/charter/lint',
      headers: { 'content-type': 'application/yaml' },
      payload: minimalCharterYaml.replace('legalBasis: contract', 'legalBasis: contrakt'),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.valid).toBe(false);
    expect(body.problems[0].path).toBe('purposes[0].legalBasis');
    const line = minimalCharterYaml.split('\n').findIndex((l) => l.includes('legalBasis: contract')) + 1;
    expect(body.problems[0].line).toBe(line);
    expect(body.problems[0].column).toBe(17);
  });

  it('accepts a valid charter in a JSON envelope', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/charter/lint',
      payload: { source: minimalCharterYaml },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().valid).toBe(true);
    expect(response.json().revision).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports an alias bomb, 10,000 nested brackets and 5,000 nested block sequences as problems, quickly and without a 500', async () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'
        .split('')
        .map((name, i) => `${name}: &${name} [${new Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
    ].join('\n');
    const cases = [
      [bomb, 'too_many_aliases'],
      [`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'too_deep'],
      [`${'- '.repeat(5_000)}x`, 'too_deep'],
      [`organisation:\n${'  '.repeat(40)}x: 1`, 'too_deep'],
    ] as const;
    // A token of another organisation: its audit entry stays out of this organisation's trail (tested below).
    const token = await tokenFor(
      t,
      ['charter:apply'],
      (await ensureOrganisation(t.database.db, 'bombs', 'Bombs BV')).id,
    );
    for (const [payload, code] of cases) {
      for (const url of ['/api/v1/charter/lint', '/api/v1/charter/revisions']) {
        const response = await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/yaml', ...(url.endsWith('revisions') ? token : {}) },
          payload,
        });
        expect(response.statusCode).toBe(url.endsWith('lint') ? 200 : 422);
        const problems = url.endsWith('lint') ? response.json().problems : response.json().error.details;
        expect(problems[0]).toMatchObject({ code });
      }
    }
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/charter/lint',
      headers: { 'content-type': 'application/json' },
      payload: '{"source": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('malformed_body');
  });

  it('answers 422 with the field path for wrong types', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/charter/lint', payload: { source: 42 } });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('invalid_input');
    expect(response.json().error.details[0].path).toMatch(/^body/);
  });

  it('answers 413 for a 2 MB body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/charter/lint',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ source: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('answers 415 for a content type it does not read', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/charter/lint',
      headers: { 'content-type': 'application/xml' },
      payload: '<charter/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });
});

describe('charter revisions', () => {
  it('keeps the full history and stores a new revision only when the charter changes', async () => {
    const scope = { organisationId: t.organisationId! };
    const same = await applyCharter(t.database.db, scope, {
      charter: buildCharter(),
      source: 'x',
      format: 'json',
      actor: 'cli',
    });
    expect(same.changed).toBe(false);
    const changed = await applyCharter(t.database.db, scope, {
      charter: buildCharter((c) => {
        c.organisation.legalName = 'Testco NV';
      }),
      source: 'y',
      format: 'json',
      actor: 'cli',
    });
    expect(changed.changed).toBe(true);
    expect(changed.seq).toBe(2);
    const history = await listRevisions(t.database.db, scope);
    expect(history.map((h) => h.seq)).toEqual([2, 1]);
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('organisation_id', '=', scope.organisationId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['charter.applied', 'charter.applied']);
    expect(audit[1]?.prev_hash).toBe(audit[0]?.hash);
  });

  it('refuses a repository call without an organisation scope', async () => {
    await expect(listRevisions(t.database.db, { organisationId: '' })).rejects.toThrow(/organisation scope/);
    await expect(listRevisions(t.database.db, undefined as never)).rejects.toThrow(/organisation scope/);
  });
});
