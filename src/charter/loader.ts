/**
 * Loads charter.yaml: parses YAML keeping source positions, validates the shape with zod, checks references, and
 * reports every problem at once as `file:line:col: path: message`. Pure over text; `loadCharterFile` (template-files.ts) is the thin
 * file-reading edge.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { checkReferences, closest, type IssuePath } from './references.js';
import { referencesDespiteShape } from './validate-one-pass.js';
import { charterSchema, type Charter } from './schema.js';
import { resolveTemplates, type ReadTemplate, type TemplateDocument } from './templates.js';

export interface CharterProblem {
  file: string;
  line: number;
  column: number;
  /** Dotted path to the value, e.g. `purposes[2].legalBasis`; empty for the document. */
  path: string;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Maps a path in the charter to its line and column in the source. */
export type Locate = (path: IssuePath, key?: string) => { line: number; col: number; file?: string };

export interface LoadOptions {
  /** Reads the template a charter `extends` (templates.ts); without it, a charter that extends one is refused. */
  readTemplate?: ReadTemplate | undefined;
}

export type LoadResult =
  | { ok: true; charter: Charter; problems: CharterProblem[]; locate: Locate }
  | { ok: false; problems: CharterProblem[] };

/** `file:line:col: path: message`, the format editors and CI understand. */
export function formatProblem(problem: CharterProblem): string {
  const where = problem.path ? `${problem.path}: ` : '';
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${where}${problem.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/**
 * Bounds of a charter's text. A real charter is far below each (the largest example: 40 kB, 9 levels, no alias);
 * text past them is refused with a problem before it can cost the server its memory or its stack — a "billion
 * laughs" alias bomb expands a few hundred bytes into gigabytes, 10,000 nested brackets overflow a recursive walk.
 */
export const charterLimits = { characters: 1_000_000, depth: 32, aliases: 100 } as const;

/**
 * Parses and validates charter text. Never throws for bad input: every problem is in the result. A charter that
 * `extends` a template is resolved first (templates.ts), with `options.readTemplate` reading the files.
 */
export function loadCharter(text: string, file = 'charter.yaml', options: LoadOptions = {}): LoadResult {
  const parsed = parseCharterDocument(text, file);
  if (!parsed.ok) return parsed;
  if (parsed.document.value.extends === undefined)
    return validateCharter(parsed.document.value, file, parsed.document.locate);
  const resolved = resolveTemplates(parsed.document, options.readTemplate);
  if (!resolved.ok) {
    return {
      ok: false,
      problems: resolved.problems.map((p) => ({
        file: p.file,
        line: p.line,
        column: p.col,
        path: formatPath(p.path),
        code: 'template',
        message: p.message,
        severity: 'error' as const,
      })),
    };
  }
  return validateCharter(resolved.value, file, resolved.locate);
}

/**
 * Parses one YAML document of a charter or a template (a mapping), with the positions of its paths; the bounds of
 * `charterLimits` apply to each file.
 */
export function parseCharterDocument(
  text: string,
  file: string,
): { ok: true; document: TemplateDocument } | { ok: false; problems: CharterProblem[] } {
  const refuse = (code: string, message: string, line = 1, column = 1) => ({
    ok: false as const,
    problems: [{ file, line, column, path: '', code, message, severity: 'error' as const }],
  });
  if (text.length > charterLimits.characters)
    return refuse('too_large', `a charter has at most ${charterLimits.characters} characters`);
  const lineCounter = new LineCounter();
  // Before the parser sees it: the yaml package runs out of memory (not a catchable error) on a few thousand compact
  // nested block sequences (`- - - - x`), and spends long on thousands of flow brackets.
  const nesting = nestingBeyond(text, charterLimits.depth);
  if (nesting !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = 0; i < nesting; i++) if (text[i] === '\n') lineCounter.addNewLine(i + 1);
    const { line, col } = lineCounter.linePos(nesting);
    return refuse('too_deep', `a charter nests at most ${charterLimits.depth} levels`, line, col);
  }
  let document: Document;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The parser recurses on nesting; past the stack it throws RangeError. Anything else is a parser bug, not input.
    if (error instanceof RangeError) return refuse('too_deep', `a charter nests at most ${charterLimits.depth} levels`);
    throw error;
  }
  const problems: CharterProblem[] = [];
  const position = (offset: number) => lineCounter.linePos(offset);

  for (const error of document.errors) {
    const [start] = error.pos;
    const { line, col } = position(start);
    problems.push({
      file,
      line,
      column: col,
      path: '',
      code: 'yaml_syntax',
      message: firstLine(error.message),
      severity: 'error',
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const tooDeep = deeperThan(document.contents, charterLimits.depth);
  if (tooDeep) {
    const { line, col } = position(tooDeep.range?.[0] ?? 0);
    return refuse('too_deep', `a charter nests at most ${charterLimits.depth} levels`, line, col);
  }

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: charterLimits.aliases });
  } catch (error) {
    // yaml throws ReferenceError when resolving the aliases would pass maxAliasCount (an alias bomb).
    if (error instanceof ReferenceError || error instanceof RangeError)
      return refuse('too_many_aliases', `a charter resolves at most ${charterLimits.aliases} aliases`);
    throw error;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return refuse('not_a_mapping', 'a charter is a YAML mapping with keys such as organisation, purposes, sites');
  }
  return {
    ok: true,
    document: {
      file,
      value: value as Record<string, unknown>,
      locate: (path, key) => locate(document, path, key, position),
    },
  };
}

