import { describe, expect, it } from 'vitest';
import {
  acceptedStep,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  stepIsFresh,
  totpCode,
  totpUri,
} from './two-factor-rules.js';

// RFC 6238 Appendix B: the SHA-1 key "12345678901234567890" (base32 below) gives 94287082 at T=59 (8 digits);
// with 6 digits that is its last six.
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP rules', () => {
  it('computes the RFC 6238 test vector (6 digits)', () => {
    expect(totpCode(rfcSecret, new Date(59_000))).toBe('287082');
    expect(totpCode(rfcSecret, new Date(1_111_111_109_000))).toBe('081804');
  });

  it('accepts a code of this step and of one step either side, with its step number', () => {
    const at = new Date(1_111_111_109_000);
    const step = Math.floor(at.getTime() / 30_000);
    expect(acceptedStep(rfcSecret, totpCode(rfcSecret, at), at)).toBe(step);
    expect(acceptedStep(rfcSecret, totpCode(rfcSecret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(acceptedStep(rfcSecret, totpCode(rfcSecret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(acceptedStep(rfcSecret, totpCode(rfcSecret, new Date(at.getTime() - 90_000)), at)).toBeUndefined();
  });

  it('forgives spaces in a typed code and refuses what is not six digits', () => {
    const at = new Date(59_000);
    expect(acceptedStep(rfcSecret, '287 082', at)).toBe(1);
    expect(acceptedStep(rfcSecret, '28708', at)).toBeUndefined();
    expect(acceptedStep(rfcSecret, 'abcdef', at)).toBeUndefined();
  });

  it('refuses a step not later than the last accepted one (replay within the window)', () => {
    expect(stepIsFresh(10, null)).toBe(true);
    expect(stepIsFresh(11, 10)).toBe(true);
    expect(stepIsFresh(10, 10)).toBe(false);
    expect(stepIsFresh(9, 10)).toBe(false);
  });

  it('makes 160-bit secrets and an otpauth URI an app reads', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'ann@example.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Charter');
    expect(uri.searchParams.get('digits')).toBe('6');
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes in a readable form', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
  });

  it('takes a code typed in capitals, without the dash or with spaces', () => {
    expect(normaliseRecoveryCode('K7WQ2MX9AD')).toBe('k7wq2-mx9ad');
    expect(normaliseRecoveryCode(' k7wq2 mx9ad ')).toBe('k7wq2-mx9ad');
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
