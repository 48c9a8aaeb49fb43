/**
 * The one rule for turning a caught error into text that may be stored, shown and logged. Charter's own errors (store
 * errors, app errors, invariants) carry ids and counts, never personal data, by construction; anything else — above all
 * a database driver's error, which may quote the value it refused ("duplicate key value (email)=(ann@…)") — keeps only
 * its class name.
 */

/** Names of the error classes whose messages Charter writes itself, without personal data. */
const ownErrors = new Set(['StoreError', 'AppError', 'InvariantError']);

/** An error message that is safe to store and log (at most 300 characters). */
export function safeMessage(error: unknown): string {
  if (!(error instanceof Error)) return 'error';
  if (ownErrors.has(error.name)) return error.message.slice(0, 300);
  return error.name;
}
