/**
 * Comparing a secret someone sent (a CSRF token, a typed one-time code's HMAC) with the one on file without telling
 * them, through the time taken, how much of it was right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether two secrets are equal, in time that depends on neither: both are hashed to SHA-256 first, so even their
 * lengths differing takes the same path as any other mismatch (`timingSafeEqual` alone needs equal lengths).
 *
 * @example sameSecret(sentToken, session.csrfToken)
 */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
