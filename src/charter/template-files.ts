/**
 * The file edge of templates (templates.ts): a charter's `extends` names a file relative to the charter. Used where
 * the files are — `charter validate/lint/apply/notice`, and `serve` with a charter file. A charter that extends a
 * template is sent to a server (and stored) resolved, so the server, the console editor and the revision history
 * all see the one charter that applies, with a comment naming the files it was made from.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { loadCharter, parseCharterDocument, type CharterProblem, type LoadResult } from './loader.js';
import { resolveTemplates, type ReadTemplate } from './templates.js';

/** Reads a template relative to the file that extends it. */
export const readTemplateFile: ReadTemplate = (name, fromFile) => {
  const path = isAbsolute(name) ? name : join(dirname(fromFile), name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? `file not found (${path})` : `cannot read ${path}`,
    };
  }
  const parsed = parseCharterDocument(text, path);
  if (!parsed.ok)
    return { problem: parsed.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('; ') };
  return { document: parsed.document };
};

/** Loads charter text whose templates are files next to it. */
export function loadCharterWithTemplates(text: string, file: string): LoadResult {
  return loadCharter(text, file, { readTemplate: readTemplateFile });
}

/**
 * The charter text to send or store: the text itself when it extends nothing; else the resolved charter as YAML,
 * headed by the files it came from. Problems (with the file each value came from) when it does not load.
 */
export function resolvedCharterSource(
  text: string,
  file: string,
  cwd: string,
): { ok: true; source: string; files: string[] } | { ok: false; problems: CharterProblem[] } {
  const parsed = parseCharterDocument(text, file);
  if (!parsed.ok) return parsed;
  if (parsed.document.value.extends === undefined) return { ok: true, source: text, files: [file] };
  const loaded = loadCharterWithTemplates(text, file);
  if (!loaded.ok) return loaded;
  const resolved = resolveTemplates(parsed.document, readTemplateFile);
  if (!resolved.ok) throw new Error('templates resolved for loading but not for the source');
  const names = resolved.files.map((f) => relative(cwd, f) || f);
  const header = `# Resolved by charter from ${names.join(' extending ')}; edit those files, not this text.\n`;
  return { ok: true, source: header + stringify(resolved.value, { lineWidth: 0 }), files: resolved.files };
}

/** Reads and loads a charter file; a missing or unreadable file is a problem, not an exception. */
export async function loadCharterFile(path: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot read the file';
    return {
      ok: false,
      problems: [{ file: path, line: 1, column: 1, path: '', code: 'unreadable', message: reason, severity: 'error' }],
    };
  }
  // Templates are files next to the charter.
  return loadCharter(text, path, { readTemplate: readTemplateFile });
}
