/**
 * The site scan in real Chromium against fixture websites on loopback that carry Charter's real banner: a compliant
 * site gets no finding, and each faulty one exactly its own. Then bad input: the scan records each broken page and
 * goes on with the next.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build-banner.mjs';
import type { Charter, Cookie } from '../../src/charter/schema.js';
import { projectRoot } from '../../src/platform/project.js';
import { compareScan } from '../../src/sites/compare.js';
import { launchScanBrowser, scanSite } from '../../src/sites/scanner.js';
import type { SiteFinding } from '../../src/sites/schemas.js';
import { addMarketingCategory, buildCharter } from '../support/charter.js';
import { runCli } from '../support/cli.js';
import {
  days,
  fixturePage,
  googleTagSnippet,
  serveFixture,
  standInGtag,
  type FixtureSite,
} from '../support/site-fixtures.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

/** Each fixture: what its pages carry, and the findings it must produce (rule:subject@condition). */
interface Fixture {
  id: string;
  cookies: string[];
  /** Head markup; a function when it needs the Charter server's URL. */
  head?: string | ((charter: string) => string);
  body?: (thirdParty: string) => string;
  bannerFirst?: boolean;
  bannerAsync?: boolean;
  /** The one-request tag `/banner/{site}.js` instead of `/banner.js` with data-site. */
  siteScript?: boolean;
  title: string;
  expected: (site: FixtureSite, thirdParty: FixtureSite) => string[];
}

const gated = (category: string, code: string) =>
  `<script type="text/plain" data-category="${category}">${code}</script>`;
const setCookie = (name: string, maxAge: number) => `document.cookie = '${name}=1; max-age=${maxAge}; path=/';`;
const own = ['charter_consent', 'charter_visitor'];

const fixtures: Fixture[] = [
  {
    id: 'compliant',
    title: 'no finding',
    siteScript: true,
    cookies: [...own, '_stats', '_ads'],
    head: googleTagSnippet,
    body: () => gated('analytics', setCookie('_stats', days(300))) + gated('marketing', setCookie('_ads', days(60))),
    expected: () => [],
  },
  {
    id: 'early',
    title: 'an analytics cookie before consent',
    cookies: [...own, '_stats'],
    // Analytics set on load, before any choice (the banner erases it again when the visitor rejects).
    body: () => `<script>${setCookie('_stats', days(300))}</script>`,
    expected: () => ['storage-before-consent:_stats@no-choice'],
  },
  {
    id: 'reject',
    title: 'an advertising cookie kept after Reject all',
    cookies: [...own, '_ads'],
    // The ad script takes any choice as consent: it sets its cookie after Reject all (and under GPC).
    body: () =>
      `<script>document.addEventListener('charter:consent', () => { ${setCookie('_ads', days(60))} });</script>`,
    expected: () => ['storage-after-reject:_ads@reject-all', 'storage-under-gpc:_ads@gpc'],
  },
  {
    id: 'gpc',
    title: 'ignores Global Privacy Control',
    cookies: [...own, '_ads'],
    // The ad script follows the analytics choice: GPC holds marketing back, the script does not care.
    body: () =>
      `<script>document.addEventListener('charter:consent', (e) => { if (e.detail && e.detail.choices.analytics) { ${setCookie('_ads', days(60))} } });</script>`,
    expected: () => ['storage-under-gpc:_ads@gpc'],
  },
  {
    id: 'storage',
    title: 'undeclared localStorage keys and a third-party frame',
    cookies: [...own],
    body: (thirdParty) =>
      `<script>localStorage.setItem('wishlist', '[]'); localStorage.setItem('ab_test', 'b');</script><iframe title="Map" src="${thirdParty}/embed"></iframe>`,
    expected: (_, thirdParty) => [
      'undeclared-storage:ab_test',
      'undeclared-storage:wishlist',
      `undeclared-third-party:${thirdParty.host}`,
    ],
  },
  {
    id: 'long',
    title: 'a 2-year cookie declared as 13 months',
    cookies: [...own, '_long'],
    body: () => gated('analytics', setCookie('_long', days(730))),
    expected: () => ['expiry-longer-than-declared:_long'],
  },
  {
    id: 'gtag',
    title: 'the Google tag before the Consent Mode default',
    cookies: [...own],
    // The usual Google tag snippet above the banner: its commands run before Consent Mode's default.
    head: googleTagSnippet,
    bannerFirst: false,
    expected: () => ['google-tag-before-consent-default:/gtag/js'],
  },
  {
    id: 'documented',
    title: "the README's Consent Mode set-up: the blocking default, then the Google tag, the banner async",
    cookies: [...own],
    head: (charter) => `<script src="${charter}/banner/documented/consent-mode.js"></script>${googleTagSnippet}`,
    bannerFirst: false,
    bannerAsync: true,
    siteScript: true,
    expected: () => [],
  },
];

const cookie = (name: string, category: string, vendor: string, duration: string): Cookie => ({
  name,
  category,
  vendor,
  purpose: 'Test',
  duration,
  type: 'cookie',
});

