/**
 * Property-based fuzz of every operation in the served `openapi.json`: for each, fast-check generates path parameters,
 * queries and bodies from the operation's own schema, and hostile variants (wrong types, nulls, 10,000-deep nesting,
 * huge strings and arrays, prototype-pollution keys, unicode of every plane, YAML alias bombs, JSON to form routes),
 * sends them with `app.inject`, and the test fails on any 5xx answer. Every case is counted; the 5xx are listed by
 * operation with the status, so a failure says where to look. Each operation also gets every hostile raw body its
 * content types admit once. CHARTER_FUZZ_RUNS (random runs per operation, 6), CHARTER_FUZZ_SEED and
 * CHARTER_FUZZ_TRACE=1 (each case on stderr) tune a run; the seed is fixed so a failure reproduces.
 */
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/app.js';
import { sessionFor, tokenFor } from '../../../test/support/auth.js';
import {
  fromSchema,
  hostileJson,
  hostileString,
  hostileYaml,
  jsonBody,
  parameterValue,
  type JsonSchema,
  type WireBody,
} from '../../../test/support/fuzz.js';
import { rightsCharter } from '../../rights/testing/fixtures.js';
import { scopes, userOnlyScopes } from '../../accounts/scopes.js';
import { createLogger } from '../logger.js';

/** Runs per operation: ~130 operations × this stays within about a minute on a loaded 2-core machine. */
const runsPerOperation = Number(process.env.CHARTER_FUZZ_RUNS ?? 6);
const seed = Number(process.env.CHARTER_FUZZ_SEED ?? 20261204);
const trace = process.env.CHARTER_FUZZ_TRACE === '1';
const hangMs = 20_000;

interface Operation {
  method: string;
  path: string;
  public: boolean;
  parameters: { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }[];
  body?: { json?: JsonSchema; types: string[] };
}

interface Case {
  url: string;
  body?: WireBody;
  authenticated: boolean;
}

let t: TestApp;
let operations: Operation[] = [];
const logged: string[] = [];
const known: Record<string, string[]> = { site: ['main'] };
let tokenHeaders: Record<string, string>;
let ownerHeaders: Record<string, string>;

beforeAll(async () => {
  // The 500s' causes (error class and stack, never request data) are collected for the failure message.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  t = await buildTestApp({
    charter: rightsCharter([]),
    env: { PUBLIC_URL: 'http://charter.test' },
    logger: createLogger('error', sink),
  });
  tokenHeaders = await tokenFor(
    t,
    scopes.filter((scope) => !userOnlyScopes.includes(scope)),
  );
  ownerHeaders = await sessionFor(t, 'owner');
  // A few real ids, so that generated cases also reach the code behind the lookups.
  const submitted = await t.app.inject({
    method: 'POST',
    url: '/privacy/main/requests',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'type=access&identityType=email&identity=fuzz%40example.test&lang=en',
  });
  const requestId = /requests\/([0-9a-f-]{36})/.exec(String(submitted.headers.location))?.[1];
  const breach = await t.app.inject({
    method: 'POST',
    url: '/api/v1/breaches',
    headers: tokenHeaders,
    payload: { title: 'Fuzz breach', discoveredAt: new Date().toISOString(), description: 'A laptop was lost.' },
  });
  known.id = [requestId, breach.json<{ id?: string }>().id].filter((id): id is string => Boolean(id));
  const document = (await t.app.inject('/openapi.json')).json<{
    paths: Record<string, Record<string, Record<string, unknown>>>;
  }>();
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content;
      return {
        method: method.toUpperCase(),
        path,
        public: Array.isArray(op.security) && op.security.length === 0,
        parameters: (op.parameters ?? []) as Operation['parameters'],
        ...(content ? { body: { json: content['application/json']?.schema, types: Object.keys(content) } } : {}),
      };
    }),
  );
}, 180_000);
afterAll(() => t?.close());

