/**
 * The consent banner in real Chromium, on the demo website served by the real app (strict CSP on), with the choices
 * read back from the consent ledger.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build-banner.mjs';
import { applyCharter } from '../../src/charter/repository.js';
import type { Charter } from '../../src/charter/schema.js';
import { visitorHistory } from '../../src/consent/ledger-history.js';
import { consentLedgerOf } from '../../src/consent/routes.js';
import { projectRoot } from '../../src/platform/project.js';
import { launchBrowser, seriousViolations } from '../support/browser.js';
import { buildCharter } from '../support/charter.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

/** The test charter: statistics, marketing (a GPC category) and embedded videos, with Google Consent Mode. */
function bannerCharter(edit?: (charter: Charter) => void): Charter {
  return buildCharter((c) => {
    c.recipients.push({
      id: 'adnet',
      name: 'Adnet SA',
      role: 'joint-controller',
      service: 'Advertising',
      country: 'FR',
      subProcessors: [],
      notifyOnErasure: true,
    });
    c.cookies.push(
      {
        name: '_ads',
        category: 'marketing',
        vendor: 'adnet',
        purpose: { en: 'Measures advertisements', nl: 'Meet advertenties', fr: 'Mesure les publicités' },
        duration: 'P3M',
        type: 'cookie',
      },
      {
        name: 'player_volume',
        category: 'external-media',
        vendor: 'first-party',
        purpose: 'Remembers the volume',
        duration: 'P1M',
        type: 'local-storage',
      },
    );
    c.consent.googleConsentMode = true;
    c.consent.categories.push(
      {
        id: 'marketing',
        name: { en: 'Marketing', nl: 'Marketing', fr: 'Marketing' },
        description: {
          en: 'Advertisements on other sites',
          nl: 'Advertenties op andere sites',
          fr: 'Publicités sur d’autres sites',
        },
        gpc: true,
        googleConsentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'],
      },
      {
        id: 'external-media',
        name: { en: 'Embedded videos', nl: "Ingesloten video's", fr: 'Vidéos intégrées' },
        description: { en: 'Shows videos', nl: "Toont video's", fr: 'Affiche des vidéos' },
        gpc: false,
        googleConsentMode: ['functionality_storage'],
      },
    );
    edit?.(c);
  });
}

let served: ServedApp;
let browser: Browser;

beforeAll(async () => {
  await build(projectRoot);
  served = await serveTestApp({ charter: bannerCharter() });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

interface Observed {
  csp: string[];
  shift: number;
}

/** A fresh visitor: own cookies and storage; records CSP violations and layout shifts not caused by input. */
async function visitor(options: { gpc?: boolean; locale?: string; width?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-GB',
    ...(options.width ? { viewport: { width: options.width, height: 740 } } : {}),
  });
  await context.addInitScript((gpc: boolean) => {
    const observed = { csp: [] as string[], shift: 0 };
    (window as unknown as { observed: Observed }).observed = observed;
    document.addEventListener('securitypolicyviolation', (e) =>
      observed.csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) observed.shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    if (gpc) Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });
  }, options.gpc ?? false);
  return context;
}

