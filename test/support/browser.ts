/**
 * Real Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core (never a downloaded browser),
 * with the flags this closed network needs, and axe-core injected from node_modules for accessibility checks.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core on the page; returns the serious and critical violations (the ones that fail our bar). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, so the page's strict CSP (no inline scripts) stays in force.
  await page.evaluate(axeSource);
  // Colour contrast is only meaningful once entrance animations (the banner's fade-in) are over: mid-fade, text is
  // not yet at full opacity. Finite animations are awaited; infinite ones (spinners) are left alone.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Signs in through the console's login form (in whatever language the page shows: the fields are found by type) and
 * waits until the console, not the login, is shown. For tests that are not about signing in itself.
 *
 * @example
 *   await signInToConsole(page, served, { email, password });
 */
export async function signInToConsole(
  page: Page,
  served: { url: string },
  account: { email: string; password: string },
): Promise<void> {
  await page.goto(`${served.url}/console/login`);
  await page.locator('input[type=email]').fill(account.email);
  await page.locator('input[type=password]').fill(account.password);
  await page.locator('input[type=password]').press('Enter');
  await page.waitForURL(/\/console\/(?!login)/);
}

/**
 * Chromium with one context and one page, as a browser test file opens it once in `beforeAll` (British English, and
 * the Brussels time zone unless `options` says otherwise).
 *
 * @example
 *   ({ browser, context, page } = await openBrowserPage({ locale: 'en-GB' }));
 */
export async function openBrowserPage(
  options: BrowserContextOptions = { locale: 'en-GB', timezoneId: 'Europe/Brussels' },
): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await launchBrowser();
  const context = await browser.newContext(options);
  return { browser, context, page: await context.newPage() };
}

/** The page's main heading (its h1), trimmed: what a test polls to know which page the console shows. */
export async function headingOf(page: Page): Promise<string | undefined> {
  return (await page.locator('h1').textContent())?.trim();
}

/** Closes what a browser test file opened (browser, served app, mail server), each only if it was started. */
export async function closeAll(...opened: ({ close: () => Promise<unknown> } | undefined)[]): Promise<void> {
  for (const thing of opened) await thing?.close();
}
