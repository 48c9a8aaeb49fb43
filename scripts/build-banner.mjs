// Builds the consent banner (web/banner) into dist/banner: banner.js (minified IIFE with the minified CSS inlined) and
// banner.css (the same CSS, for browsers without constructable stylesheets). Prints the gzip -9 size against the
// 6,000-byte budget; test/unit/banner-size-budget.test.ts enforces it.
import { build as esbuild, transform } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

export const bannerBudget = 6000;

/** @param {string} root the repository root */
export async function build(root) {
  const out = join(root, 'dist/banner');
  await mkdir(out, { recursive: true });
  const source = await readFile(join(root, 'web/banner/banner.css'), 'utf8');
  const css = (await transform(source, { loader: 'css', minify: true, target: ['chrome100', 'firefox100', 'safari15'] })).code.trim();
  await writeFile(join(out, 'banner.css'), css);
  await esbuild({
    entryPoints: [join(root, 'web/banner/banner.ts')],
    outfile: join(out, 'banner.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    legalComments: 'none',
    define: { __CSS__: JSON.stringify(css) },
    logLevel: 'warning',
  });
  const js = await readFile(join(out, 'banner.js'));
  const gzip = gzipSync(js, { level: constants.Z_BEST_COMPRESSION }).length;
  console.log(`banner: ${js.length} bytes, ${gzip} bytes gzip -9 (budget ${bannerBudget})`);
  return { js: join(out, 'banner.js'), css: join(out, 'banner.css'), gzip };
}
