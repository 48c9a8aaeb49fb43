/**
 * The access package from the status page: the browser that used the mailed link takes the package there, once and
 * within a day, without the package link's extra code mail. The browser that only filed the request (perhaps an
 * impostor) gets nothing; after the download, neither the page nor the mailed package link hand it out again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/support/app.js';
import { linkIn, type TestSmtp } from '../../test/support/smtp.js';
import { Browser, centerTestApp, hour } from './testing/center.js';

let smtp: TestSmtp;
let t: TestApp;

const center = centerTestApp();
beforeAll(() => {
  ({ smtp, t } = center);
});
const { advance, settle } = center;
let ipCounter = 0;

/** One browser with its own cookie. */
class Jar extends Browser {
  constructor() {
    super(() => t.app, `203.0.113.${++ipCounter}`);
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
    advance(25 * hour);
    expect((await owner.send('GET', base)).body).not.toContain(`action="${base}/download"`);
    expect((await owner.send('POST', `${base}/download`, {})).statusCode).toBe(303);
  });
});
