// Builds the privacy center's assets (web/privacy) into dist/privacy: privacy.js (minified IIFE) and privacy.css
// (minified), and prints their weight. The pages work without the script; it only shows the fields of the chosen
// request type. Files are replaced atomically, as for the banner.
import { build as esbuild, transform } from 'esbuild';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

async function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

/** @param {string} root the repository root */
export async function build(root) {
  const out = join(root, 'dist/privacy');
  await mkdir(out, { recursive: true });
  const result = await esbuild({
    entryPoints: [join(root, 'web/privacy/privacy.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const js = result.outputFiles[0]?.contents;
  if (!js) throw new Error('esbuild produced no privacy.js');
  const source = await readFile(join(root, 'web/privacy/privacy.css'), 'utf8');
  const css = (
    await transform(source, { loader: 'css', minify: true, target: ['chrome100', 'firefox100', 'safari15'] })
  ).code;
  await writeAtomically(join(out, 'privacy.js'), js);
  await writeAtomically(join(out, 'privacy.css'), css);
  const gzip = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
  console.log(
    `privacy center: privacy.js ${js.length} bytes (${gzip(js)} gzip -9), privacy.css ${css.length} bytes (${gzip(css)} gzip -9)`,
  );
  return { js: join(out, 'privacy.js'), css: join(out, 'privacy.css') };
}
