/**
 * CONTRIBUTING.md is a map checked against the tree: every path it names in backquotes exists, and every name it
 * writes in backquotes (`requestTypes`, `SqlDriver`) occurs in one of the files its paragraph points at (or, for a
 * paragraph without a path, somewhere in the code). A renamed file or symbol fails here instead of misleading a
 * newcomer. Code blocks are examples and not checked.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const page = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');

/** Paragraphs and list items outside fenced code blocks, each with its backquoted tokens. */
function paragraphsOf(markdown: string): string[][] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '\n\n');
  return withoutCode
    .split(/\n\s*\n|\n(?=\s*(?:\d+\.|-|\|) )/)
    .map((paragraph) => [...paragraph.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!))
    .filter((tokens) => tokens.length > 0);
}

const isPath = (token: string) => /^(src|web|test|docs|bench|examples|scripts)\//.test(token);
const isName = (token: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(token) && token.length > 3;

function filesUnder(path: string): string[] {
  const full = join(root, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .map((entry) => join(full, entry))
    .filter((file) => /\.(ts|tsx|md)$/.test(file) && statSync(file).isFile());
}

const everywhere = ['src', 'web', 'test'].flatMap(filesUnder);
const mentions = (files: string[], name: string) =>
  files.some((file) => new RegExp(`\\b${name}\\b`).test(readFileSync(file, 'utf8')));

describe('CONTRIBUTING.md', () => {
  const paragraphs = paragraphsOf(page);

  it('names only paths that exist', () => {
    const missing = paragraphs
      .flat()
      .filter((token) => isPath(token) && !existsSync(join(root, token.replace(/\/$/, ''))));
    expect(missing).toEqual([]);
  });

  it('names only symbols found where it says they are', () => {
    const unfound: string[] = [];
    for (const tokens of paragraphs) {
      const paths = tokens.filter((token) => isPath(token) && existsSync(join(root, token)));
      const files = paths.length > 0 ? paths.flatMap(filesUnder) : everywhere;
      for (const name of tokens.filter(isName)) if (!mentions(files, name)) unfound.push(name);
    }
    expect(unfound).toEqual([]);
  });

  it('checks something: the page names paths and symbols', () => {
    expect(paragraphs.flat().filter(isPath).length).toBeGreaterThan(30);
    expect(paragraphs.flat().filter(isName).length).toBeGreaterThan(15);
  });
});
