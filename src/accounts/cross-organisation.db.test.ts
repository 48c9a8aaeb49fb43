/**
 * Tenancy, end to end: every declared route, called with organisation A's session or token against organisation B's
 * resources, answers 404 — never 403 (that would reveal existence) and never B's data. The routes come from the app
 * itself (`declaredRoutes`), so a route added later is walked too; the ids come from the database (every table with
 * an `organisation_id`), so a new domain's resources are tried once its seeder (test/support/cross-organisation.ts)
 * creates some.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { signedInUser, tokenFor, type SessionHeaders } from '../../test/support/auth.js';
import { consentCharter } from '../consent/ledger-fixtures.js';
import {
  bodySamples,
  crossOrganisationSeeders,
  installationRoutes,
  lookupRoutes,
} from '../../test/support/cross-organisation.js';
import { applyCharter } from '../charter/repository.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { declaredRoutes, type RouteSpec } from '../platform/http/routes.js';
import { ensureOrganisation } from './organisations.js';
import { scopes, userOnlyScopes } from './scopes.js';
import { listMembers } from './users.js';

let t: TestApp;
let a: string;
let b: string;
let owner: SessionHeaders;
let token: { authorization: string };
const bMarkers: string[] = [];
let bCandidates: (string | number)[] = [];

type Json = Record<string, unknown>;

/** A value that satisfies a JSON Schema (from zod), for request bodies. */
function sample(schema: Json): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const options = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (options) return sample(options.find((o) => o.type === 'object') ?? options[0]!);
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      const required = (schema.required ?? []) as string[];
      return Object.fromEntries(required.map((name) => [name, sample(properties[name] ?? {})]));
    }
    case 'array':
      return Array.from({ length: Number(schema.minItems ?? 0) }, () => sample((schema.items ?? {}) as Json));
    case 'integer':
    case 'number':
      return Number(schema.minimum ?? schema.exclusiveMinimum ?? 1);
    case 'boolean':
      return false;
    case 'string': {
      const formats: Record<string, string> = {
        email: 'cross@example.test',
        uuid: randomUUID(),
        'date-time': new Date().toISOString(),
        date: '2025-01-01',
        uri: 'https://example.test/',
        url: 'https://example.test/',
      };
      if (typeof schema.format === 'string' && formats[schema.format]) return formats[schema.format];
      return 'x'.repeat(Math.max(Number(schema.minLength ?? 1), 8));
    }
    default:
      return {};
  }
}

function bodyFor(spec: RouteSpec): unknown {
  const key = `${spec.method} ${spec.url}`;
  if (key in bodySamples) return bodySamples[key];
  if (!spec.body) return undefined;
  return sample(z.toJSONSchema(spec.body, { io: 'input', unrepresentable: 'any' }));
}

/** Every id-like value of one organisation's rows, in every organisation-owned table. */
async function idsOf(organisationId: string): Promise<Set<string | number>> {
  const tables = await sql<{ table_name: string }>`
    select distinct table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'organisation_id'`.execute(t.database.db);
  const values = new Set<string | number>();
  for (const { table_name } of tables.rows) {
    const rows =
      await sql<Json>`select * from ${sql.table(table_name)} where organisation_id = ${organisationId}`.execute(
        t.database.db,
      );
    for (const row of rows.rows) {
      for (const [column, value] of Object.entries(row)) {
        if (column === 'organisation_id') continue;
        if (!(column === 'id' || column === 'seq' || column.endsWith('_id'))) continue;
        if (typeof value === 'string' || typeof value === 'number') values.add(value);
      }
    }
  }
  return values;
}

beforeAll(async () => {
  // Both organisations declare purposes asked outside the banner, so their purpose consents can be seeded too.
  t = await buildTestApp({ charter: consentCharter(), env: { PUBLIC_URL: 'http://charter.test' } });
  a = t.organisationId!;
  const bravo = await ensureOrganisation(t.database.db, 'bravo', 'Bravo Secret Holding');
  b = bravo.id;
  await applyCharter(
    t.database.db,
    { organisationId: b },
    {
      charter: consentCharter((c) => {
        c.organisation.id = 'bravo';
        c.organisation.legalName = 'Bravo Secret Holding';
        c.sites = [{ id: 'bravo-site', name: 'Bravo', domain: 'www.bravo.example' }];
      }),
      source: '{}',
      format: 'json',
      actor: 'system',
    },
  );
  for (const seed of crossOrganisationSeeders) {
    await seed(t, a);
    await seed(t, b);
  }
  owner = (await signedInUser(t, 'owner', { organisationId: a })).headers;
  token = await tokenFor(
    t,
    scopes.filter((s) => !userOnlyScopes.includes(s)),
    a,
  );
  const aIds = await idsOf(a);
  // Only B's ids that A does not also have (per-organisation sequence numbers overlap legitimately).
  bCandidates = [...(await idsOf(b))].filter((id) => !aIds.has(id));
  bMarkers.push(
    b,
    'Bravo Secret Holding',
    'bravo-site',
    ...bCandidates.filter((id): id is string => typeof id === 'string' && id.length >= 16),
  );
}, 120_000);
afterAll(() => t?.close());

