// Builds the console (web/console, React + Vite) into dist/console, served at /console/. The output is external
// files only: the strict Content-Security-Policy allows no inline script or style, and the build checks that.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * codemirror-json-schema formats schema descriptions with markdown-it and Shiki (hundreds of kB and WebAssembly the
 * Content-Security-Policy forbids), and lists a JSON5 parser the YAML editor never calls; the console's charter editor
 * takes small stand-ins for both (web/console/src/pages/charter/*-stub.ts).
 */
function lightSchemaDescriptions(root) {
  return {
    name: 'charter-light-schema-descriptions',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer?.includes('/codemirror-json-schema/') && /\/utils\/markdown(\.js)?$/.test(source)) {
        return join(root, 'web/console/src/pages/charter/markdown-stub.ts');
      }
      if (importer?.includes('/codemirror-json-schema/') && /\/json5-parser(\.js)?$/.test(source)) {
        return join(root, 'web/console/src/pages/charter/json5-parser-stub.ts');
      }
      return null;
    },
  };
}

export async function build(root) {
  const { build: viteBuild } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const outDir = join(root, 'dist/console');
  // Always React's production build: under Vitest NODE_ENV is "test", and Vite and the React plugin would then bundle
  // React's development build (about 300 kB more, and components mounted twice by StrictMode's checks).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({
      configFile: false,
      root: join(root, 'web/console'),
      base: '/console/',
      logLevel: 'warn',
      mode: 'production',
      plugins: [react(), lightSchemaDescriptions(root)],
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        // The preload polyfill would be an inline script; every browser the console supports has modulepreload.
        modulePreload: { polyfill: false },
        assetsInlineLimit: 0,
        // The charter editor (CodeMirror, YAML, JSON Schema) is one lazily loaded chunk of about 620 kB (195 kB gzip),
        // fetched only when the Charter page opens; the warning is for chunks every page loads.
        chunkSizeWarningLimit: 700,
      },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
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
