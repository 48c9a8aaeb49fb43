#!/usr/bin/env node
// The `charter` command: runs the bundle built by `npm run build` (done by `npm ci` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/charter.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('charter: the build is missing; run `npm run build` first.\n');
  process.exit(2);
}
await import(bundle);
