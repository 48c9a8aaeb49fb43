import { describe, expect, it } from 'vitest';
import { sameSecret } from './same-secret.js';

describe('sameSecret', () => {
  it('accepts the same secret', () => {
    expect(sameSecret('4f1c9a', '4f1c9a')).toBe(true);
    expect(sameSecret('', '')).toBe(true);
  });

  it('refuses a secret that differs in one character, in length or only in case', () => {
    expect(sameSecret('4f1c9a', '4f1c9b')).toBe(false);
    expect(sameSecret('4f1c9a', '4f1c9a0')).toBe(false);
    expect(sameSecret('4f1c9a', '')).toBe(false);
    expect(sameSecret('abc', 'ABC')).toBe(false);
  });

  it('compares the characters, not their bytes reinterpreted', () => {
    expect(sameSecret('é', 'é')).toBe(true);
    expect(sameSecret('é', 'e\u0301')).toBe(false);
  });
});