const placeholder = /:([A-Za-z0-9_]+)/g;
const hasParams = (url: string) => /:[A-Za-z0-9_]+/.test(url);

/** Random ids of the shapes routes use: uuid, number, slug, ULID (receipts), hex digest, base64url secret. */
function randomIds(): (string | number)[] {
  const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const ulid = Array.from({ length: 26 }, (_, i) => crockford[i === 0 ? 1 : Math.floor(Math.random() * 32)]).join('');
  return [
    randomUUID(),
    987654321,
    'no-such-thing',
    ulid,
    randomBytes(32).toString('hex'),
    randomBytes(32).toString('base64url'),
  ];
}

/** The candidates that pass the route's schema for one path parameter. */
function fitting(spec: RouteSpec, name: string, values: (string | number)[]): (string | number)[] {
  const schema =
    spec.params instanceof z.ZodObject ? (spec.params.shape as Record<string, z.ZodType>)[name] : undefined;
  return schema ? values.filter((value) => schema.safeParse(String(value)).success) : values;
}

/** Every combination of one value per list, B's values first. */
/** Calls a route with one combination of path parameters (in the order the URL names them), the body and headers. */
async function callWith(
  spec: RouteSpec,
  combination: (string | number)[],
  body: unknown,
  headers?: Record<string, string>,
) {
  let i = 0;
  const url = spec.url.replace(placeholder, () => encodeURIComponent(String(combination[i++])));
  const response = await t.app.inject({
    method: spec.method,
    url,
    ...(headers ? { headers } : {}),
    ...(body !== undefined ? { payload: body as Json } : {}),
  });
  return { url, response };
}

function combinations(lists: (string | number)[][]): (string | number)[][] {
  return lists.reduce<(string | number)[][]>(
    (acc, list) => acc.flatMap((prefix) => list.map((value) => [...prefix, value])),
    [[]],
  );
}

