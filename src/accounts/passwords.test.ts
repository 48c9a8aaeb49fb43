import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, passwordSchema, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id (19 MiB, 2 passes) and verifies', async () => {
    const hash = await hashPassword('a long enough password');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'a long enough password')).toBe(true);
    expect(await verifyPassword(hash, 'another password here')).toBe(false);
  });

  it('says no, after doing the same work, when there is no stored hash or a broken one', async () => {
    expect(await verifyPassword(null, 'whatever password')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'whatever password')).toBe(false);
  });

  it('verifies unknown accounts against a dummy made with the same parameters as real hashes', async () => {
    const real = await hashPassword('a long enough password');
    expect(dummyHash.split('$').slice(0, 4)).toEqual(real.split('$').slice(0, 4));
  });

  it('asks for 12 to 256 characters', () => {
    expect(passwordSchema.safeParse('short').success).toBe(false);
    expect(passwordSchema.safeParse('twelve chars').success).toBe(true);
    expect(passwordSchema.safeParse('x'.repeat(257)).success).toBe(false);
  });
});
