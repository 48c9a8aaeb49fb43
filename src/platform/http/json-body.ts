/**
 * The JSON body parser of every route: JSON.parse behind bounds, so that no handler, zod schema or serializer walks a
 * shape an attacker chose to exhaust it. Past a bound the answer is 422 with the path of the offending value (or 400
 * for what is not JSON). Fastify's own parser refuses `__proto__` and `constructor.prototype` keys; this one does too.
 */
import { AppError, invalidInput } from '../errors.js';

/** Real bodies stay far below: a charter sent as JSON nests about 9 levels, the longest list has a few hundred items. */
export const jsonLimits = { depth: 32, arrayItems: 10_000, objectKeys: 1_000 } as const;

/**
 * The first offset where the text nests deeper than `limit` arrays and objects (strings skipped), or undefined. Run
 * before parsing: a recursive walk of 10,000 nested arrays would overflow the stack.
 */
function nestingBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return i;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return undefined;
}

const malformed = () => new AppError('malformed_body', 400, 'The body is not valid JSON.');

/** Parses a JSON body within `jsonLimits`; throws an AppError (400 or 422 with the field path) otherwise. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw new AppError('bad_request', 400, 'The body is empty; send a JSON document.');
  const deep = nestingBeyond(text, jsonLimits.depth);
  if (deep !== undefined)
    throw invalidInput([
      { path: 'body', message: `nested more than ${jsonLimits.depth} levels deep (at character ${deep})` },
    ]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed();
  }
  // Iterative walk with paths: lengths of arrays, numbers of keys, and the prototype-pollution keys.
  const stack: { value: unknown; path: string }[] = [{ value, path: 'body' }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!;
    if (Array.isArray(node)) {
      if (node.length > jsonLimits.arrayItems)
        throw invalidInput([{ path, message: `at most ${jsonLimits.arrayItems} items` }]);
      node.forEach((item, index) => {
        if (item !== null && typeof item === 'object') stack.push({ value: item, path: `${path}.${index}` });
      });
    } else if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      if (keys.length > jsonLimits.objectKeys)
        throw invalidInput([{ path, message: `at most ${jsonLimits.objectKeys} keys` }]);
      for (const key of keys) {
        const child = (node as Record<string, unknown>)[key];
        if (
          key === '__proto__' ||
          (key === 'constructor' && child !== null && typeof child === 'object' && 'prototype' in child)
        ) {
          throw new AppError('bad_request', 400, 'The body holds a forbidden key.', [
            { path: `${path}.${key}`, message: 'a key that would change object prototypes' },
          ]);
        }
        if (child !== null && typeof child === 'object') stack.push({ value: child, path: `${path}.${key}` });
      }
    }
  }
  return value;
}