function scanCharter(sites: Record<string, FixtureSite>): Charter {
  return buildCharter((c) => {
    c.sites = fixtures.map((f) => ({ id: f.id, name: f.id, domain: sites[f.id]!.host, cookies: f.cookies }));
    c.recipients.push({
      id: 'adnet',
      name: 'Adnet SA',
      role: 'processor',
      service: 'Advertising',
      country: 'FR',
      subProcessors: [],
      notifyOnErasure: true,
      dpaDate: '2024-01-01',
    });
    c.cookies = [
      cookie('charter_consent', 'necessary', 'first-party', 'P6M'),
      cookie('charter_visitor', 'necessary', 'first-party', 'P6M'),
      cookie('_stats', 'analytics', 'stats', 'P13M'),
      cookie('_ads', 'marketing', 'adnet', 'P3M'),
      cookie('_long', 'analytics', 'stats', 'P13M'),
    ];
    c.consent.googleConsentMode = true;
    addMarketingCategory(c);
  });
}

let served: ServedApp;
let browser: Browser;
let thirdParty: FixtureSite;
const sites: Record<string, FixtureSite> = {};

const html = (page: () => string) => (_: IncomingMessage, response: ServerResponse) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
};

beforeAll(async () => {
  await build(projectRoot);
  thirdParty = await serveFixture(
    { '/embed': '<!doctype html><html lang="en"><title>Map</title><p>A map</p></html>' },
    '127.0.0.2',
  );
  for (const fixture of fixtures) {
    const page = (title: string, links: string[]) =>
      html(() =>
        fixturePage({
          charter: served.url,
          site: fixture.id,
          title,
          head: typeof fixture.head === 'function' ? fixture.head(served.url) : fixture.head,
          body: fixture.body?.(thirdParty.origin),
          bannerFirst: fixture.bannerFirst,
          bannerAsync: fixture.bannerAsync,
          siteScript: fixture.siteScript,
          links,
        }),
      );
    sites[fixture.id] = await serveFixture({
      '/': page(fixture.id, ['/about']),
      '/about': page(`${fixture.id}: about`, ['/']),
      '/private': page('private', []),
      '/robots.txt': 'User-agent: *\nDisallow: /private\n',
      '/sitemap.xml': '<?xml version="1.0"?><urlset><url><loc>/private</loc></url></urlset>',
      '/gtag/js': standInGtag,
    });
  }
  served = await serveTestApp({ charter: scanCharter(sites) });
  browser = await launchScanBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
  await Promise.all([thirdParty, ...Object.values(sites)].map((s) => s?.close()));
});

const summary = (findings: SiteFinding[]) =>
  findings
    .map(
      (f) =>
        `${f.rule}:${f.rule === 'google-tag-before-consent-default' ? new URL(f.subject).pathname : f.subject}${f.condition && !['undeclared-storage', 'google-tag-before-consent-default'].includes(f.rule) ? `@${f.condition}` : ''}`,
    )
    .sort();

describe('site scan: each fixture site gets exactly its findings', () => {
  for (const fixture of fixtures) {
    it(`${fixture.id}: ${fixture.title}`, async () => {
      const site = sites[fixture.id]!;
      // The compliant site is crawled (two pages); the others are judged on their start page, to keep the run short.
      const crawl = fixture.id === 'compliant';
      const scan = await scanSite(
        { urls: [`${site.origin}/`], maxPages: crawl ? 2 : 1, pageTimeoutMs: 15_000 },
        browser,
      );
      if (crawl) {
        // The crawl followed the link to /about and kept out of /private (robots.txt), though the sitemap lists it.
        expect(scan.pages).toEqual([`${site.origin}/`, `${site.origin}/about`]);
      }
      expect(scan.observations).toHaveLength(crawl ? 8 : 4);
      expect(scan.observations.filter((o) => o.error)).toEqual([]);
      expect(scan.bannerOrigin).toBe(served.url);
      const findings = compareScan({ charter: scanCharter(sites), siteId: fixture.id, scan });
      expect(summary(findings)).toEqual(fixture.expected(site, thirdParty).sort());
    });
  }

  it('records the setter, the expiry and the banner for what it sees', async () => {
    const site = sites.early!;
    const scan = await scanSite(
      { urls: [`${site.origin}/`], maxPages: 1, conditions: ['no-choice', 'accept-all'] },
      browser,
    );
    const before = scan.observations.find((o) => o.condition === 'no-choice')!;
    expect(before.bannerShown).toBe(true);
    const stats = before.storage.find((s) => s.name === '_stats')!;
    expect(stats).toMatchObject({ type: 'cookie', setBy: site.host, path: '/' });
    expect(stats.expires! - before.at / 1000).toBeGreaterThan(days(299));
    const after = scan.observations.find((o) => o.condition === 'accept-all')!;
    expect(after.storage.find((s) => s.name === 'charter_consent')?.setBy).toBe(new URL(served.url).host);
    expect(after.consentMode.defaultAt).toBeLessThan(after.consentMode.updateAt!);
  });
});

