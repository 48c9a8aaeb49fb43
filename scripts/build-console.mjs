// Builds the console (web/console, React + Vite) into dist/console, served at /console/. The output is external
// files only: the strict Content-Security-Policy allows no inline script or style, and the build checks that.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function build(root) {
  const { build: viteBuild } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const outDir = join(root, 'dist/console');
  await viteBuild({
    configFile: false,
    root: join(root, 'web/console'),
    base: '/console/',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      // The preload polyfill would be an inline script; every browser the console supports has modulepreload.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
    },
  });
  const index = await readFile(join(outDir, 'index.html'), 'utf8');
  if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(index) || /\sstyle=/i.test(index)) {
    throw new Error('dist/console/index.html has an inline script or style, which the Content-Security-Policy forbids');
  }
}

// Run directly: node scripts/build-console.mjs
if (import.meta.url === `file://${process.argv[1]}`) {
  const { dirname } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  await build(join(dirname(fileURLToPath(import.meta.url)), '..'));
}
