import { describe, expect, it } from 'vitest';
import { mannWhitney, normalCdf } from '../support/distributions.js';

describe('the Mann–Whitney test of the enumeration tests', () => {
  it('computes the normal distribution function', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalCdf(-3.290527)).toBeCloseTo(0.0005, 5);
  });

  it('finds no difference between samples of one distribution', () => {
    const a = Array.from({ length: 30 }, (_, i) => 10 + ((i * 7) % 11) / 10);
    const b = Array.from({ length: 30 }, (_, i) => 10 + ((i * 5 + 3) % 11) / 10);
    expect(mannWhitney(a, b).p).toBeGreaterThan(0.1);
  });

  it('finds a clear difference between shifted samples (the 109 ms vs 1.2 ms reset of issue 16)', () => {
    const a = Array.from({ length: 30 }, (_, i) => 100 + (i % 10));
    const b = Array.from({ length: 30 }, (_, i) => 1 + (i % 10) / 10);
    const result = mannWhitney(a, b);
    expect(result.u).toBe(900);
    expect(result.p).toBeLessThan(1e-9);
  });

  it('matches a hand computation: U = 5, z = 1.462, p = 0.144 for these n = 5 + 5 (continuity corrected)', () => {
    const result = mannWhitney([1, 2, 3, 5, 9], [4, 6, 7, 8, 10]);
    expect(result.u).toBe(5);
    expect(result.z).toBeCloseTo(1.4625, 3);
    expect(result.p).toBeCloseTo(0.1436, 3);
  });
});
