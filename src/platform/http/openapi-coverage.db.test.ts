import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/app.js';
import { buildCharter } from '../../../test/support/charter.js';
import { registeredRoutes } from './server.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter() });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** `/privacy/:site` as OpenAPI writes it: `/privacy/{site}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('the OpenAPI document', () => {
  it('describes every route the app registers (a route registered but absent from openapi.json fails here)', async () => {
    const document = (await t.app.inject('/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    const missing = registeredRoutes(t.app)
      // HEAD is answered by Fastify for every GET; OPTIONS is not served.
      .filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS')
      .filter((route) => !document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()])
      .map((route) => `${route.method} ${route.url}`);
    expect(missing).toEqual([]);
  });

  it("documents the privacy center's form posts as urlencoded bodies", async () => {
    const document = (await t.app.inject('/openapi.json')).json<{
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    }>();
    const post = document.paths['/privacy/{site}/requests']?.post;
    expect(post?.requestBody?.content).toHaveProperty('application/x-www-form-urlencoded');
  });
});
