/**
 * The access package from the status page: the browser that used the mailed link takes the package there, once and
 * within a day, without the package link's extra code mail. The browser that only filed the request (perhaps an
 * impostor) gets nothing; after the download, neither the page nor the mailed package link hand it out again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/support/app.js';
import { linkIn, type TestSmtp } from '../../test/support/smtp.js';
import { rightsContextOf } from './register.js';
import { rightsTestApp } from './testing/setup.js';

let smtp: TestSmtp;
let t: TestApp;
let now = new Date();
const hour = 3_600_000;

const rig = rightsTestApp({ now: () => now });
beforeAll(() => {
  ({ smtp, t } = rig);
});

const settle = () => rightsContextOf(t.app).idle();
let ipCounter = 0;

/** One browser with its own cookie. */
class Jar {
  cookie = '';
  readonly ip = `203.0.113.${++ipCounter}`;

  async send(method: 'GET' | 'POST', url: string, fields?: Record<string, string>) {
    const response = await t.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(fields ? { payload: new URLSearchParams({ lang: 'en', ...fields }).toString() } : {}),
    });
    const set = response.headers['set-cookie'];
    if (set) this.cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0] ?? '';
    return response;
  }
}

/** Files an access request for alice in `filer`, and has `owner` use the mailed link; returns the status path. */
async function accessProvenIn(filer: Jar, owner: Jar): Promise<string> {
  smtp.clear();
  const filed = await filer.send('POST', '/privacy/main/requests', {
    type: 'access',
    identityType: 'email',
    identity: 'alice@example.be',
  });
  const id = /requests\/([0-9a-f-]{36})/.exec(String(filed.headers.location ?? ''))?.[1] ?? '';
  await settle();
  const link = new URL(linkIn(await smtp.waitFor((m) => m.to.includes('alice@example.be')), '/link/')).pathname;
  expect((await owner.send('GET', link)).statusCode).toBe(200);
  expect((await owner.send('POST', link, {})).statusCode).toBe(303);
  await settle();
  return `/privacy/main/requests/${id}`;
}

describe('the package from the status page', () => {
  it('is handed out once to the browser that used the mailed link, and to no other', async () => {
    const filer = new Jar();
    const owner = new Jar();
    const base = await accessProvenIn(filer, owner);
    const page = await owner.send('GET', `${base}?lang=en`);
    expect(page.body).toContain('data-state="completed"');
    expect(page.body).toContain(`action="${base}/download"`);
    // The filing browser sees no button and may not take the package.
    expect((await filer.send('GET', base)).body).not.toContain('/download"');
    expect((await filer.send('POST', `${base}/download`, {})).statusCode).toBe(403);

    const taken = await owner.send('POST', `${base}/download`, {});
    expect(taken.statusCode).toBe(200);
    expect(taken.headers['content-type']).toBe('application/zip');
    expect(taken.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    // Once: the page offers it no more, a second press only goes back, and the mailed package link is spent too.
    expect((await owner.send('POST', `${base}/download`, {})).statusCode).toBe(303);
    expect((await owner.send('GET', base)).body).not.toContain(`action="${base}/download"`);
    const packageLink = new URL(
      linkIn(
        await smtp.waitFor((m) => m.to.includes('alice@example.be') && m.text.includes('/download/')),
        '/download/',
      ),
    ).pathname;
    expect((await owner.send('GET', packageLink)).statusCode).toBe(404);
  });

  it('is no longer offered a day after the browser proved the mailbox (the mailed link remains)', async () => {
    const owner = new Jar();
    const base = await accessProvenIn(new Jar(), owner);
    now = new Date(now.getTime() + 25 * hour);
    expect((await owner.send('GET', base)).body).not.toContain(`action="${base}/download"`);
    expect((await owner.send('POST', `${base}/download`, {})).statusCode).toBe(303);
  });
});
