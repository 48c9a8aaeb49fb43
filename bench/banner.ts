/**
 * bench:banner — Charter's consent banner beside vanilla-cookieconsent and orejime (devDependencies), same run:
 * 1. bytes: raw, gzip -9 and brotli (quality 11) of each banner's JS + CSS for one language;
 * 2. time from navigation to banner visible in Chromium, median of 20 cold loads each (a fresh browser context per
 *    load: no cache, no cookies — the visit on which a banner shows).
 * Every banner is served from one local static server, each on its own page with an equivalent two-category setup
 * (analytics, marketing; English). Ours is the tag `/banner/main.js`, the bundle with its configuration inside (lumen-av
 * example, site main) as the server builds it (src/consent/banner-script.ts); the peers carry theirs in the page. "Visible" = the first animation frame in which the banner element
 * is rendered (display, visibility and opacity checked). Prints figures; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from '../scripts/build-banner.mjs';
import { loadCharterFile } from '../src/charter/template-files.js';
import { bannerConfig } from '../src/consent/banner-config.js';
import { bannerScript } from '../src/consent/banner-script.js';
import { projectFile, projectRoot } from '../src/platform/project.js';
import { launchBrowser } from '../test/support/browser.js';
import { median } from './stats.js';

const loads = 20;
const require = createRequire(import.meta.url);
const vanillaDir = join(dirname(require.resolve('vanilla-cookieconsent/package.json')), 'dist');
const orejimeDir = join(dirname(require.resolve('orejime/package.json')), 'dist');
const version = (name: string) =>
  (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

await build(projectRoot);
const loaded = await loadCharterFile(projectFile('examples/lumen-av/charter.yaml'));
if (!loaded.ok) throw new Error('examples/lumen-av/charter.yaml is invalid');
const configObject = bannerConfig(loaded.charter, 'main', 'en');
const config = JSON.stringify(configObject);

const ours = {
  js: readFileSync(projectFile('dist/banner/banner.js')),
  css: readFileSync(projectFile('dist/banner/banner.css')),
};
const vanilla = {
  js: readFileSync(join(vanillaDir, 'cookieconsent.umd.js')),
  css: readFileSync(join(vanillaDir, 'cookieconsent.css')),
};
const orejime = {
  js: readFileSync(join(orejimeDir, 'orejime-standard-en.js')),
  css: readFileSync(join(orejimeDir, 'orejime-standard.css')),
};

// 1. Sizes.
const gzip = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const brotli = (b: Buffer) =>
  brotliCompressSync(b, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  }).length;
const sizeRows: [string, Buffer[]][] = [
  ['charter: banner.js (CSS inlined)', [ours.js]],
  ['charter: banner.js + banner.css (fallback path)', [ours.js, ours.css]],
  ['charter: + config JSON (lumen-av, en)', [ours.js, Buffer.from(config)]],
  ['charter: /banner/main.js (config inside)', [Buffer.from(bannerScript(ours.js.toString('utf8'), configObject))]],
  [`vanilla-cookieconsent ${version('vanilla-cookieconsent')}: umd.js + css`, [vanilla.js, vanilla.css]],
  [`orejime ${version('orejime')}: standard-en.js + css`, [orejime.js, orejime.css]],
];
console.log('\nBanner size (bytes; each file compressed on its own, then summed)\n');
console.log(`${'banner'.padEnd(52)}${'raw'.padStart(9)}${'gzip -9'.padStart(10)}${'brotli'.padStart(9)}`);
for (const [name, files] of sizeRows) {
  const sum = (f: (b: Buffer) => number) => files.reduce((total, file) => total + f(file), 0);
  console.log(
    `${name.padEnd(52)}${String(sum((b) => b.length)).padStart(9)}${String(sum(gzip)).padStart(10)}${String(sum(brotli)).padStart(9)}`,
  );
}

// 2. Time to visible, from one static server.
const page = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${head}</head><body><main><h1>A page</h1><p>Some content.</p></main>${body}</body></html>`;
// hideFromBots: false, or vanilla-cookieconsent stays hidden from an automated browser (navigator.webdriver).
const vanillaInit = `CookieConsent.run({
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'Cookies and your privacy', description: 'We use cookies with your permission.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Choose' },
    preferencesModal: { title: 'Choose', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save', sections: [
      { title: 'Analytics', description: 'Counting visits', linkedCategory: 'analytics' },
      { title: 'Marketing', description: 'Advertising', linkedCategory: 'marketing' } ] } } } }
});`;
const orejimeInit = `window.orejimeConfig = { privacyPolicyUrl: '/privacy', purposes: [
  { id: 'analytics', title: 'Analytics', description: 'Counting visits', cookies: ['_mx_id', '_mx_sess'] },
  { id: 'marketing', title: 'Marketing', description: 'Advertising', cookies: ['_brx'] } ] };`;

const files: Record<string, [string, string | Buffer]> = {
  '/ours.html': ['text/html', page('<script src="/banner/main.js?lang=en" async></script>')],
  '/banner/main.js': ['text/javascript', bannerScript(ours.js.toString('utf8'), configObject)],
  '/banner.css': ['text/css', ours.css],
  '/vanilla.html': [
    'text/html',
    page(
      '<link rel="stylesheet" href="/vanilla/cookieconsent.css"><script src="/vanilla/cookieconsent.umd.js" defer></script><script src="/vanilla/init.js" defer></script>',
    ),
  ],
  '/vanilla/cookieconsent.css': ['text/css', vanilla.css],
  '/vanilla/cookieconsent.umd.js': ['text/javascript', vanilla.js],
  '/vanilla/init.js': ['text/javascript', vanillaInit],
  '/orejime.html': [
    'text/html',
    page(
      '<link rel="stylesheet" href="/orejime/orejime.css"><script src="/orejime/config.js"></script><script src="/orejime/orejime.js" defer></script>',
    ),
  ],
  '/orejime/orejime.css': ['text/css', orejime.css],
  '/orejime/orejime.js': ['text/javascript', orejime.js],
  '/orejime/config.js': ['text/javascript', orejimeInit],
};
const server = createServer((request, response) => {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (request.method === 'POST') {
    request.resume();
    response.writeHead(204).end();
    return;
  }
  const file = files[path];
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const subjects = [
  { name: 'charter', path: '/ours.html', selector: '#charter-banner' },
  { name: 'vanilla-cookieconsent', path: '/vanilla.html', selector: '#cc-main .cm' },
  { name: 'orejime', path: '/orejime.html', selector: '.orejime-Banner' },
];
const browser = await launchBrowser();
const times: Record<string, number[]> = Object.fromEntries(subjects.map((s) => [s.name, []]));
try {
  for (let i = 0; i < loads + 1; i++) {
    // Interleaved so that machine noise spreads over all three; the first round warms Chromium up and is dropped.
    for (const subject of subjects) {
      const context = await browser.newContext();
      // A string, not a function: tsx would wrap a serialised function's inner functions in its own helpers.
      await context.addInitScript(`(() => {
        const tick = () => {
          const el = document.querySelector(${JSON.stringify(subject.selector)});
          const rendered = el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && el.getBoundingClientRect().height > 0;
          if (rendered) window.visibleAt = performance.now();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      })();`);
      const tab = await context.newPage();
      const problems: string[] = [];
      tab.on('pageerror', (error) => problems.push(error.message));
      tab.on('console', (message) => problems.push(message.text()));
      await tab.goto(`${origin}${subject.path}`);
      const visible = await tab
        .waitForFunction(() => (window as unknown as { visibleAt?: number }).visibleAt, undefined, { timeout: 15_000 })
        .catch((error: unknown) => {
          throw new Error(
            `${subject.name}: banner never visible (${String(error)}; page said: ${problems.join(' | ')})`,
          );
        });
      const visibleAt = (await visible.jsonValue()) as number;
      if (i > 0) times[subject.name]!.push(visibleAt);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`\nNavigation to banner visible in Chromium (ms; ${loads} cold loads each, local static server)\n`);
console.log(`${'banner'.padEnd(26)}${'median'.padStart(9)}${'min'.padStart(9)}${'max'.padStart(9)}`);
for (const subject of subjects) {
  const values = times[subject.name]!;
  console.log(
    `${subject.name.padEnd(26)}${median(values).toFixed(1).padStart(9)}${Math.min(...values)
      .toFixed(1)
      .padStart(9)}${Math.max(...values)
      .toFixed(1)
      .padStart(9)}`,
  );
}
