// Builds what `npm start` and the tests serve: the server bundle (esbuild), and the web bundles each area adds.
// Runs at `npm ci` (prepare), `npm start` and before `npm test`.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await mkdir(join(root, 'dist'), { recursive: true });

const started = Date.now();
// Split into chunks: what a start needs is in charter.mjs; what only some requests need (PDF rendering with
// pdf-lib…) sits in chunks imported on first use, so a restart does not load it.
await build({
  entryPoints: { charter: join(root, 'src/cli/bin.ts') },
  outdir: join(root, 'dist'),
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// Web bundles: each area's step is a module beside this one exporting `build(root)`.
for (const step of ['./build-banner.mjs', './build-console.mjs', './build-privacy.mjs']) {
  const module = await import(new URL(step, import.meta.url)).catch((error) => {
    if (error.code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  });
  if (module) await module.build(root);
}
console.log(`built in ${Date.now() - started} ms`);
