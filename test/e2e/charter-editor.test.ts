// The Charter page of the console in real Chromium: a change typed in the YAML editor, its error shown at its line and
// in the list below, fixed, previewed (what changes for readers), published, its diff in the history, rolled back as a
// new revision; the keyboard leaves the editor with Escape then Tab; a viewer can preview but not publish. axe on every
// state, 390 px without horizontal scrolling, and no Content-Security-Policy violation from the editor.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser } from '../support/auth.js';
import { launchBrowser, seriousViolations, signInToConsole } from '../support/browser.js';
import { buildCharter } from '../support/charter.js';
import { ensureConsoleBuilt } from '../support/console-build.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

const password = 'a long and secret passphrase';
const ownerEmail = 'editor-owner@testco.example';
const viewerEmail = 'editor-viewer@testco.example';

let served: ServedApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  await ensureConsoleBuilt();
  served = await serveTestApp({ charter: buildCharter() });
  await signedInUser(served, 'owner', { email: ownerEmail, password });
  await signedInUser(served, 'viewer', { email: viewerEmail, password });
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Brussels' })).newPage();
  // Script errors, and every Content-Security-Policy violation (reported through the console by Chromium).
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function signIn(target: Page, email: string) {
  await signInToConsole(target, served, { email, password });
  await expect.poll(() => target.locator('h1').textContent()).toBe('Charter overview');
}

async function openCharterPage(target: Page) {
  await target.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Charter', exact: true }).click();
  await expect.poll(() => target.locator('h1').textContent()).toBe('Charter');
  await target.locator('.cm-content').waitFor();
  // The starting text is checked like any edit: wait for its result.
  await expect.poll(() => target.locator('.editor-status').textContent()).toMatch(/errors?,|No problems/);
}

const status = () => page.locator('.editor-status').textContent();
// The editor lives in a shadow root (see yaml-editor.tsx): focus and selection are read there.
const editorFocused = () =>
  page.evaluate(
    () => document.querySelector('.yaml-editor')?.shadowRoot?.activeElement?.classList.contains('cm-content') ?? false,
  );
const selectedText = () =>
  page.evaluate(() => {
    // Chromium's ShadowRoot.getSelection (not in the DOM typings): the selection inside the editor's root.
    const root = document.querySelector('.yaml-editor')?.shadowRoot as unknown as
      { getSelection?: () => Selection | null } | undefined;
    return root?.getSelection?.()?.anchorNode?.textContent ?? null;
  });

