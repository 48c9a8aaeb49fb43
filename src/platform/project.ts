/**
 * Where the project's own files are (web assets, examples, built bundles), wherever Charter is started from.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'charter') return dir;
    } catch {
      // keep walking up
    }
    dir = dirname(dir);
  }
  return resolve(start, '..', '..');
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

export function projectFile(...parts: string[]): string {
  return join(projectRoot, ...parts);
}

export const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string })
  .version;
