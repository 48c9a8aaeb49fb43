import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from '../../test/support/auth.js';
import { buildCharter, minimalCharterYaml } from '../../test/support/charter.js';
import { serveTestApp, type ServedApp } from '../../test/support/server.js';
import { runCli } from '../../test/support/cli.js';

let served: ServedApp;
let dir: string;
let applyToken: string;

beforeAll(async () => {
  served = await serveTestApp({ charter: buildCharter() });
  dir = await mkdtemp(join(tmpdir(), 'charter-apply-'));
  applyToken = (await tokenFor(served, ['charter:apply'])).authorization.slice('Bearer '.length);
}, 120_000);
afterAll(async () => {
  await served?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function apply(yaml: string, token = applyToken) {
  const file = join(dir, 'charter.yaml');
  await writeFile(file, yaml);
  return runCli(['apply', 'charter.yaml', '--server', served.url, '--token', token], { cwd: dir });
}

describe('charter apply --server', () => {
  it('uploads a new revision through the API, audited with the token as actor', async () => {
    const result = await apply(minimalCharterYaml.replace('legalName: Testco BV', 'legalName: Testco NV'));
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Applied charter\.yaml as revision 2 \([0-9a-f]{12}\)\.$/);
    const again = await apply(minimalCharterYaml.replace('legalName: Testco BV', 'legalName: Testco NV'));
    expect(again.out).toBe('charter.yaml is already the active revision 2; nothing changed.');
    const audit = await served.database.db
      .selectFrom('audit_entries')
      .select(['actor', 'action'])
      .where('action', '=', 'charter.applied')
      .orderBy('seq')
      .execute();
    expect(audit.at(-1)?.actor).toMatch(/^token:[0-9a-f-]{36}$/);
  });

  it('refuses a charter with validation errors, printing each with file:line:col', async () => {
    const result = await apply(minimalCharterYaml.replace('legalBasis: contract', 'legalBasis: contrakt'));
    expect(result.code).toBe(1);
    const line = minimalCharterYaml.split('\n').findIndex((l) => l.includes('legalBasis: contract')) + 1;
    expect(result.err).toContain('refused (422)');
    expect(result.err).toContain(`charter.yaml:${line}:17: purposes[0].legalBasis:`);
  });

  it('refuses a charter with lint errors', async () => {
    const result = await apply(minimalCharterYaml.replace('    transfer: eu-us-dpf\n', ''));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/recipients\[1\]\.country: .*outside the EEA/);
  });

  it("refuses another organisation's charter and a token without charter:apply", async () => {
    const other = await apply(minimalCharterYaml.replace('id: testco', 'id: someone-else'));
    expect(other.code).toBe(1);
    expect(other.err).toContain('organisation.id');
    const reader = (await tokenFor(served, ['charter:read'])).authorization.slice('Bearer '.length);
    const refused = await apply(minimalCharterYaml, reader);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('refused (403)');
  });

  it('needs a server and a token', async () => {
    expect((await runCli(['apply', 'charter.yaml', '--token', 'x'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['apply', 'charter.yaml', '--server', served.url], { cwd: dir })).code).toBe(2);
  });
});

describe('charter overview and revisions', () => {
  it('shows the active charter with its lint findings and the history', async () => {
    const headers = await tokenFor(served, ['charter:read']);
    const overview = await served.app.inject({ url: '/api/v1/charter/overview', headers });
    expect(overview.statusCode).toBe(200);
    const body = overview.json();
    expect(body.charter.organisation.legalName).toBe('Testco NV');
    expect(Array.isArray(body.findings)).toBe(true);
    const revisions = (await served.app.inject({ url: '/api/v1/charter/revisions', headers })).json().revisions;
    expect(revisions.map((r: { seq: number }) => r.seq)).toEqual([2, 1]);
  });
});