async function openDemo(context: BrowserContext, path = '/demo/main?lang=en'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${served.url}${path}`);
  return page;
}

const dialog = (page: Page) => page.getByRole('dialog');
const button = (page: Page, name: string) => dialog(page).getByRole('button', { name, exact: true });

async function runs(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => (window as unknown as { demoRuns?: Record<string, number> }).demoRuns ?? {});
}

/** The dataLayer as plain data; gtag commands (Arguments objects) become ['gtag', ...arguments]. */
async function dataLayer(page: Page): Promise<unknown[]> {
  return page.evaluate(() =>
    ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).map((entry) =>
      Object.prototype.toString.call(entry) === '[object Arguments]'
        ? ['gtag', ...Array.from(entry as ArrayLike<unknown>)]
        : entry,
    ),
  );
}

async function cookieNames(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).map((c) => c.name).sort();
}

async function visitorId(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'charter_visitor');
  if (!cookie) throw new Error('no charter_visitor cookie');
  return cookie.value;
}

/** Waits until the ledger acknowledged the current choice (its receipt id is kept with the choice). */
async function receipt(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    () =>
      (window as unknown as { Charter: { consent(): { receipt: string | null } | null } }).Charter.consent()?.receipt,
  );
  return (await handle.jsonValue()) as string;
}

async function ledger(context: BrowserContext, app: ServedApp = served) {
  return visitorHistory(app.database.db, { organisationId: app.organisationId! }, await visitorId(context));
}

describe('consent banner: before a choice', () => {
  it('runs no gated script, sets no cookie, holds the video behind a placeholder, and sets the consent-mode default', async () => {
    const context = await visitor();
    const page = await context.newPage();
    const shown = page.waitForResponse((response) => response.url().endsWith('/api/v1/consent/shown'));
    await page.goto(`${served.url}/demo/main?lang=en`);
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    await page.locator('.charter-ph').waitFor();
    // The display is counted for statistics (a beacon without anything about the visitor).
    expect((await shown).status()).toBe(204);

    expect(await runs(page)).toEqual({});
    expect(await cookieNames(context)).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.locator('iframe[data-category]').getAttribute('src')).toBeNull();
    expect(await page.locator('.charter-ph').textContent()).toContain('Allow “Embedded videos”');
    expect(await dataLayer(page)).toEqual([
      [
        'gtag',
        'consent',
        'default',
        {
          ad_storage: 'denied',
          analytics_storage: 'denied',
          ad_user_data: 'denied',
          ad_personalization: 'denied',
          functionality_storage: 'denied',
          personalization_storage: 'denied',
          security_storage: 'denied',
          wait_for_update: 500,
        },
      ],
    ]);
    // Styled from a constructed stylesheet under the page's strict CSP (style-src 'self'), as an overlay.
    expect(await dialog(page).evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    const observed = await page.evaluate(() => (window as unknown as { observed: Observed }).observed);
    expect(observed.csp).toEqual([]);
    expect(observed.shift).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { Charter: { consent(): unknown } }).Charter.consent()),
    ).toBeNull();
    await context.close();
  });

  it('gives Accept all, Reject all and Choose the same size, weight and colours, on a desktop and on a phone', async () => {
    for (const width of [1280, 360]) {
      const context = await visitor({ width });
      const page = await openDemo(context);
      await dialog(page).waitFor();
      const looks = await Promise.all(
        ['Accept all', 'Reject all', 'Choose'].map((name) =>
          button(page, name).evaluate((el) => {
            const s = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return [
              s.fontSize,
              s.fontWeight,
              s.color,
              s.backgroundColor,
              s.borderColor,
              Math.round(box.width),
              Math.round(box.height),
            ].join('|');
          }),
        ),
      );
      expect(new Set(looks).size).toBe(1);
      await context.close();
    }
  });

  it('lists the strictly necessary cookies as always on and links to the privacy notice', async () => {
    const context = await visitor();
    const page = await openDemo(context);
    await dialog(page).waitFor();
    expect(await dialog(page).textContent()).toContain(
      'Strictly necessary (always on): charter_consent, charter_visitor',
    );
    expect(await dialog(page).getByRole('link', { name: 'Privacy notice' }).getAttribute('href')).toBe(
      `${served.url}/privacy/main/notice?lang=en`,
    );
    await context.close();
  });
});

describe('consent banner: choices', () => {
  it('Accept all runs every gated script once, loads the video, updates consent mode and is recorded', async () => {
    const context = await visitor();
    const page = await openDemo(context);
    await button(page, 'Accept all').click();
    await expect.poll(() => runs(page)).toEqual({ analytics: 1, marketing: 1, 'external-media': 1 });
    expect(await dialog(page).isVisible()).toBe(false);
    expect(await page.locator('iframe[data-category]').getAttribute('src')).toBe('/demo/main/video?lang=en');
    expect(await page.locator('.charter-ph').count()).toBe(0);
    expect(await cookieNames(context)).toEqual(['_ads', '_stats', 'charter_consent', 'charter_visitor']);
    expect(await page.evaluate(() => localStorage.getItem('player_volume'))).toMatch(/^demo-/);

    const layer = await dataLayer(page);
    const update = layer.findIndex((e) => Array.isArray(e) && e[2] === 'update');
    expect(layer[update]).toEqual([
      'gtag',
      'consent',
      'update',
      {
        ad_storage: 'granted',
        analytics_storage: 'granted',
        ad_user_data: 'granted',
        ad_personalization: 'granted',
        functionality_storage: 'granted',
        personalization_storage: 'denied',
        security_storage: 'denied',
      },
    ]);
    // The default came first, the update before any gated tag ran.
    const firstTag = layer.findIndex((e) => !Array.isArray(e));
    expect(update).toBeGreaterThan(0);
    expect(firstTag).toBeGreaterThan(update);

    const id = await receipt(page);
    const records = await ledger(context);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      receiptId: id,
      siteId: 'main',
      method: 'accept-all',
      language: 'en',
      gpc: false,
      choices: { analytics: true, marketing: true, 'external-media': true },
      pageUrl: `${served.url}/demo/main`,
    });

    // The next page: no banner, the choice applies at once, each script runs once on that page.
    await page.reload();
    await expect.poll(() => runs(page)).toEqual({ analytics: 1, marketing: 1, 'external-media': 1 });
    expect(await dialog(page).count()).toBe(0);
    expect(await page.locator('.chb-r').isVisible()).toBe(true);
    expect(await ledger(context)).toHaveLength(1);
    await context.close();
  });

  it('Reject all runs nothing, sets only the consent cookies and is recorded with every denial', async () => {
    const context = await visitor();
    const page = await openDemo(context);
    await button(page, 'Reject all').click();
    await receipt(page);
    expect(await runs(page)).toEqual({});
    expect(await cookieNames(context)).toEqual(['charter_consent', 'charter_visitor']);
    expect(await page.locator('.charter-ph').count()).toBe(1);
    const update = (await dataLayer(page)).find((e) => Array.isArray(e) && e[2] === 'update') as unknown[];
    expect(Object.values(update[3] as object).every((v) => v === 'denied')).toBe(true);
    const [record] = await ledger(context);
    expect(record).toMatchObject({
      method: 'reject-all',
      choices: { analytics: false, marketing: false, 'external-media': false },
    });
    await context.close();
  });

  it('Choose shows every category unticked with its vendors and cookies, and saves exactly what was switched on', async () => {
    const context = await visitor();
    const page = await openDemo(context);
    await button(page, 'Choose').click();
    const switches = dialog(page).getByRole('switch');
    expect(await switches.count()).toBe(4);
    expect(await dialog(page).getByRole('switch', { name: 'Strictly necessary (always on)' }).isDisabled()).toBe(true);
    for (const name of ['Statistics', 'Marketing', 'Embedded videos']) {
      expect(await dialog(page).getByRole('switch', { name }).isChecked()).toBe(false);
    }
    await dialog(page).locator('summary').nth(2).click();
    const marketing = await dialog(page).locator('.chb-c').nth(2).textContent();
    expect(marketing).toContain('Adnet SA (France)');
    expect(marketing).toContain('_ads');
    expect(marketing).toContain('Measures advertisements');
    expect(marketing).toContain('3 months');

    await dialog(page).getByRole('switch', { name: 'Statistics' }).check();
    await button(page, 'Save my choices').click();
    await expect.poll(() => runs(page)).toEqual({ analytics: 1 });
    await receipt(page);
    expect(await cookieNames(context)).toEqual(['_stats', 'charter_consent', 'charter_visitor']);
    const [record] = await ledger(context);
    expect(record).toMatchObject({
      method: 'custom',
      choices: { analytics: true, marketing: false, 'external-media': false },
    });
    await context.close();
  });

  it('the video placeholder grants its category alone', async () => {
    const context = await visitor();
    const page = await openDemo(context);
    await page.locator('.charter-ph').getByRole('button', { name: 'Allow “Embedded videos”' }).click();
    await expect.poll(() => page.locator('iframe[data-category]').getAttribute('src')).toBe('/demo/main/video?lang=en');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    await receipt(page);
    expect(await runs(page)).toEqual({ 'external-media': 1 });
    expect(await dialog(page).isVisible()).toBe(false);
    const [record] = await ledger(context);
    expect(record).toMatchObject({
      method: 'custom',
      choices: { analytics: false, marketing: false, 'external-media': true },
    });
    await context.close();
  });
});

describe('consent banner: reopen and revoke', () => {
  it('reopens from any data-charter-open element, and revoking deletes cookies, unloads the video and stops new elements', async () => {
    const context = await visitor();
    const page = await openDemo(context);
    await button(page, 'Accept all').click();
    await expect.poll(() => runs(page)).toEqual({ analytics: 1, marketing: 1, 'external-media': 1 });
    await receipt(page);

    await page.locator('footer').getByRole('button', { name: 'Privacy choices' }).click();
    expect(await dialog(page).isVisible()).toBe(true);
    expect(await dialog(page).getByRole('switch', { name: 'Statistics' }).isChecked()).toBe(true);
    await dialog(page).getByRole('switch', { name: 'Statistics' }).uncheck();
    await dialog(page).getByRole('switch', { name: 'Embedded videos' }).uncheck();
    await button(page, 'Save my choices').click();

    await expect.poll(() => cookieNames(context)).toEqual(['_ads', 'charter_consent', 'charter_visitor']);
    expect(await page.evaluate(() => localStorage.getItem('player_volume'))).toBeNull();
    expect(await page.locator('iframe[data-category]').getAttribute('src')).toBeNull();
    expect(await page.locator('.charter-ph').count()).toBe(1);
    const updates = (await dataLayer(page)).filter((e) => Array.isArray(e) && e[2] === 'update') as unknown[][];
    expect(updates.at(-1)?.[3]).toMatchObject({
      analytics_storage: 'denied',
      functionality_storage: 'denied',
      ad_storage: 'granted',
    });

    // New gated elements follow the new choice: statistics no longer runs, marketing still does.
    await page.evaluate(() => {
      for (const category of ['analytics', 'marketing']) {
        const script = document.createElement('script');
        script.type = 'text/plain';
        script.dataset.category = category;
        script.dataset.src = `/demo/main/scripts/${category}.js`;
        document.body.append(script);
      }
    });
    await expect.poll(() => runs(page)).toEqual({ analytics: 1, marketing: 2, 'external-media': 1 });

    await expect.poll(async () => (await ledger(context)).map((r) => r.method)).toEqual(['withdraw', 'accept-all']);
    const [latest] = await ledger(context);
    expect(latest?.choices).toEqual({ analytics: false, marketing: true, 'external-media': false });

    // The permanent button reopens too, and the JS API answers.
    await page.locator('.chb-r').click();
    expect(await dialog(page).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await dialog(page).isVisible()).toBe(false);
    await page.evaluate(() => (window as unknown as { Charter: { open(): void } }).Charter.open());
    expect(await dialog(page).isVisible()).toBe(true);
    await context.close();
  });

  it('tells listeners: Charter.on("change") and the charter:consent DOM event', async () => {
    const context = await visitor();
    const page = await openDemo(context);
    await dialog(page).waitFor();
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { seen: unknown[] }).seen = seen;
      (window as unknown as { Charter: { on(e: string, f: (s: unknown) => void): void } }).Charter.on(
        'change',
        (state) => seen.push(['api', state]),
      );
      document.addEventListener('charter:consent', (event) => seen.push(['event', (event as CustomEvent).detail]));
    });
    await button(page, 'Reject all').click();
    const seen = (await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)) as [
      string,
      { choices: object; method: string },
    ][];
    expect(seen.map(([kind, state]) => [kind, state.method, state.choices])).toEqual([
      ['api', 'reject-all', { analytics: false, marketing: false, 'external-media': false }],
      ['event', 'reject-all', { analytics: false, marketing: false, 'external-media': false }],
    ]);
    await context.close();
  });
});

describe('consent banner: Global Privacy Control', () => {
  it('keeps advertising off, says so, and records the choice as gpc', async () => {
    const context = await visitor({ gpc: true });
    const page = await openDemo(context);
    await dialog(page).waitFor();
    expect(await dialog(page).textContent()).toContain(
      'Global Privacy Control signal and we honour it: these stay off unless you switch them on yourself: Marketing.',
    );
    await button(page, 'Accept all').click();
    await expect.poll(() => runs(page)).toEqual({ analytics: 1, 'external-media': 1 });
    await receipt(page);
    expect(await cookieNames(context)).toEqual(['_stats', 'charter_consent', 'charter_visitor']);
    const [record] = await ledger(context);
    expect(record).toMatchObject({
      method: 'gpc',
      gpc: true,
      choices: { analytics: true, marketing: false, 'external-media': true },
    });
    const update = (await dataLayer(page)).find((e) => Array.isArray(e) && e[2] === 'update') as unknown[];
    expect(update[3]).toMatchObject({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'granted',
    });
    await context.close();
  });
});

describe('consent banner: keyboard and accessibility', () => {
  async function tabTo(page: Page, matches: () => boolean, limit = 30) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(matches)) return;
    }
    throw new Error('focus never got there');
  }

  it('can be used with the keyboard alone: focus moves in, every control is reachable with a visible focus, and focus returns', async () => {
    const context = await visitor();
    const page = await openDemo(context);
    await dialog(page).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('charter-banner');

    await tabTo(page, () => document.activeElement?.textContent === 'Choose');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('charter-banner');
    await tabTo(page, () => (document.activeElement as HTMLInputElement | null)?.dataset.c === 'analytics');
    await page.keyboard.press('Space');
    await tabTo(page, () => document.activeElement?.textContent === 'Save my choices');
    await page.keyboard.press('Enter');
    await expect.poll(() => runs(page)).toEqual({ analytics: 1 });
    expect(await dialog(page).isVisible()).toBe(false);

    // Reopen from the footer with the keyboard; Escape closes and gives focus back to where it was.
    await page.locator('footer').getByRole('button', { name: 'Privacy choices' }).focus();
    await page.keyboard.press('Enter');
    expect(await dialog(page).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('charter-banner');
    await page.keyboard.press('Escape');
    expect(await dialog(page).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Privacy choices');
    await context.close();
  });

  it('passes axe on the first layer, the second layer and the page after a choice', async () => {
    const context = await visitor();
    const page = await openDemo(context);
    await dialog(page).waitFor();
    await page.locator('.charter-ph').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await button(page, 'Choose').click();
    await dialog(page)
      .locator('details')
      .first()
      .evaluate((el: HTMLDetailsElement) => (el.open = true));
    expect(await seriousViolations(page)).toEqual([]);
    await button(page, 'Reject all').click();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('respects prefers-reduced-motion', async () => {
    const context = await visitor();
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${served.url}/demo/main?lang=en`);
    await dialog(page).waitFor();
    expect(await dialog(page).evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await dialog(page).evaluate((el) => getComputedStyle(el).animationName)).not.toBe('none');
    await context.close();
  });
});

