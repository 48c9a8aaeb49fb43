/**
 * Google Consent Mode with the README's set-up, in real Chromium: the blocking `/banner/{site}/consent-mode.js` before
 * the usual Google tag snippet, the banner's own tag `async`. A stand-in gtag.js (served on loopback, nothing leaves
 * the machine) does what the real one does with consent: it reads the consent commands queued on `dataLayer` and sends
 * a "collect" request carrying the state it found (as gtag's `gcs` parameter does) when it loads and after each
 * consent update. The order of those requests is what the test asserts: the default is set before the first Google
 * tag request, an update follows Accept all / Reject all, a stored choice and GPC shape the default of the next page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build-banner.mjs';
import { projectRoot } from '../../src/platform/project.js';
import { launchBrowser } from '../support/browser.js';
import { addMarketingCategory, buildCharter } from '../support/charter.js';
import { serveFixture, type FixtureSite } from '../support/site-fixtures.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

/** The stand-in gtag.js: consent state from the queued commands, one collect request per load and per update. */
const standInGtag = `(function () {
  var q = window.dataLayer = window.dataLayer || [];
  function state() {
    var s = { defaults: 0 };
    q.forEach(function (a) {
      if (a && a[0] === 'consent') {
        if (a[1] === 'default') s.defaults += 1;
        for (var k in a[2]) if (k !== 'wait_for_update') s[k] = a[2][k];
      }
    });
    return s;
  }
  function hit(reason) {
    var s = state();
    new Image().src = '/g/collect?reason=' + reason + '&defaults=' + s.defaults + '&ad=' + (s.ad_storage || 'unset') + '&analytics=' + (s.analytics_storage || 'unset');
  }
  var push = q.push.bind(q);
  q.push = function (a) {
    var n = push.apply(null, arguments);
    if (a && a[0] === 'consent' && a[1] === 'update') hit('update');
    return n;
  };
  hit('load');
})();`;

let served: ServedApp;
let site: FixtureSite;
let browser: Browser;

/** The README's set-up: consent-mode.js (blocking), the Google tag, and the banner's tag async. */
const readmePage = () =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>` +
  `<script src="${served.url}/banner/main/consent-mode.js"></script>` +
  `<script async src="/gtag/js?id=G-TEST"></script><script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-TEST');</script>` +
  `<script src="${served.url}/banner/main.js" async></script>` +
  `</head><body><main><h1>Shop</h1></main></body></html>`;

beforeAll(async () => {
  await build(projectRoot);
  site = await serveFixture({
    '/': (_: IncomingMessage, response: ServerResponse) =>
      void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readmePage()),
    '/gtag/js': standInGtag,
    '/g/collect': (_: IncomingMessage, response: ServerResponse) => void response.writeHead(204).end(),
  });
  served = await serveTestApp({
    charter: buildCharter((c) => {
      c.sites[0]!.domain = site.host;
      c.consent.googleConsentMode = true;
      c.consent.honourGpc = true;
      addMarketingCategory(c);
    }),
  });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
  await site?.close();
});

interface Hit {
  reason: string;
  defaults: number;
  ad: string;
  analytics: string;
}

/** A page whose Google tag requests (the stand-in's collect hits) are recorded in order. */
async function open(context: BrowserContext): Promise<{ page: Page; hits: Hit[]; tagRequestedAfter: () => number }> {
  const page = await context.newPage();
  const hits: Hit[] = [];
  let tagRequests = 0;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/gtag/js') tagRequests += 1;
    if (url.pathname === '/g/collect') {
      const p = url.searchParams;
      hits.push({
        reason: p.get('reason')!,
        defaults: Number(p.get('defaults')),
        ad: p.get('ad')!,
        analytics: p.get('analytics')!,
      });
    }
  });
  await page.goto(`${site.origin}/`);
  await expect.poll(() => hits.length).toBeGreaterThan(0);
  return { page, hits, tagRequestedAfter: () => tagRequests };
}

/** Waits for the hit a consent update sends. */
const updateHit = async (hits: Hit[]) => {
  await expect.poll(() => hits.filter((h) => h.reason === 'update').length).toBeGreaterThan(0);
  return hits.filter((h) => h.reason === 'update').at(-1)!;
};

describe('Google Consent Mode with the documented tags', () => {
  it('sets the default before the first Google tag request, once, and updates after Accept all', async () => {
    const context = await browser.newContext();
    try {
      const { page, hits } = await open(context);
      // The stand-in's first request already carries the default: denied, from the one default on the queue.
      expect(hits[0]).toEqual({ reason: 'load', defaults: 1, ad: 'denied', analytics: 'denied' });
      await page.locator('#charter-banner button[data-a="all"]').click();
      expect(await updateHit(hits)).toEqual({ reason: 'update', defaults: 1, ad: 'granted', analytics: 'granted' });
      // The banner, loading async after the Google tag, pushed no second default.
      const commands = await page.evaluate(() =>
        (window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer.map(
          (c) => `${String(c[0])}:${typeof c[1] === 'string' ? c[1] : ''}`,
        ),
      );
      expect(commands.filter((c) => c === 'consent:default')).toHaveLength(1);
      expect(commands.indexOf('consent:default')).toBeLessThan(commands.indexOf('js:'));

      // The next page of a returning visitor: the default already carries the stored choice.
      const next = await open(context);
      expect(next.hits[0]).toEqual({ reason: 'load', defaults: 1, ad: 'granted', analytics: 'granted' });
    } finally {
      await context.close();
    }
  });

  it('updates to denied after Reject all, and the next page starts denied', async () => {
    const context = await browser.newContext();
    try {
      const { page, hits } = await open(context);
      await page.locator('#charter-banner button[data-a="none"]').click();
      expect(await updateHit(hits)).toEqual({ reason: 'update', defaults: 1, ad: 'denied', analytics: 'denied' });
      const next = await open(context);
      expect(next.hits[0]).toEqual({ reason: 'load', defaults: 1, ad: 'denied', analytics: 'denied' });
    } finally {
      await context.close();
    }
  });

  it('keeps what Global Privacy Control holds back denied, in the default and in the update, even over a stored choice', async () => {
    const context = await browser.newContext();
    try {
      const { page } = await open(context);
      await page.locator('#charter-banner button[data-a="all"]').click();
      await expect.poll(async () => (await context.cookies()).some((c) => c.name === 'charter_consent')).toBe(true);
      // GPC switched on after a choice that granted advertising: advertising stays denied from the first request on.
      await context.addInitScript(() =>
        Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
      );
      const next = await open(context);
      expect(next.hits[0]).toEqual({ reason: 'load', defaults: 1, ad: 'denied', analytics: 'granted' });
      expect(await updateHit(next.hits)).toEqual({ reason: 'update', defaults: 1, ad: 'denied', analytics: 'granted' });
    } finally {
      await context.close();
    }
  });

  it('serves the default script as a revalidated, public script', async () => {
    const response = await fetch(`${served.url}/banner/main/consent-mode.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60');
    const again = await fetch(`${served.url}/banner/main/consent-mode.js`, {
      headers: { 'if-none-match': response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect((await fetch(`${served.url}/banner/nowhere/consent-mode.js`)).status).toBe(404);
  });
});
