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