describe('consent banner: languages', () => {
  it.each([
    ['nl', 'Cookies en uw privacy', ['Alles accepteren', 'Alles weigeren', 'Zelf kiezen'], 'Statistieken'],
    ['fr', 'Les cookies et votre vie privée', ['Tout accepter', 'Tout refuser', 'Personnaliser'], 'Statistiques'],
  ])('speaks the page language (%s)', async (lang, title, buttons, category) => {
    const context = await visitor({ locale: 'en-GB' });
    const page = await openDemo(context, `/demo/main?lang=${lang}`);
    await dialog(page).waitFor();
    expect(await dialog(page).getByRole('heading').textContent()).toBe(title);
    for (const name of buttons) expect(await button(page, name).isVisible()).toBe(true);
    expect(await dialog(page).textContent()).toContain(category);
    expect(await dialog(page).getAttribute('lang')).toBe(lang);
    expect(await seriousViolations(page)).toEqual([]);
    await button(page, buttons[0]!).click();
    await receipt(page);
    const [record] = await ledger(context);
    expect(record?.language).toBe(lang);
    await context.close();
  });

  it('falls back to the browser language when the site does not offer the page language', async () => {
    // The test site offers en, nl, fr; the page is German, the browser prefers French.
    const context = await visitor({ locale: 'fr-BE' });
    const page = await openDemo(context, '/demo/main?lang=de');
    await dialog(page).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await dialog(page).getByRole('heading').textContent()).toBe('Les cookies et votre vie privée');
    await context.close();
  });
});

