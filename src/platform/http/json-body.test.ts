import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { jsonLimits } from './json-body.js';
import { createHttpServer } from './server.js';

async function post(payload: string) {
  const app = createHttpServer({ logger: createLogger('silent') });
  app.post('/echo', async (request) => ({ got: typeof request.body }));
  const response = await app.inject({
    method: 'POST',
    url: '/echo',
    headers: { 'content-type': 'application/json' },
    payload,
  });
  await app.close();
  return {
    status: response.statusCode,
    error: response.json<{ error?: { code: string; details: { path: string; message: string }[] } }>().error,
  };
}

describe('JSON bodies', () => {
  it('refuses 10,000 nested arrays or objects with 422 at the body, before any walk could overflow', async () => {
    for (const payload of [
      `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    ]) {
      const { status, error } = await post(payload);
      expect(status).toBe(422);
      expect(error?.details[0]?.path).toBe('body');
      expect(error?.details[0]?.message).toMatch(/nested more than 32 levels/);
    }
  });

  it('accepts nesting up to the limit, brackets inside strings not counted', async () => {
    expect((await post(`${'['.repeat(jsonLimits.depth)}"[[[[{{{{"${']'.repeat(jsonLimits.depth)}`)).status).toBe(200);
  });

  it('refuses a huge array with 422 and the path of the array', async () => {
    const { status, error } = await post(
      `{"items":[{"list":[${new Array(jsonLimits.arrayItems + 1).fill('1').join(',')}]}]}`,
    );
    expect(status).toBe(422);
    expect(error?.details[0]?.path).toBe('body.items.0.list');
  });

  it('refuses prototype-pollution keys with 400 and malformed JSON with 400', async () => {
    const proto = await post('{"a":{"__proto__":{"polluted":true}}}');
    expect(proto.status).toBe(400);
    expect(proto.error?.details[0]?.path).toBe('body.a.__proto__');
    expect((await post('{"constructor":{"prototype":{"x":1}}}')).status).toBe(400);
    expect((await post('{"a":')).status).toBe(400);
    expect((await post('')).status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
