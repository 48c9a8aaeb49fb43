/**
 * Passwords: argon2id (the @node-rs/argon2 default) with the OWASP parameters (19 MiB, 2 passes, 1 lane). A check
 * against an unknown account still runs one hash verification, so timing does not reveal who has an account.
 */
import { z } from 'zod';

const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

// Loaded on the first password hashed or checked, not at every start.
const argon2 = () => import('@node-rs/argon2');

/** NIST SP 800-63B: long rather than complex; at least 12 characters here, at most 256. */
export const passwordSchema = z.string().min(12, 'at least 12 characters').max(256, 'at most 256 characters');

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, options);
}

let dummyHash: Promise<string> | undefined;

/** Verifies a password; with no stored hash, verifies against a dummy so the answer takes as long. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  const { hash, verify } = await argon2();
  if (!stored) {
    dummyHash ??= hash('charter-dummy-password-for-timing', options);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