describe('cross-organisation access', () => {
  it('has resources of B to try: its member, its token, its site', async () => {
    const bToken = await t.database.db
      .selectFrom('api_tokens')
      .select('id')
      .where('organisation_id', '=', b)
      .executeTakeFirstOrThrow();
    const bMember = await t.database.db
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', b)
      .executeTakeFirstOrThrow();
    expect(bCandidates).toEqual(expect.arrayContaining([bToken.id, bMember.user_id, 'bravo-site']));
  });

  it("has B's objects of every domain to try", async () => {
    const seeded = [
      'rights_requests',
      'rights_events',
      'rights_codes',
      'rights_packages',
      'rights_reminders',
      'rights_keys',
      'breaches',
      'breach_notifications',
      'retention_runs',
      'retention_run_steps',
      'retention_approvals',
      'retention_schedules',
      'consent_records',
      'consent_daily_stats',
      'purpose_consents',
      'marketing_suppressions',
      'notice_subscriptions',
      'notice_versions',
      'notice_significant_changes',
      'notice_deliveries',
      'mail_outbox',
      'charter_revisions',
      'api_tokens',
      'memberships',
      'audit_entries',
    ];
    const empty: string[] = [];
    for (const table of seeded) {
      const row = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table)} where organisation_id = ${b}`.execute(t.database.db);
      if (!row.rows[0]?.n) empty.push(table);
    }
    expect(empty).toEqual([]);
    const receipt = await t.database.db
      .selectFrom('consent_records')
      .select('receipt_id')
      .where('organisation_id', '=', b)
      .executeTakeFirstOrThrow();
    expect(bCandidates).toContain(receipt.receipt_id);
  });

  it("refuses B's member who names A as the organisation, on every protected route", async () => {
    const bOwner = (await signedInUser(t, 'owner', { organisationId: b })).headers;
    const aSlug = (
      await t.database.db.selectFrom('organisations').select('slug').where('id', '=', a).executeTakeFirstOrThrow()
    ).slug;
    const failures: string[] = [];
    for (const spec of declaredRoutes(t.app).filter((s) => s.auth !== 'public')) {
      const url = spec.url.replace(placeholder, () => randomUUID());
      const body = bodyFor(spec);
      const response = await t.app.inject({
        method: spec.method,
        url,
        headers: { ...bOwner, 'x-charter-organisation': aSlug },
        ...(body !== undefined ? { payload: body as Json } : {}),
      });
      if (![401, 403, 404].includes(response.statusCode))
        failures.push(`${spec.method} ${spec.url} answered ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 404 on every route with a path parameter, for every B resource id and random ids', async () => {
    const failures: string[] = [];
    const walked = { routes: 0, requests: 0 };
    const protectedRoutes = declaredRoutes(t.app).filter((spec) => spec.auth !== 'public' && hasParams(spec.url));
    expect(protectedRoutes.length).toBeGreaterThan(0);
    for (const spec of protectedRoutes) {
      const body = bodyFor(spec);
      if (`${spec.method} ${spec.url}` in installationRoutes) {
        // Installation routes name other organisations by design: no organisation's owner or token may call them.
        for (const credentials of [owner, token] as Record<string, string>[]) {
          const url = spec.url.replace(placeholder, () => 'bravo');
          const response = await t.app.inject({
            method: spec.method,
            url,
            headers: credentials,
            ...(body !== undefined ? { payload: body as Json } : {}),
          });
          if (response.statusCode !== 403)
            failures.push(`${spec.method} ${url} answered ${response.statusCode} to a non-operator`);
        }
        walked.routes++;
        continue;
      }
      const names = [...spec.url.matchAll(placeholder)].map((m) => m[1]!);
      // Each parameter gets the ids that fit its schema: B's first, then random ids of the usual shapes.
      const lists = names.map((name) =>
        fitting(
          spec,
          name,
          names.length > 1 ? [...bCandidates, ...randomIds(), 1, 2] : [...bCandidates, ...randomIds()],
        ).slice(0, 25),
      );
      const empty = names.filter((_, i) => lists[i]!.length === 0);
      if (empty.length > 0) {
        failures.push(
          `${spec.method} ${spec.url}: no id fits :${empty.join(', :')}; add a seeder creating such resources to test/support/cross-organisation.ts`,
        );
        continue;
      }
      let tried = 0;
      for (const credentials of [owner, token] as Record<string, string>[]) {
        for (const combination of combinations(lists).slice(0, 60)) {
          // A combination of only random or shared values addresses nothing of B's; it must still not succeed.
          const { url, response } = await callWith(spec, combination, body, credentials);
          if (response.statusCode === 403 && credentials === token) break; // the token lacks a user-only scope
          if (response.statusCode === 422) {
            const details = response.json<{ error: { details: { path?: string }[] } }>().error.details;
            if (details.every((d) => d.path?.startsWith('params'))) continue; // the combination does not fit together
            failures.push(
              `${spec.method} ${spec.url}: the walker's body was refused (${JSON.stringify(details)}); add a sample to bodySamples`,
            );
            break;
          }
          tried++;
          if (`${spec.method} ${spec.url}` in lookupRoutes && response.statusCode === 200) {
            const leaked = bMarkers.filter((marker) => !combination.includes(marker) && response.body.includes(marker));
            if (leaked.length > 0) failures.push(`${spec.method} ${url} showed B's ${leaked.join(', ')}`);
            continue;
          }
          if (response.statusCode !== 404) failures.push(`${spec.method} ${url} answered ${response.statusCode}`);
        }
      }
      if (tried === 0) failures.push(`${spec.method} ${spec.url}: no combination of ids reached the handler`);
      walked.routes++;
      walked.requests += tried;
    }
    console.info(
      `cross-organisation walk: ${walked.routes} routes with path parameters, ${bCandidates.length} ids of B, ${walked.requests} requests`,
    );
    expect(failures).toEqual([]);
    // Bounds a hang only: the walk grows with every route with a path parameter (1500+ requests).
  }, 180_000);

  it("never shows B's objects through A's public pages and routes, whatever B id they are given", async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const spec of declaredRoutes(t.app).filter((s) => s.auth === 'public' && hasParams(s.url))) {
      const names = [...spec.url.matchAll(placeholder)].map((m) => m[1]!);
      // A's site where the route names one; B's ids (and a few random ones) everywhere else.
      const lists = names.map((name) =>
        name === 'site' ? ['main'] : fitting(spec, name, [...bCandidates, ...randomIds()]).slice(0, 25),
      );
      const body = bodyFor(spec);
      for (const combination of combinations(lists).slice(0, 60)) {
        const { url, response } = await callWith(spec, combination, body);
        requests++;
        if (response.statusCode >= 500) failures.push(`${spec.method} ${url} answered ${response.statusCode}`);
        const leaked = bMarkers.filter((marker) => !combination.includes(marker) && response.body.includes(marker));
        if (leaked.length > 0) failures.push(`${spec.method} ${url} showed B's ${leaked.join(', ')}`);
      }
    }
    expect(requests).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it("never shows B's data on A's list routes", async () => {
    const failures: string[] = [];
    for (const spec of declaredRoutes(t.app).filter(
      (s) => s.auth !== 'public' && s.method === 'GET' && !hasParams(s.url),
    )) {
      for (const credentials of [owner, token] as Record<string, string>[]) {
        const response = await t.app.inject({ method: 'GET', url: spec.url, headers: credentials });
        if (response.statusCode >= 500) failures.push(`${spec.url} answered ${response.statusCode}`);
        const leaked = bMarkers.filter((marker) => response.body.includes(marker));
        if (leaked.length > 0) failures.push(`${spec.url} showed B's ${leaked.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('left B untouched', async () => {
    const bToken = await t.database.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('organisation_id', '=', b)
      .execute();
    expect(bToken.every((row) => row.revoked_at === null)).toBe(true);
    expect((await listMembers(t.database.db, { organisationId: b })).length).toBeGreaterThan(0);
  });

  it('guards every /api route: none is registered outside defineRoute (which the guard covers)', () => {
    const declared = new Set(declaredRoutes(t.app).map((s) => s.url));
    const all = t.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .map((line) => line.replace(/^[\s└├│─]+/, '').split(' ')[0] ?? '')
      .filter(Boolean);
    const undeclaredApi = all.filter((url) => url.startsWith('/api/') && !declared.has(url));
    expect(undeclaredApi).toEqual([]);
  });

  it('walks every organisation-scoped operation of openapi.json (the route table and the document agree)', async () => {
    const document = (await t.app.inject('/openapi.json')).json<{
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    }>();
    const secured = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => (operation.security ?? []).length > 0)
        .map(([method]) => `${method.toUpperCase()} ${path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1')}`),
    );
    const walked = declaredRoutes(t.app)
      .filter((s) => s.auth !== 'public')
      .map((s) => `${s.method} ${s.url}`);
    expect(secured.length).toBeGreaterThan(30);
    expect(secured.filter((operation) => !walked.includes(operation))).toEqual([]);
  });

  it('answers 401 on every protected route without credentials', async () => {
    const failures: string[] = [];
    for (const spec of declaredRoutes(t.app).filter((s) => s.auth !== 'public')) {
      const url = spec.url.replace(placeholder, () => randomUUID());
      const response = await t.app.inject({ method: spec.method, url });
      if (response.statusCode !== 401) failures.push(`${spec.method} ${spec.url} answered ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('installation routes', () => {
  it('refuses every installation route to an owner and a token of an organisation, and leaves B as it was', async () => {
    const installation = declaredRoutes(t.app).filter(
      (s) => s.auth !== 'public' && s.auth.scopes.includes('organisations:manage'),
    );
    expect(installation.map((s) => `${s.method} ${s.url}`).sort()).toEqual(Object.keys(installationRoutes).sort());
    for (const spec of installation) {
      for (const credentials of [owner, token] as Record<string, string>[]) {
        const url = spec.url.replace(placeholder, () => 'bravo');
        const body =
          spec.method === 'POST' && !hasParams(spec.url)
            ? { slug: 'intruder', name: 'Intruder', owner: { email: 'x@example.test' } }
            : undefined;
        const response = await t.app.inject({
          method: spec.method,
          url,
          headers: credentials,
          ...(body ? { payload: body } : {}),
        });
        expect(response.statusCode, `${spec.method} ${url}`).toBe(403);
        expect(response.body).not.toContain('Bravo Secret Holding');
      }
    }
    const bravo = await t.database.db
      .selectFrom('organisations')
      .select('archived_at')
      .where('id', '=', b)
      .executeTakeFirstOrThrow();
    expect(bravo.archived_at).toBeNull();
    expect(
      await t.database.db.selectFrom('organisations').select('id').where('slug', '=', 'intruder').executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe('tenancy fails closed', () => {
  it('throws on a repository call without an organisation scope', async () => {
    await expect(listMembers(t.database.db, undefined as never)).rejects.toThrow(/organisation scope/);
    await expect(listMembers(t.database.db, { organisationId: 'bravo' })).rejects.toThrow(/organisation scope/);
  });

  it("stops a deliberately unscoped query at row-level security: it sees only the scope's rows", async () => {
    // A repository function that forgot its `where organisation_id = …`.
    const forgetful = (organisationId: string) =>
      inOrganisation(t.database.db, { organisationId }, (trx) =>
        trx.selectFrom('memberships').select('organisation_id').execute(),
      );
    const seen = await forgetful(a);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((row) => row.organisation_id))).toEqual(new Set([a]));
    const everything = await t.database.db.selectFrom('memberships').select('organisation_id').distinct().execute();
    expect(everything.length).toBeGreaterThan(1);
  });
  // Every organisation table's row-level security, and the guard behind it: src/platform/db/tenancy-guard.db.test.ts.
});