describe('consent banner: on the site itself', () => {
  it("works on the site's own origin, cross-origin to Charter, under the site's strict CSP", async () => {
    // The browser believes it is on http://www.testco.example (the charter's site) and that Charter is at
    // http://charter.testco.example; Playwright answers for the site and forwards Charter's requests to the real app.
    // (Chromium's Private Network Access keeps a page on a public name from loading scripts from 127.0.0.1 itself.)
    const site = 'http://www.testco.example';
    const charterOrigin = 'http://charter.testco.example';
    const context = await visitor();
    await context.route(`${charterOrigin}/**`, async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({ url: `${served.url}${url.pathname}${url.search}` });
      await route.fulfill({ response });
    });
    await context.route(`${site}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/tag.js') {
        return route.fulfill({
          contentType: 'text/javascript',
          body: 'document.cookie = "_stats=1; path=/"; window.tagRan = true;',
        });
      }
      return route.fulfill({
        contentType: 'text/html',
        headers: {
          'content-security-policy': `default-src 'self'; script-src 'self' ${charterOrigin}; connect-src ${charterOrigin}; style-src 'self'`,
        },
        body: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Testco</title>
          <script src="${charterOrigin}/banner.js" data-site="main" async></script></head>
          <body><main><h1>Testco</h1><script type="text/plain" data-category="analytics" data-src="/tag.js"></script></main></body></html>`,
      });
    });
    const page = await context.newPage();
    await page.goto(`${site}/products`);
    await dialog(page).waitFor();
    expect(await dialog(page).getByRole('heading').textContent()).toBe('Cookies en uw privacy');
    expect(await dialog(page).evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    expect(await page.evaluate(() => (window as unknown as { tagRan?: boolean }).tagRan)).toBeUndefined();
    await button(page, 'Alles accepteren').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { tagRan?: boolean }).tagRan)).toBe(true);
    const id = await receipt(page);
    expect((await context.cookies(site)).map((c) => c.name).sort()).toEqual([
      '_stats',
      'charter_consent',
      'charter_visitor',
    ]);
    expect(await page.evaluate(() => (window as unknown as { observed: Observed }).observed.csp)).toEqual([]);
    const [record] = await ledger(context);
    expect(record).toMatchObject({ receiptId: id, method: 'accept-all', language: 'nl', pageUrl: `${site}/products` });
    await context.close();
  });
});