/** The request body arbitrary for an operation: by its JSON schema, its other declared types, and the wrong type. */
function bodyArbitrary(op: Operation): fc.Arbitrary<WireBody | undefined> {
  if (!op.body)
    return fc.option(
      hostileJson.map((payload) => ({ contentType: 'application/json', payload })),
      { nil: undefined, freq: 4 },
    );
  const choices: fc.Arbitrary<WireBody>[] = [];
  if (op.body.json) choices.push(jsonBody(op.body.json));
  if (op.body.types.some((type) => type.includes('yaml'))) {
    choices.push(hostileYaml.map((payload) => ({ contentType: 'application/yaml', payload })));
    choices.push(
      fromSchema(op.body.json).map((value) => ({
        contentType: 'application/yaml',
        payload: JSON.stringify(value) ?? '',
      })),
    );
  }
  if (op.body.types.includes('application/x-www-form-urlencoded')) {
    const field = fc.constantFrom(
      'type',
      'identityType',
      'identity',
      'contact',
      'code',
      'lang',
      'purpose',
      'desired',
      'message',
      'ground',
      'objectionKind',
      'explanation',
      '__proto__',
      'constructor',
    );
    const value = parameterValue({ type: 'string' }, [
      'access',
      'erasure',
      'email',
      'customer-number',
      'a@example.test',
      'en',
      '1234 5678',
    ]);
    choices.push(
      fc.dictionary(field, value, { maxKeys: 8 }).map((fields) => {
        const form = new URLSearchParams();
        for (const [name, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(name, one);
        return { contentType: 'application/x-www-form-urlencoded', payload: form.toString() };
      }),
      // A form route sent JSON: nested arrays, huge arrays, objects where strings belong.
      hostileJson.map((payload) => ({ contentType: 'application/json', payload })),
      fc
        .constantFrom(
          JSON.stringify({ type: new Array(5_000).fill('access'), identity: [[['x']]], code: { a: 1 } }),
          `identity=${'a'.repeat(40_000)}`,
          Array.from({ length: 3_000 }, (_, i) => `f${i}=1`).join('&'),
        )
        .map((payload) => ({
          contentType: payload.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded',
          payload,
        })),
    );
  }
  if (op.body.types.includes('text/plain'))
    choices.push(hostileString.map((payload) => ({ contentType: 'text/plain', payload })));
  return fc.oneof(...choices);
}

function caseArbitrary(op: Operation): fc.Arbitrary<Case> {
  const pathParameters = op.parameters.filter((p) => p.in === 'path');
  const queryParameters = op.parameters.filter((p) => p.in === 'query');
  const pathValues = fc.tuple(
    ...pathParameters.map((p) => parameterValue(p.schema, known[p.name] ?? []).map((v) => [v].flat()[0] ?? '')),
  );
  const queryValues = fc.tuple(
    ...queryParameters.map((p) =>
      fc.option(parameterValue(p.schema, known[p.name] ?? []), { nil: undefined, freq: 3 }),
    ),
  );
  const extraQuery = fc.option(
    fc.tuple(fc.constantFrom('__proto__', 'constructor[prototype]', 'x', 'lang'), hostileString),
    { nil: undefined, freq: 3 },
  );
  return fc
    .record({
      path: pathValues,
      query: queryValues,
      extra: extraQuery,
      body: bodyArbitrary(op),
      authenticated: fc.boolean(),
    })
    .map(({ path, query, extra, body, authenticated }) => {
      let url = op.path;
      pathParameters.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, encodeURIComponent(path[i] ?? ''));
      });
      const search = new URLSearchParams();
      queryParameters.forEach((p, i) => {
        for (const one of [query[i] ?? []].flat()) search.append(p.name, one);
      });
      if (extra) search.append(extra[0], extra[1]);
      const qs = search.toString();
      return { url: qs ? `${url}?${qs}` : url, authenticated: authenticated || !op.public, ...(body ? { body } : {}) };
    });
}

