import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousViolations } from '../support/browser.js';
import { buildCharter } from '../support/charter.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

let served: ServedApp;
let browser: Browser;
beforeAll(async () => {
  served = await serveTestApp({ charter: buildCharter() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('landing page', () => {
  it.each([
    ['en', 'Charter is running'],
    ['nl', 'Charter draait'],
    ['fr', 'Charter est en marche'],
  ])('is shown in %s, lists the sites and passes axe', async (lang, heading) => {
    const page = await browser.newPage({ locale: lang });
    await page.goto(`${served.url}/`);
    expect(await page.locator('h1').textContent()).toBe(heading);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('main').textContent()).toContain('www.testco.example');
    // It links to what runs here: the console, the site's privacy center and its demo.
    expect(await page.locator('a[href="/console/"]').count()).toBe(1);
    expect(await page.locator(`a[href="/privacy/main?lang=${lang}"]`).count()).toBe(1);
    expect(await page.locator(`a[href="/demo/main?lang=${lang}"]`).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('can be used by keyboard: the skip link is the first stop and leads to the content', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.url}/?lang=en`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.close();
  });
});
