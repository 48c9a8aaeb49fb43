/**
 * Erase strategies and their fit with a live column. Pure.
 *
 * `hash` writes a keyed HMAC-SHA256 (so the same person hashes to the same value — joins and uniqueness survive —
 * but nobody without the key can test a guess), marked with a prefix so it is recognised and never hashed twice:
 * applying any strategy a second time changes nothing, which makes erasure safe to re-run after a crash.
 */
import { createHash, createHmac } from 'node:crypto';
import type { EraseStrategy, LiveColumn } from './connector.js';

export const defaultRedactToken = '[erased]';
export const hashPrefix = 'h:';
/** Length of a hashed value: the prefix and 32 hex digits (128 bits of the HMAC). */
export const hashLength = hashPrefix.length + 32;

export function isHashed(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    value.length === hashLength &&
    value.startsWith(hashPrefix) &&
    /^[0-9a-f]{32}$/.test(value.slice(2))
  );
}

/** The keyed hash of a value; a value that is already a hash is returned unchanged; null stays null. */
export function hashValue(value: unknown, key: Buffer): string | null {
  if (value === null || value === undefined) return null;
  if (isHashed(value)) return value as string;
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'string' ||
          typeof value === 'number' ||
          typeof value === 'boolean' ||
          typeof value === 'bigint'
        ? String(value)
        : JSON.stringify(value);
  return hashPrefix + createHmac('sha256', key).update(text, 'utf8').digest('hex').slice(0, 32);
}

/**
 * The two padded keys of HMAC-SHA256 (RFC 2104): HMAC(K, m) = SHA256(outer || SHA256(inner || m)). With them a
 * database that has SHA-256 (PostgreSQL 11+) computes exactly `hashValue` itself, without the key leaving for
 * anything but the statement's parameters.
 */
export function hmacPads(key: Buffer): { inner: Buffer; outer: Buffer } {
  const block = Buffer.alloc(64);
  (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block);
  const inner = Buffer.alloc(64);
  const outer = Buffer.alloc(64);
  for (let i = 0; i < 64; i++) {
    inner[i] = (block[i] ?? 0) ^ 0x36;
    outer[i] = (block[i] ?? 0) ^ 0x5c;
  }
  return { inner, outer };
}

export interface StrategyProblem {
  code: 'strategy_type' | 'not_null' | 'unique_redact' | 'too_short' | 'key_erased';
  message: string;
}

/**
 * Whether a strategy can be applied to a live column: `null` needs a nullable column, `hash` and `redact` write
 * text (and the hash needs room for 34 characters), `redact` on a unique column would collide on the second row.
 */
export function strategyProblems(
  strategy: EraseStrategy,
  column: LiveColumn,
  options: { isPrimaryKey?: boolean; redactToken?: string } = {},
): StrategyProblem[] {
  const problems: StrategyProblem[] = [];
  const token = options.redactToken ?? defaultRedactToken;
  if (options.isPrimaryKey && strategy !== 'keep' && strategy !== 'delete') {
    problems.push({
      code: 'key_erased',
      message: `the primary key "${column.name}" cannot be erased with ${strategy}: use keep or delete`,
    });
  }
  if (strategy === 'null' && !column.nullable) {
    problems.push({
      code: 'not_null',
      message: `"${column.name}" is NOT NULL (${column.rawType}): erase: null would fail; use delete, redact or hash, or make the column nullable`,
    });
  }
  if (strategy === 'hash' || strategy === 'redact') {
    if (column.family !== 'text') {
      problems.push({
        code: 'strategy_type',
        message: `"${column.name}" is ${column.rawType}: erase: ${strategy} writes text; use null or delete`,
      });
    } else if (column.maxLength !== undefined) {
      const needed = strategy === 'hash' ? hashLength : token.length;
      if (column.maxLength < needed) {
        problems.push({
          code: 'too_short',
          message: `"${column.name}" holds at most ${column.maxLength} characters; erase: ${strategy} writes ${needed}`,
        });
      }
    }
  }
  if (strategy === 'redact' && column.unique) {
    problems.push({
      code: 'unique_redact',
      message: `"${column.name}" is unique: erase: redact writes the same token in every row and would collide; use hash or delete`,
    });
  }
  return problems;
}
