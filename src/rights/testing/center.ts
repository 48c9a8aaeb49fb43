/**
 * People at the privacy center, as the rights domain's database tests play them (test-only module): the form body
 * the center reads, filing and verifying a request, the status page, browsers that keep their cookie, and the rig of
 * the abuse tests (a clock they move, a fresh client address per attempt). One place, so that every test files and
 * verifies a request the way the center's form does.
 */
import { expect } from 'vitest';
import type { TestApp } from '../../../test/support/app.js';
import { codeIn, type TestSmtp } from '../../../test/support/smtp.js';
import { rightsContextOf } from '../register.js';
import { rightsTestApp, type RightsTestApp, type RightsTestAppOptions } from './setup.js';

export const hour = 3_600_000;

/** A form post's headers and body, as a browser sends the center's forms. */
export function formOf(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(fields).toString(),
  };
}

/** The request id in a redirect to a request's status page ('' when there is none). */
export function requestIdIn(location: string | string[] | number | undefined): string {
  return /requests\/([0-9a-f-]{36})/.exec(String(location ?? ''))?.[1] ?? '';
}

/**
 * Files a request with the center's form (in English unless the fields name a language) from a client address, and
 * waits for the work it starts unless told not to (the abuse tests time the answer alone); the status cookie and the
 * request id come back with the answer.
 */
export async function fileRequest(t: TestApp, fields: Record<string, string>, ip: string, { settle = true } = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/privacy/main/requests',
    remoteAddress: ip,
    ...formOf({ lang: 'en', ...fields }),
  });
  const cookie = String(response.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  const location = String(response.headers.location ?? '');
  if (settle) await rightsContextOf(t.app).idle();
  return { response, cookie, location, id: requestIdIn(location) };
}

/** Posts a code to a request's verification form with its status cookie, and waits for the work it starts. */
export async function verifyRequest(t: TestApp, id: string, cookie: string, code: string, ip: string, lang = 'en') {
  const response = await t.app.inject({
    method: 'POST',
    url: `/privacy/main/requests/${id}/verify`,
    remoteAddress: ip,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `code=${encodeURIComponent(code)}&lang=${lang}`,
  });
  await rightsContextOf(t.app).idle();
  return response;
}

/**
 * A request filed with the center's form from `ip` and verified there with the code mailed to `email` (the mails
 * caught before are cleared first); returns its id and status cookie.
 */
export async function verifiedRequest(
  t: TestApp,
  smtp: TestSmtp,
  fields: Record<string, string>,
  email: string,
  ip: string,
) {
  smtp.clear();
  const { response, id, cookie } = await fileRequest(t, fields, ip);
  expect(response.statusCode).toBe(303);
  const code = codeIn(await smtp.waitFor((m) => m.to.includes(email)));
  await verifyRequest(t, id, cookie, code, ip, fields.lang ?? 'en');
  return { id, cookie };
}

/** A request's status page in English, as the browser holding `cookie` sees it. */
export function statusPage(t: TestApp, id: string, cookie: string) {
  return t.app.inject({ url: `/privacy/main/requests/${id}?lang=en`, headers: { cookie } });
}

/** Withdraws a purpose consent from a request's status page, as the browser holding `cookie`. */
export function withdrawAtCenter(t: TestApp, id: string, cookie: string, purpose: string) {
  return t.app.inject({
    method: 'POST',
    url: `/privacy/main/requests/${id}/consents`,
    ...formOf({ purpose, lang: 'en' }, { cookie }),
  });
}

/** One browser: its own client address and cookie (the status cookie is scoped to one request's path, so one is enough). */
export class Browser {
  cookie = '';

  constructor(
    private readonly app: () => TestApp['app'],
    readonly ip: string,
  ) {}

  async send(
    method: 'GET' | 'POST',
    url: string,
    fields?: Record<string, string>,
    headers: Record<string, string> = {},
  ) {
    const response = await this.app().inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      ...(fields ? { payload: new URLSearchParams({ lang: 'en', ...fields }).toString() } : {}),
    });
    const set = response.headers['set-cookie'];
    if (set) this.cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0] ?? '';
    return response;
  }

  get = (url: string) => this.send('GET', url);
  post = (url: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    this.send('POST', url, fields, headers);
}

/** The rig of tests that try the center's limits: the app, a clock they move, and fresh client addresses. */
export interface CenterTestApp extends RightsTestApp {
  now: () => Date;
  /** Moves the clock forward. */
  advance: (ms: number) => void;
  /** Each test in a fresh hour, so that the sliding-window limits of one never touch the next. */
  nextHour: () => void;
  /** A client address not used before in the file (the limits count per address). */
  freshIp: () => string;
  /** Waits for the work the app started in the background. */
  settle: () => Promise<void>;
  scope: () => { organisationId: string };
}

/** Registers the hooks of {@link rightsTestApp} with a clock starting now, and returns the rig. */
export function centerTestApp(options: Omit<RightsTestAppOptions, 'now'> = {}): CenterTestApp {
  let now = new Date();
  let ipCounter = 0;
  const rig = rightsTestApp({ ...options, now: () => now });
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  return Object.assign(rig, {
    now: () => now,
    advance,
    nextHour: () => advance(2 * hour),
    freshIp: () => `198.51.100.${(ipCounter++ % 250) + 1}`,
    settle: () => rightsContextOf(rig.t.app).idle(),
    scope: () => ({ organisationId: rig.t.organisationId! }),
  });
}