/**
 * A page served over HTTPS on loopback with a self-signed certificate made for this test (openssl, on PATH on this
 * machine): a browser must refuse it.
 */
async function serveSelfSigned(body: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'charter-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-days',
      '1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore', timeout: 20_000 },
  );
  const server = createHttpsServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('site scan: bad input', () => {
  it('records an unreachable site, a TLS error, a redirect loop, a page that never finishes and a hostile page, and goes on', async () => {
    const tls = await serveSelfSigned(
      fixturePage({
        charter: served.url,
        site: 'compliant',
        title: 'self-signed',
        body: '<script>document.cookie = "_tls=1; max-age=999; path=/";</script>',
      }),
    );
    const closed = await serveFixture({});
    const unreachable = closed.origin;
    await closed.close();
    const hostile = await serveFixture({
      '/': html(() =>
        fixturePage({
          charter: served.url,
          site: 'compliant',
          title: 'start',
          links: ['/loop', '/hang', '/popups', '/busy', '/fine'],
        }),
      ),
      '/loop': (_, response) => void response.writeHead(302, { location: '/loop' }).end(),
      '/hang': (_, response) =>
        void response
          .writeHead(200, { 'content-type': 'text/html' })
          .write('<!doctype html><html><body><p>still loading'),
      '/popups': html(
        () =>
          `<!doctype html><html lang="en"><title>popups</title><script>setInterval(() => window.open('/popups'), 50); alert('hi');</script></html>`,
      ),
      '/busy': html(() => `<!doctype html><html lang="en"><title>busy</title><script>for (;;) {}</script></html>`),
      '/fine': html(() => fixturePage({ charter: served.url, site: 'compliant', title: 'fine' })),
    });
    try {
      const scan = await scanSite(
        {
          urls: [`${unreachable}/`, `${tls.origin}/`, `${hostile.origin}/`],
          maxPages: 10,
          pageTimeoutMs: 4_000,
          conditions: ['no-choice'],
        },
        browser,
      );
      const result = Object.fromEntries(
        scan.observations.map((o) => [
          new URL(o.url).pathname +
            (o.url.startsWith(unreachable) ? '@closed' : o.url.startsWith(tls.origin) ? '@tls' : ''),
          o.error ?? 'ok',
        ]),
      );
      expect(result['/@closed']).toBe('net::ERR_CONNECTION_REFUSED');
      // The self-signed page is refused, not read: a clear error, nothing of it recorded.
      expect(result['/@tls']).toBe('TLS certificate not accepted (net::ERR_CERT_AUTHORITY_INVALID)');
      expect(scan.observations.find((o) => o.url.startsWith(tls.origin))?.storage).toEqual([]);
      expect(result['/loop']).toContain('redirect loop');
      expect(result['/hang']).toMatch(/did not finish|in time/);
      expect(result['/busy']).toMatch(/did not finish|in time/);
      expect(result['/popups']).toBe('ok');
      expect(result['/fine']).toBe('ok');
      const failed = compareScan({ charter: scanCharter(sites), siteId: 'compliant', scan }).filter(
        (f) => f.rule === 'page-failed',
      );
      expect(failed.map((f) => f.subject).sort()).toEqual(
        [
          `${unreachable}/`,
          `${tls.origin}/`,
          `${hostile.origin}/busy`,
          `${hostile.origin}/hang`,
          `${hostile.origin}/loop`,
        ].sort(),
      );
      // The browser is still usable afterwards.
      const again = await scanSite(
        { urls: [`${sites.compliant!.origin}/`], maxPages: 1, conditions: ['no-choice'] },
        browser,
      );
      expect(again.observations[0]!.error).toBeUndefined();
    } finally {
      await hostile.close();
      await tls.close();
    }
  });
});

describe('charter site scan', () => {
  it('prints the findings in the chosen language, fails on a violation, and refuses bad usage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-site-scan-'));
    const file = join(dir, 'charter.yaml');
    // JSON is YAML: the test charter as the CLI reads it from disk.
    writeFileSync(file, JSON.stringify(scanCharter(sites)));
    const url = `${sites.reject!.origin}/`;
    const run = await runCli(['site', 'scan', url, '--charter', file, '--pages', '1', '--lang', 'fr']);
    expect(run.err).toBe('');
    expect(run.code).toBe(1);
    expect(run.out).toContain('against site "reject"');
    expect(run.out).toContain('violation: « _ads » (marketing) est enregistré après Tout refuser');
    expect(run.out).toMatch(/2 violation\(s\), 0 warning\(s\), 0 note\(s\)\./);
    const usage = await runCli(['site', 'scan', url, '--charter', file, '--fail-on', 'sometimes']);
    expect(usage.code).toBe(2);
    const notHttp = await runCli(['site', 'scan', 'file:///etc/passwd', '--charter', file]);
    expect(notHttp.code).toBe(2);
  });
});
