/**
 * Pure rules of two-factor authentication: TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) and recovery codes.
 * No database and no clock of their own: the caller passes the time, and stores what these functions return.
 */
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

export const totpPeriodSeconds = 30;
/** RFC 6238 §5.2: accept one step either side for clock drift between the phone and the server. */
export const totpWindowSteps = 1;
export const recoveryCodeCount = 10;

/** A fresh TOTP secret (160 bits, RFC 4226 §4), in base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secret: string, label = 'Charter'): TOTP {
  return new TOTP({
    issuer: 'Charter',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: totpPeriodSeconds,
    secret: Secret.fromBase32(secret),
  });
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountLabel: string): string {
  return totpOf(secret, accountLabel).toString();
}

/** The code for a time (tests and the manual check of an enrolment). */
export function totpCode(secret: string, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}

/** Codes are typed by people: spaces and dashes are forgiven. */
export function normaliseTotpCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

/**
 * The time step a code belongs to, when it is valid at `at` (within the drift window), else undefined. The caller
 * refuses a step not later than the last accepted one: a code is used once (RFC 6238 §5.2).
 */
export function acceptedStep(secret: string, code: string, at: Date): number | undefined {
  const token = normaliseTotpCode(code);
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totpOf(secret).validate({ token, timestamp: at.getTime(), window: totpWindowSteps });
  if (delta === null) return undefined;
  return TOTP.counter({ period: totpPeriodSeconds, timestamp: at.getTime() }) + delta;
}

/** Whether a step may be used after the last accepted one (replay within the window is refused). */
export function stepIsFresh(step: number, lastStep: number | null): boolean {
  return lastStep === null || step > lastStep;
}

// Without 0/1/i/l/o/u: nothing to confuse when copied from paper. The modulo bias of 256 % 30 is immaterial here.
const recoveryAlphabet = 'abcdefghjkmnpqrstvwxyz23456789';

/** Ten single-use recovery codes like `k7wq2-mx9ad` (about 49 random bits each). Shown once, stored hashed. */
export function newRecoveryCodes(count = recoveryCodeCount): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => recoveryAlphabet[b % recoveryAlphabet.length]!).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed (any case, with or without the dash or spaces) in its stored form. */
export function normaliseRecoveryCode(code: string): string {
  const bare = code.toLowerCase().replace(/[\s-]/g, '');
  return bare.length === 10 ? `${bare.slice(0, 5)}-${bare.slice(5)}` : bare;
}

/** Whether what was typed looks like a recovery code rather than a TOTP code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
}