describe('consent banner: its configuration inside the script', () => {
  /** A Dutch page on the site's own origin with `tag`; returns the GET requests that reached Charter. */
  async function siteWithTag(tag: string, locale = 'en-GB') {
    const site = 'http://www.testco.example';
    const charterOrigin = 'http://charter.testco.example';
    const context = await visitor({ locale });
    const gets: string[] = [];
    await context.route(`${charterOrigin}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (route.request().method() === 'GET') gets.push(`${url.pathname}${url.search}`);
      const response = await route.fetch({ url: `${served.url}${url.pathname}${url.search}` });
      await route.fulfill({ response });
    });
    await context.route(`${site}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: {
          'content-security-policy': `default-src 'self'; script-src 'self' ${charterOrigin}; connect-src ${charterOrigin}; style-src 'self'`,
        },
        body: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Testco</title>${tag.replace('CHARTER', charterOrigin)}</head><body><main><h1>Testco</h1></main></body></html>`,
      }),
    );
    const page = await context.newPage();
    await page.goto(`${site}/products`);
    await dialog(page).waitFor();
    return { context, page, gets };
  }

  it('shows the banner after one request to Charter, under the strict CSP', async () => {
    const { context, page, gets } = await siteWithTag('<script src="CHARTER/banner/main.js?lang=nl" async></script>');
    expect(await dialog(page).getByRole('heading').textContent()).toBe('Cookies en uw privacy');
    expect(gets).toEqual(['/banner/main.js?lang=nl']);
    expect(await page.evaluate(() => (window as unknown as { observed: Observed }).observed.csp)).toEqual([]);
    await button(page, 'Alles accepteren').click();
    await receipt(page);
    const [record] = await ledger(context);
    expect(record).toMatchObject({ method: 'accept-all', language: 'nl' });
    await context.close();
  });

  it('without ?lang= it embeds the browser language and fetches the page language only when the site offers it', async () => {
    // The browser prefers English, the page is Dutch: the script carries English, the banner asks in Dutch.
    const { context, page, gets } = await siteWithTag('<script src="CHARTER/banner/main.js" async></script>');
    expect(await dialog(page).getByRole('heading').textContent()).toBe('Cookies en uw privacy');
    expect(gets).toHaveLength(2);
    expect(gets[0]).toBe('/banner/main.js');
    expect(gets[1]).toMatch(/^\/api\/v1\/banner\/main\/[0-9a-f]{16}\/nl\.json$/);
    await context.close();
    // A Dutch browser on the Dutch page: one request, the embedded language is the one the page wants.
    const dutch = await siteWithTag('<script src="CHARTER/banner/main.js" async></script>', 'nl-BE');
    expect(dutch.gets).toEqual(['/banner/main.js']);
    await dutch.context.close();
  });
});

describe('consent banner: nothing to ask', () => {
  it('stays away when the charter has no consent categories', async () => {
    const own = await serveTestApp({
      charter: buildCharter((c) => {
        c.consent.categories = [];
        c.cookies = c.cookies.filter((cookie) => cookie.category === 'necessary');
      }),
    });
    try {
      const context = await visitor();
      const page = await context.newPage();
      // The demo's tag is /banner/main.js: the configuration comes inside the script.
      const config = page.waitForResponse((response) => new URL(response.url()).pathname === '/banner/main.js');
      await page.goto(`${own.url}/demo/main?lang=en`);
      expect((await config).status()).toBe(200);
      // Let the banner handle the answer it got.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
      expect(await page.locator('#charter-banner, .chb-r').count()).toBe(0);
      expect(await cookieNames(context)).toEqual([]);
      await context.close();
    } finally {
      await own.close();
    }
  });
});

describe('consent banner: asking again', () => {
  it('asks again when the consent revision changes, and when the choice has expired (recorded as expiry)', async () => {
    const own = await serveTestApp({ charter: bannerCharter() });
    try {
      const context = await visitor();
      const page = await context.newPage();
      await page.goto(`${own.url}/demo/main?lang=en`);
      await button(page, 'Accept all').click();
      await receipt(page);
      await page.reload();
      await expect.poll(() => runs(page)).toEqual({ analytics: 1, marketing: 1, 'external-media': 1 });
      expect(await dialog(page).count()).toBe(0);

      // A new cookie under statistics changes what visitors consent to: the consent revision.
      const changed = bannerCharter((c) =>
        c.cookies.push({
          name: '_stats_session',
          category: 'analytics',
          vendor: 'stats',
          purpose: 'Groups one visit',
          duration: 'P1D',
          type: 'cookie',
        }),
      );
      await applyCharter(
        own.database.db,
        { organisationId: own.organisationId! },
        { charter: changed, source: JSON.stringify(changed), format: 'json', actor: 'test' },
      );
      await consentLedgerOf(own.app).directory.invalidate();
      await page.reload();
      await dialog(page).waitFor();
      expect(await runs(page)).toEqual({});
      await button(page, 'Accept all').click();
      await receipt(page);
      const history = await ledger(context, own);
      expect(history.map((r) => r.method)).toEqual(['accept-all', 'accept-all']);
      expect(history[0]?.revision).not.toBe(history[1]?.revision);

      // Seven months later (the charter says P6M): the stored choice has lapsed.
      const consent = (await context.cookies()).find((c) => c.name === 'charter_consent')!;
      const stored = JSON.parse(decodeURIComponent(consent.value)) as { t: number };
      stored.t -= 213 * 24 * 3600 * 1000;
      await context.addCookies([{ ...consent, value: encodeURIComponent(JSON.stringify(stored)) }]);
      await page.reload();
      await dialog(page).waitFor();
      expect(await runs(page)).toEqual({});
      await expect
        .poll(async () => (await ledger(context, own)).map((r) => r.method))
        .toEqual(['expiry', 'accept-all', 'accept-all']);
      const [expiry] = await ledger(context, own);
      expect(expiry?.choices).toEqual({ analytics: false, marketing: false, 'external-media': false });
      expect(await cookieNames(context)).toEqual(['charter_visitor']);
      await context.close();
    } finally {
      await own.close();
    }
  });
});
