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

/**
 * A fixed hash with the same parameters, verified when there is no stored hash (unknown address, or an account without
 * a password yet), so both paths do one identical argon2 verification. A constant, not hashed at first use: that first
 * unknown sign-in would otherwise pay a hash and a verification.
 */
export const dummyHash =
  '$argon2id$v=19$m=19456,t=2,p=1$3WYepa9YgWVAfrzD7XpwFA$CCgNW19TgNSS/eec7PsRhj6TXCajSP4PStAXi493nsE';

/** Verifies a password; with no stored hash, verifies against a dummy so the answer takes as long. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  const { verify } = await argon2();
  if (!stored) {
    await verify(dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