describe('charter editor in the console', () => {
  it('shows an error typed into the charter at its line, and links to it from the list below', async () => {
    await signIn(page, ownerEmail);
    await openCharterPage(page);
    expect(await page.getByRole('textbox', { name: 'charter.yaml' }).count()).toBe(1);
    expect(await status()).toContain('0 errors');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('notAKey: 1');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await expect.poll(status).toContain('1 error,');
    // At its line in the editor: the first line carries the error's mark, and the gutter its marker.
    await expect.poll(() => page.locator('.cm-line').first().locator('.cm-lintRange-error').count()).toBe(1);
    expect(await page.locator('.cm-gutter-lint .cm-lint-marker-error').count()).toBe(1);
    const problem = page
      .getByRole('list', { name: 'Problems' })
      .getByRole('listitem')
      .filter({ hasText: 'unknown key "notAKey"' });
    expect(await problem.textContent()).toContain('Go to line 1: notAKey');

    // The link moves the cursor to the line: the editor has focus, at the start of line 1.
    await page.locator('#main h1').focus();
    expect(await editorFocused()).toBe(false);
    await problem.getByRole('link').click();
    expect(await editorFocused()).toBe(true);
    expect(await selectedText()).toContain('notAKey');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('never traps the keyboard: Escape then Tab leaves the editor, and the page says so', async () => {
    expect(await page.locator('#editor-help').textContent()).toContain('press Escape, then Tab');
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Tab');
    expect(await editorFocused()).toBe(true); // Tab indents inside the editor…
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await editorFocused()).toBe(false); // …Escape then Tab moves on.
  });

  it('clears the error once fixed, previews what changes for readers, and publishes', async () => {
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Delete');
    await expect.poll(status).toContain('0 errors');
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);

    // CodeMirror draws only the lines inside the window: bring the top of the editor into view first.
    await page.evaluate(() => {
      const host = document.querySelector('.yaml-editor');
      host?.scrollIntoView({ block: 'start' });
      const scroller = host?.shadowRoot?.querySelector('.cm-scroller');
      if (scroller) scroller.scrollTop = 0;
    });
    await page.locator('.cm-line', { hasText: 'legalName: Testco BV' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('NV');
    await expect.poll(status).toContain('0 errors');

    await page.getByRole('button', { name: 'Preview changes' }).click();
    const preview = page.getByRole('region', { name: 'What changes for readers' });
    await expect.poll(() => preview.count()).toBe(1);
    await expect.poll(() => preview.textContent()).toContain('Testco NV');
    expect(await preview.getByRole('heading', { name: 'Nederlands' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Published as revision 2.' }).count()).toBe(1);
    const revision2 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Revision 2/ }) });
    await expect.poll(() => revision2.textContent()).toContain(ownerEmail);
    expect(await revision2.textContent()).toContain('active');

    await revision2.getByRole('button', { name: 'Changes from the revision before' }).click();
    const diff = revision2.getByRole('list', { name: 'Line changes of revision 2' });
    await expect.poll(() => diff.locator('li.removed').textContent()).toContain('legalName: Testco BV');
    expect(await diff.locator('li.added').first().textContent()).toContain('legalName: Testco NV');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('rolls back to an earlier revision as a new revision, and the editor shows it', async () => {
    const revision1 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Revision 1/ }) });
    await revision1.getByRole('button', { name: 'Roll back to this revision…' }).click();
    // The confirmation takes focus: Enter confirms.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, roll back');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Rolled back: revision 3 restores revision 1.' }).count())
      .toBe(1);
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('legalName: Testco BV');
    const revision3 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Revision 3/ }) });
    await expect.poll(() => revision3.textContent()).toContain('restores revision 1');
    const audit = await served.database.db
      .selectFrom('audit_entries')
      .select(['action', 'target'])
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(audit).toEqual([
      { action: 'charter.rolled-back', target: 'charter:3' },
      { action: 'charter.applied', target: 'charter:2' },
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("completes keys from the charter's JSON Schema", async () => {
    await page.evaluate(() => document.querySelector('.yaml-editor')?.scrollIntoView({ block: 'start' }));
    await page.locator('.cm-line', { hasText: 'legalName: Testco BV' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('tradeN');
    await page.keyboard.press('Control+Space');
    const options = page.getByRole('listbox', { name: 'Completions' }).getByRole('option');
    await expect
      .poll(() => options.allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('tradeName')]));
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.cm-line', { hasText: 'tradeName' }).count()).toBe(1);
    await page.keyboard.type('Testco');
    await expect.poll(status).toContain('0 errors');
  });

  it('fits a 390 px screen without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await page.getByRole('button', { name: 'Preview changes' }).click();
    await page.getByRole('region', { name: 'What changes for readers' }).waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('links each finding of the Overview to its line in the editor, in the console language', async () => {
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Overzicht' }).click();
    const findings = page.getByRole('list', { name: 'Bevindingen' });
    await findings.waitFor();
    const link = findings.getByRole('link').first();
    const text = (await link.textContent()) ?? '';
    const line = Number(/Naar regel (\d+)/.exec(text)?.[1]);
    expect(line).toBeGreaterThan(0);
    await link.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Charter');
    await expect.poll(editorFocused).toBe(true);
    // The cursor's line is the one the link named (the gutter shows the number of the active line).
    await expect.poll(() => page.locator('.cm-lineNumbers .cm-activeLineGutter').textContent()).toBe(String(line));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Taal').selectOption('en');
  });

  it('lets a viewer check and preview, but not publish or roll back', async () => {
    const viewer = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await signIn(viewer, viewerEmail);
    await openCharterPage(viewer);
    expect(await viewer.getByText('Your role can check and preview changes, but not publish them.').count()).toBe(1);
    expect(await viewer.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await viewer.getByRole('button', { name: 'Preview changes' }).click();
    await viewer.getByRole('region', { name: 'What changes for readers' }).waitFor();
    expect(await viewer.getByRole('button', { name: 'Roll back to this revision…' }).count()).toBe(0);
    expect(await seriousViolations(viewer)).toEqual([]);
    await viewer.context().close();
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(pageErrors).toEqual([]);
  });
});
