/**
 * The privacy center's forms are flat text with bounded fields: a JSON body with nested arrays or huge arrays, a field
 * of 30,000 characters or thousands of fields is refused with 422 and the field's path, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { buildCharter } from '../../test/support/charter.js';
import { rightsContextOf } from './register.js';

let t: TestApp;
let requestPath = '';
let cookie = '';

beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter() });
  const submitted = await t.app.inject({
    method: 'POST',
    url: '/privacy/main/requests',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'type=access&identityType=email&identity=bounds%40example.test&lang=en',
  });
  expect(submitted.statusCode).toBe(303);
  requestPath = String(submitted.headers.location).split('?')[0]!;
  cookie = String(submitted.headers['set-cookie']).split(';')[0]!;
  await rightsContextOf(t.app).idle();
}, 120_000);
afterAll(() => t?.close());

const nestedArray = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

describe('the request form and the verify route', () => {
  it.each([
    [
      '10,000 nested arrays as the identity',
      'application/json',
      `{"type":"access","identityType":"email","identity":${nestedArray(10_000)}}`,
      'body',
    ],
    [
      'nested arrays within the depth limit',
      'application/json',
      `{"type":"access","identityType":"email","identity":${nestedArray(20)}}`,
      'body.identity',
    ],
    [
      'a huge array as the type',
      'application/json',
      JSON.stringify({ type: new Array(9_000).fill('access'), identityType: 'email', identity: 'a@example.test' }),
      'body.type',
    ],
    ['an array body', 'application/json', JSON.stringify(new Array(5).fill('x')), 'body'],
    [
      '3,000 fields',
      'application/x-www-form-urlencoded',
      Array.from({ length: 3_000 }, (_, i) => `f${i}=1`).join('&'),
      'body',
    ],
    [
      'a 30,000-character identity',
      'application/x-www-form-urlencoded',
      `type=access&identityType=email&identity=${'a'.repeat(30_000)}`,
      'body.identity',
    ],
  ])('refuse %s with 422 and the path', async (_what, contentType, payload, path) => {
    for (const url of ['/privacy/main/requests', `${requestPath}/verify`]) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': contentType, cookie },
        payload,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.details[0].path).toBe(path);
    }
  });

  it('refuses a code longer than a code can be on the verify route with the path body.code', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${requestPath}/verify`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: `code=${'1'.repeat(500)}&lang=en`,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].path).toBe('body.code');
  });
});
