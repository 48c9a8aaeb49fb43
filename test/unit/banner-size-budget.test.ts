/**
 * The banner's size budget (issue 4): JS + CSS for one language ≤ 6,000 bytes gzip -9, measured on what
 * `npm run build` put in dist/banner (pretest builds first). Counted on the worst path a browser can take: banner.js
 * (which carries the CSS for a constructed stylesheet) PLUS banner.css (fetched only by browsers without constructable
 * stylesheets). Texts are not in the bundle: they come with the per-language configuration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { constants, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bannerBudget } from '../../scripts/build-banner.mjs';
import { bannerTexts } from '../../src/consent/banner-config.js';
import { projectFile } from '../../src/platform/project.js';

const gzip9 = (content: Buffer) => gzipSync(content, { level: constants.Z_BEST_COMPRESSION }).length;

function built(file: string): Buffer {
  const path = projectFile('dist/banner', file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" first`);
  return readFileSync(path);
}

describe('banner size budget', () => {
  it(`keeps banner.js + banner.css within ${bannerBudget} bytes gzip -9`, () => {
    const js = built('banner.js');
    const css = built('banner.css');
    const total = gzip9(js) + gzip9(css);
    expect(
      total,
      `banner is ${total} bytes gzip -9 (js ${gzip9(js)}, css ${gzip9(css)}); budget ${bannerBudget}`,
    ).toBeLessThanOrEqual(bannerBudget);
  });

  it('ships no UI texts in the bundle (every language comes with the configuration)', () => {
    const js = built('banner.js').toString('utf8');
    for (const texts of Object.values(bannerTexts)) {
      for (const text of [texts.acceptAll, texts.rejectAll, texts.title, texts.intro]) expect(js).not.toContain(text);
    }
  });

  it('is a minified, self-contained script with its stylesheet inlined', () => {
    const js = built('banner.js').toString('utf8');
    const css = built('banner.css').toString('utf8');
    expect(js).not.toMatch(/\bimport\s*[({'"]|\brequire\(/);
    expect(js.split('\n').length).toBeLessThanOrEqual(2);
    expect(js).toContain(JSON.stringify(css).slice(1, -1));
  });
});
