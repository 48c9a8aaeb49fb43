import { exampleCharterNames } from '../support/charter.js';
/**
 * The notice and the cookie policy in real Chromium: every Art. 13 item (and Art. 14 where it applies) found by the
 * structure of the rendered page for every example charter, site and language; axe-core without serious or critical
 * violations in EN, NL and FR; keyboard use; the cookie policy's button reopening the consent banner.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCharterFile } from '../../src/charter/template-files.js';
import type { Charter } from '../../src/charter/schema.js';
import { requiredItems } from '../../src/notices/lint-rules.js';
import { projectFile } from '../../src/platform/project.js';
import { launchBrowser, seriousViolations } from '../support/browser.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

// Every example charter, the agency's client charters (which extend its template) included.
const examples = exampleCharterNames();

async function example(name: string): Promise<Charter> {
  const loaded = await loadCharterFile(projectFile(`examples/${name.includes('/') ? name : `${name}/charter`}.yaml`));
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return loaded.charter;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** For each GDPR item: how many sections carry it and have content besides their heading. */
async function itemsOnPage(page: Page, items: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate((wanted) => {
    const found: Record<string, number> = {};
    for (const item of wanted) {
      const sections = [...document.querySelectorAll<HTMLElement>(`section[data-gdpr~="${item}"]`)];
      found[item] = sections.filter((section) => {
        const copy = section.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach((h) => h.remove());
        return (copy.textContent ?? '').replace(/\s+/g, '').length > 20;
      }).length;
    }
    return found;
  }, items);
}

describe.each(examples)('the notice of %s', (name) => {
  let served: ServedApp;
  let charter: Charter;
  beforeAll(async () => {
    charter = await example(name);
    served = await serveTestApp({ charter });
  });
  afterAll(async () => {
    await served?.close();
  });

  it('shows every Art. 13 item (and Art. 14 where data comes from elsewhere) on every site, in every language', async () => {
    const page = await browser.newPage();
    const missing: string[] = [];
    for (const site of charter.sites) {
      const required = requiredItems(charter, site.id);
      for (const language of site.languages ?? charter.languages) {
        const response = await page.goto(`${served.url}/privacy/${site.id}/notice?lang=${language}`);
        expect(response?.status()).toBe(200);
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        const found = await itemsOnPage(page, required);
        for (const item of required) if (!found[item]) missing.push(`${site.id}/${language}: ${item}`);
      }
    }
    expect(missing).toEqual([]);
    await page.close();
  });
});

describe('accessibility and keyboard use', () => {
  let served: ServedApp;
  beforeAll(async () => {
    served = await serveTestApp({ charter: await example('kamer-west') });
  });
  afterAll(async () => {
    await served?.close();
  });

  it.each([
    ['notice', 'en'],
    ['notice', 'nl'],
    ['notice', 'fr'],
    ['cookies', 'en'],
    ['cookies', 'nl'],
    ['cookies', 'fr'],
    ['notice/versions', 'nl'],
  ])('/privacy/events/%s in %s has no serious or critical axe violation', async (path, language) => {
    const page = await browser.newPage({ locale: language });
    await page.goto(`${served.url}/privacy/events/${path}?lang=${language}`);
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    // The cookie policy loads the banner (async); axe runs once it is in the page, so the check covers it too.
    if (path === 'cookies') await page.locator('#charter-banner').waitFor({ state: 'visible' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('can be read by keyboard: skip link first, then the table of contents, down to the notification form', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.url}/privacy/events/notice?lang=en`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#controller');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#controller');
    let reached = false;
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'subscribe-email');
    }
    expect(reached).toBe(true);
    await page.keyboard.type('reader@example.be');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Notify me');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/privacy\/events\/notice\/subscribe$/);
    expect(await page.locator('[role="status"]').textContent()).toContain('you will receive an email');
    await page.close();
  });

  it('reopens the consent banner from the cookie policy, by keyboard', async () => {
    const page = await browser.newPage();
    const bannerRequests: string[] = [];
    page.on('request', (request) => {
      const { pathname, search } = new URL(request.url());
      if (pathname.startsWith('/banner') || pathname.startsWith('/api/v1/banner'))
        bannerRequests.push(pathname + search);
    });
    await page.goto(`${served.url}/privacy/events/cookies?lang=fr`);
    // First visit: the banner asks; refuse everything, as a visitor would.
    const banner = page.locator('#charter-banner');
    await banner.waitFor({ state: 'visible' });
    // One request: the script with the site's configuration in the page's language inside.
    expect(bannerRequests).toEqual(['/banner/events.js?lang=fr']);
    await banner.locator('[data-a="none"]').click();
    await banner.waitFor({ state: 'hidden' });
    let onButton = false;
    for (let i = 0; i < 200 && !onButton; i++) {
      await page.keyboard.press('Tab');
      onButton = await page.evaluate(
        () => document.activeElement?.classList.contains('charter-notice__consent-button') ?? false,
      );
    }
    expect(onButton).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Modifier mes paramètres de cookies');
    await page.keyboard.press('Enter');
    await banner.waitFor({ state: 'visible' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
