import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { sessionFor, tokenFor } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { recordAudit } from './trail.js';

let t: TestApp;
let headers: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter() });
  const scope = { organisationId: t.organisationId! };
  const base = Date.parse('2025-05-01T08:00:00Z');
  const rows: [string, string, string][] = [
    ['user:a', 'request.received', 'request:1'],
    ['user:a', 'request.verified', 'request:1'],
    ['user:b', 'breach.recorded', 'breach:7'],
    ['system', 'retention.swept', 'table:orders'],
  ];
  for (const [i, [actor, action, target]] of rows.entries()) {
    await inOrganisation(t.database.db, scope, (trx) =>
      recordAudit(trx, scope, { actor, action, target, data: { n: i } }, new Date(base + i * 86_400_000)),
    );
  }
  headers = await sessionFor(t, 'viewer');
}, 120_000);
afterAll(() => t?.close());

const list = async (query: string) =>
  (await t.app.inject({ url: `/api/v1/audit?${query}`, headers })).json<{
    entries: { seq: number; action: string; target: string }[];
    nextBefore: number;
  }>();

describe('audit routes', () => {
  it('lists entries newest first and filters by action family, exact action, actor, target and period', async () => {
    const all = await list('');
    expect(all.entries[0]!.action).toBe('member.added'); // the viewer's own membership, newest
    expect((await list('action=request')).entries.map((e: { action: string }) => e.action)).toEqual([
      'request.verified',
      'request.received',
    ]);
    expect((await list('action=request.verified')).entries).toHaveLength(1);
    expect((await list('actor=user:b')).entries.map((e: { target: string }) => e.target)).toEqual(['breach:7']);
    expect((await list('target=request:1')).entries).toHaveLength(2);
    expect((await list('from=2025-05-02&to=2025-05-04')).entries.map((e: { action: string }) => e.action)).toEqual([
      'breach.recorded',
      'request.verified',
    ]);
  });

  it('pages with a sequence cursor', async () => {
    const first = await list('limit=2');
    expect(first.entries).toHaveLength(2);
    const second = await list(`limit=2&before=${first.nextBefore}`);
    expect(second.entries[0]!.seq).toBe(first.entries[1]!.seq - 1);
  });

  it('answers 422 with the field path for a bad filter', async () => {
    const response = await t.app.inject({ url: '/api/v1/audit?from=yesterday', headers });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].path).toBe('query.from');
  });

  it('lists the actions and verifies the chain', async () => {
    expect((await t.app.inject({ url: '/api/v1/audit/actions', headers })).json().actions).toEqual(
      expect.arrayContaining(['breach.recorded', 'charter.applied']),
    );
    expect((await t.app.inject({ url: '/api/v1/audit/verify', headers })).json()).toMatchObject({
      ok: true,
      firstBreak: null,
    });
  });

  it('exports JSON Lines, auditing the export', async () => {
    const response = await t.app.inject({ url: '/api/v1/audit/export', headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    expect(response.headers['content-disposition']).toBe('attachment; filename="audit-testco.jsonl"');
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; seq: number });
    expect(lines.at(-1)?.action).toBe('audit.exported');
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
  });

  it('offers a signed checkpoint of the head for download, and compares the chain with one', async () => {
    const response = await t.app.inject({ url: '/api/v1/audit/checkpoint', headers });
    expect(response.statusCode).toBe(200);
    const checkpoint = response.json<{
      seq: number;
      entries: number;
      headHash: string;
      organisation: { id: string; slug: string };
      signature: string;
    }>();
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="audit-checkpoint-testco-${checkpoint.seq}.json"`,
    );
    expect(checkpoint).toMatchObject({
      format: 'charter-audit-checkpoint/1',
      organisation: { id: t.organisationId, slug: 'testco' },
      entries: checkpoint.seq,
    });
    const head = (await list('limit=1')).entries[0]!;
    expect(head).toMatchObject({ seq: checkpoint.seq, action: 'audit.checkpointed' });

    const verified = await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers, payload: checkpoint });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({
      ok: true,
      firstBreak: null,
      checkpoint: { seq: checkpoint.seq, status: 'matches' },
    });

    const altered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit/verify',
      headers,
      payload: { ...checkpoint, headHash: 'a'.repeat(64) },
    });
    expect(altered.statusCode).toBe(422);
    expect(altered.json().error.details[0]).toMatchObject({
      path: 'body.signature',
      message: expect.stringContaining('does not verify'),
    });
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit/verify',
      headers,
      payload: { ...checkpoint, seq: 'x' },
    });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.details[0].path).toBe('body.seq');
  });

  it('needs audit:read', async () => {
    expect(
      (await t.app.inject({ url: '/api/v1/audit', headers: await tokenFor(t, ['charter:read']) })).statusCode,
    ).toBe(403);
  });
});
