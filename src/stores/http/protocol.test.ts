import { describe, expect, it } from 'vitest';
import { sign, verifySignature } from './protocol.js';

const secret = 'adapter-secret-0123456789';
const nonce = 'n0nce-n0nce-n0nce-1';

describe('verifySignature', () => {
  it('accepts a fresh, correctly signed request once and refuses its replay', () => {
    const seen = new Map<string, number>();
    const body = '{"identities":[]}';
    const headers = { timestamp: '1700000000', nonce, signature: sign(secret, '1700000000', nonce, body) };
    expect(verifySignature(secret, headers, body, 1_700_000_010, seen)).toEqual({ ok: true });
    expect(verifySignature(secret, headers, body, 1_700_000_011, seen)).toEqual({ ok: false, reason: 'replayed' });
  });

  it('refuses a changed body, a wrong secret, a stale timestamp and missing headers', () => {
    const body = '{"a":1}';
    const headers = { timestamp: '1700000000', nonce, signature: sign(secret, '1700000000', nonce, body) };
    expect(verifySignature(secret, headers, '{"a":2}', 1_700_000_000, new Map())).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature('another-secret-0123456', headers, body, 1_700_000_000, new Map())).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature(secret, headers, body, 1_700_000_301, new Map())).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature(secret, { ...headers, nonce: undefined }, body, 1_700_000_000, new Map())).toEqual({
      ok: false,
      reason: 'missing',
    });
  });
});
