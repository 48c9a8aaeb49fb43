import { describe, expect, it } from 'vitest';
import { RateLimiter } from './ledger-rate-limit.js';

describe('rate limiter', () => {
  it('allows the limit per window and key, then says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')]).toEqual([0, 0, 0]);
    expect(limiter.hit('a')).toBe(60);
    expect(limiter.hit('b')).toBe(0);
    now = 30_000;
    expect(limiter.hit('a')).toBe(30);
  });

  it('lets the previous window weigh less as it slides out', () => {
    let now = 0;
    const limiter = new RateLimiter(4, 60_000, () => now);
    for (let i = 0; i < 4; i++) limiter.hit('a');
    now = 60_000 + 45_000; // three quarters into the next window: 4 × 0.25 = 1 still counts
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')]).toEqual([0, 0, 0]);
    expect(limiter.hit('a')).toBeGreaterThan(0);
  });

  it('forgets everything after two idle windows', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 1000, () => now);
    limiter.hit('a');
    now = 5000;
    expect(limiter.hit('a')).toBe(0);
  });
});

describe('rate limiter memory', () => {
  it('neither stops a crowd of light keys nor lets a heavy one through, with five times more keys than counters', () => {
    let now = 0;
    const limiter = new RateLimiter(50, 60_000, () => now, 4096);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 20_000; i++) expect(limiter.hit(`visitor-${i}`)).toBe(0);
    }
    now = 1_000;
    let allowed = 0;
    while (limiter.hit('heavy') === 0) allowed++;
    // Its counters are shared with ~15 light keys of 3 requests each: it may be stopped a little early, never late.
    expect(allowed).toBeLessThanOrEqual(50);
    expect(allowed).toBeGreaterThanOrEqual(40);
  });

  it('counts a key exactly when its counters are not shared', () => {
    const limiter = new RateLimiter(2, 1000, () => 0, 1 << 16);
    const keys = Array.from({ length: 100 }, (_, i) => `k${i}`);
    for (const key of keys) expect([limiter.hit(key), limiter.hit(key)]).toEqual([0, 0]);
    // Every key is over its limit now, none was stopped early by another key.
    for (const key of keys) expect(limiter.hit(key)).toBe(1);
  });

  it('refuses a width that is not a power of two', () => {
    expect(() => new RateLimiter(1, 1000, () => 0, 1000)).toThrow(/power of two/);
  });
});