/** Validates an already-parsed value (JSON bodies); `locate` maps a path to a position when a source exists. */
export function validateCharter(
  value: unknown,
  file = 'charter.json',
  locate: Locate = () => ({ line: 1, col: 1 }),
): LoadResult {
  const problems: CharterProblem[] = [];
  const push = (path: IssuePath, code: string, message: string, key?: string) => {
    // The file the value was written in: a template's when the charter extends one.
    const { line, col, file: from } = locate(path, key);
    problems.push({
      file: from ?? file,
      line,
      column: col,
      path: formatPath(key ? [...path, key] : path),
      code,
      message,
      severity: 'error',
    });
  };

  const parsed = charterSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const known = knownKeysAt(charterSchema, path);
        for (const key of issue.keys) {
          const suggestion = closest(key, known);
          push(path, 'unknown_key', `unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`, key);
        }
      } else {
        push(path, issue.code, describeIssue(issue));
      }
    }
    // Reference problems in the same pass, outside the items with shape errors: fixing one round must not reveal another.
    for (const problem of referencesDespiteShape(value, parsed.error.issues))
      push(problem.path, problem.code, problem.message);
    return { ok: false, problems: sortProblems(problems) };
  }

  for (const problem of checkReferences(parsed.data)) push(problem.path, problem.code, problem.message);
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, charter: parsed.data, problems: [], locate };
}

/**
 * The offset where the text nests deeper than `limit` levels, by a scan of the characters: flow brackets outside
 * quoted scalars and comments, and block indentation (leading spaces and compact `- ` / `? ` indicators, two columns a
 * level). An approximation on the safe side of the parser's own nesting; undefined when within the limit.
 */
export function nestingBeyond(text: string, limit: number): number | undefined {
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (ch === ' ' || ((ch === '-' || ch === '?') && text[i + 1] === ' ')) {
        indent++;
        if (indent > 2 * limit + 2) return i;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    // A quote opens a quoted scalar only where a scalar starts (not the apostrophe in `don't`).
    if ((ch === '"' || ch === "'") && (i === 0 || /[\s:[{,]/.test(text[i - 1]!))) quote = ch;
    else if (ch === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (ch === '[' || ch === '{') {
      if (++flow > limit) return i;
    } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
  }
  return undefined;
}

/** The first node nested deeper than `limit` collections, found without recursion (the walk must not overflow either). */
function deeperThan(root: unknown, limit: number): Node | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth >= limit) return node;
      for (const item of node.items) {
        if (isPair(item)) {
          stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required: expected ${issue.expected}`;
  return issue.message;
}

function sortProblems(problems: CharterProblem[]): CharterProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Finds the position of the deepest node on `path` (of the key itself when `key` is given). */
function locate(
  document: Document,
  path: IssuePath,
  key: string | undefined,
  position: (offset: number) => { line: number; col: number },
): { line: number; col: number } {
  let node: unknown = document.contents;
  let offset = document.contents?.range?.[0] ?? 0;
  const steps = key === undefined ? path : [...path, key];
  for (const [i, step] of steps.entries()) {
    const isLastKey = key !== undefined && i === steps.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (isLastKey) {
        offset = keyNode.range?.[0] ?? offset;
        break;
      }
      node = pair.value;
      offset = (pair.value as Node | null)?.range?.[0] ?? keyNode.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as Node | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return position(offset);
}

/** The keys a strict object accepts at `path`, for "did you mean" hints. */
function knownKeysAt(schema: z.core.$ZodType, path: IssuePath): string[] {
  let current: z.core.$ZodType | undefined = unwrap(schema);
  for (const step of path) {
    if (!current) return [];
    const def = current._zod.def as {
      type: string;
      shape?: Record<string, z.core.$ZodType>;
      element?: z.core.$ZodType;
      valueType?: z.core.$ZodType;
    };
    if (def.type === 'object' && def.shape && typeof step === 'string') current = unwrap(def.shape[step]);
    else if (def.type === 'array' && def.element) current = unwrap(def.element);
    else if (def.type === 'record' && def.valueType) current = unwrap(def.valueType);
    else return [];
  }
  const def = current?._zod.def as
    { type: string; shape?: Record<string, unknown>; options?: z.core.$ZodType[] } | undefined;
  if (def?.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def?.type === 'union' && def.options) {
    return def.options.flatMap((option) => {
      const inner = unwrap(option)?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
      return inner?.type === 'object' && inner.shape ? Object.keys(inner.shape) : [];
    });
  }
  return [];
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  for (let i = 0; i < 10 && current; i++) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    if (def.innerType && ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type))
      current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
  return current;
}
