/**
 * Browser tests of the console serve dist/console: this builds it when it is missing or older than its sources
 * (`npm test` builds it before the suite; a single test file run by hand may find it stale).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/platform/project.js';

/** The newest modification time under a folder. */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

export async function ensureConsoleBuilt(): Promise<void> {
  const index = join(projectRoot, 'dist/console/index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(projectRoot, 'web/console'))) return;
  const step = (await import(pathToFileURL(join(projectRoot, 'scripts/build-console.mjs')).href)) as {
    build(root: string): Promise<void>;
  };
  await step.build(projectRoot);
}
