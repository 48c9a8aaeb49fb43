// Builds the consent banner (web/banner) into dist/banner: banner.js (minified IIFE with the minified CSS inlined) and
// banner.css (the same CSS, for browsers without constructable stylesheets). Prints the gzip -9 size against the
// 6,000-byte budget; test/unit/banner-size-budget.test.ts enforces it. Files are replaced atomically (write, then
// rename), so a test or server reading them while another process builds never sees half a file.
import { build as esbuild, transform } from 'esbuild';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

export const bannerBudget = 6000;

async function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

/** @param {string} root the repository root */
export async function build(root) {
  const out = join(root, 'dist/banner');
  await mkdir(out, { recursive: true });
  const source = await readFile(join(root, 'web/banner/banner.css'), 'utf8');
  const css = (
    await transform(source, { loader: 'css', minify: true, target: ['chrome100', 'firefox100', 'safari15'] })
  ).code.trim();
  const result = await esbuild({
    entryPoints: [join(root, 'web/banner/banner.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    legalComments: 'none',
    define: { __CSS__: JSON.stringify(css) },
    write: false,
    logLevel: 'warning',
  });
  const js = result.outputFiles[0]?.contents;
  if (!js) throw new Error('esbuild produced no banner.js');
  await writeAtomically(join(out, 'banner.css'), css);
  await writeAtomically(join(out, 'banner.js'), js);
  const gzip =
    gzipSync(js, { level: constants.Z_BEST_COMPRESSION }).length +
    gzipSync(css, { level: constants.Z_BEST_COMPRESSION }).length;
  console.log(
    `banner: banner.js ${js.length} bytes + banner.css ${css.length} bytes; ${gzip} bytes gzip -9 together (budget ${bannerBudget})`,
  );
  return { js: join(out, 'banner.js'), css: join(out, 'banner.css'), gzip };
}