/** Every hostile raw body an operation's body types admit, each sent once besides the random runs. */
function hostileCorpus(op: Operation): WireBody[] {
  if (!op.body) return [];
  const all = (arbitrary: fc.Arbitrary<string>, contentType: string) =>
    fc
      .sample(arbitrary, { numRuns: 200, seed })
      .filter((payload, i, list) => list.indexOf(payload) === i)
      .map((payload) => ({ contentType, payload }));
  return [
    ...all(hostileJson, 'application/json'),
    ...(op.body.types.some((type) => type.includes('yaml')) ? all(hostileYaml, 'application/yaml') : []),
    ...(op.body.types.includes('application/x-www-form-urlencoded')
      ? [
          {
            contentType: 'application/json',
            payload: JSON.stringify({ type: new Array(5_000).fill('access'), identity: [[['x']]], code: { a: 1 } }),
          },
          {
            contentType: 'application/json',
            payload: `{"identity":${'['.repeat(5_000)}"x"${']'.repeat(5_000)},"code":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
          },
          {
            contentType: 'application/x-www-form-urlencoded',
            payload: `identity=${'a'.repeat(30_000)}&code=${'1'.repeat(1_000)}`,
          },
          {
            contentType: 'application/x-www-form-urlencoded',
            payload: Array.from({ length: 3_000 }, (_, i) => `f${i}=1`).join('&'),
          },
        ]
      : []),
  ];
}

describe('every operation of openapi.json under generated and hostile input', () => {
  it('never answers 5xx', { timeout: 600_000 }, async () => {
    expect(operations.length).toBeGreaterThan(100);
    let cases = 0;
    const failures: string[] = [];
    for (const op of operations) {
      const send = async (input: Case) => {
        cases++;
        // Signing out with the owner's session would end it for the next cases: that one gets a session of its own.
        const auth = !input.authenticated
          ? {}
          : op.path.startsWith('/api/v1/users') ||
              op.path.startsWith('/api/v1/tokens') ||
              op.path === '/api/v1/auth/organisation'
            ? ownerHeaders
            : op.path === '/api/v1/auth/logout'
              ? await sessionFor(t, 'viewer')
              : tokenHeaders;
        const before = logged.length;
        if (trace)
          process.stderr.write(
            `fuzz ${op.method} ${op.path} ${input.body ? `${input.body.contentType} ${input.body.payload.length}` : ''}\n`,
          );
        const answered = t.app.inject({
          method: op.method as 'GET',
          url: input.url,
          headers: { ...auth, ...(input.body ? { 'content-type': input.body.contentType } : {}) },
          ...(input.body ? { payload: input.body.payload } : {}),
        });
        // A bound on a hang (an alias bomb expanding, a regex backtracking), not a speed target.
        const hang = new AbortController();
        const response = await Promise.race([
          answered,
          sleep(hangMs, undefined, { signal: hang.signal }).catch(() => undefined),
        ]);
        hang.abort();
        const sent = `${input.body ? `${input.body.contentType}, ${input.body.payload.length} bytes: ${input.body.payload.slice(0, 60)}` : 'no body'}; ${input.url.slice(0, 100)}`;
        if (!response) {
          failures.push(`${op.method} ${op.path} → no answer within ${hangMs / 1000} s (${sent})`);
          await answered.catch(() => undefined);
          return;
        }
        // The banner's files answer 503 `not_built` until `npm run build` (npm test builds first): not input's doing.
        if (response.statusCode === 503 && response.body.includes('"not_built"')) return;
        if (response.statusCode >= 500) {
          const cause = logged
            .slice(before)
            .map((line) => /"message":"([^"]{0,160})/.exec(line)?.[1] ?? '')
            .join(' | ');
          failures.push(`${op.method} ${op.path} → ${response.statusCode} (${sent}) ${cause}`);
        }
      };
      // The hostile bodies go to the operation with real path values (site `main`, an existing id), to reach its code.
      let url = op.path;
      for (const p of op.parameters.filter((parameter) => parameter.in === 'path')) {
        url = url.replace(
          `{${p.name}}`,
          encodeURIComponent(known[p.name]?.[0] ?? String(fc.sample(fromSchema(p.schema), { numRuns: 1, seed })[0])),
        );
      }
      for (const body of hostileCorpus(op)) await send({ url, body, authenticated: true });
      await fc.assert(fc.asyncProperty(caseArbitrary(op), send), {
        numRuns: runsPerOperation,
        seed,
        endOnFailure: true,
      });
    }
    console.info(`fuzz: ${operations.length} operations, ${cases} cases, ${failures.length} answers 5xx`);
    expect(failures).toEqual([]);
  });
});
