import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, describeDuration, duration, isAtMost, parseDuration } from './duration.js';

describe('durations', () => {
  it('parses ISO 8601 durations and refuses other text', () => {
    expect(parseDuration('P1Y6M')).toEqual({ years: 1, months: 6, weeks: 0, days: 0 });
    expect(parseDuration('P30D')).toEqual({ years: 0, months: 0, weeks: 0, days: 30 });
    expect(parseDuration('P')).toBeUndefined();
    expect(parseDuration('3 years')).toBeUndefined();
  });

  it('clamps month arithmetic to the end of the month (31 January + 1 month)', () => {
    expect(addDuration(new Date('2025-01-31T10:00:00Z'), duration('P1M')).toISOString()).toBe(
      '2025-02-28T10:00:00.000Z',
    );
    expect(addDuration(new Date('2024-01-31T10:00:00Z'), duration('P1M')).toISOString()).toBe(
      '2024-02-29T10:00:00.000Z',
    );
    expect(addDuration(new Date('2024-02-29T00:00:00Z'), duration('P1Y')).toISOString()).toBe(
      '2025-02-28T00:00:00.000Z',
    );
  });

  it('compares against 13 months', () => {
    expect(isAtMost(duration('P13M'), duration('P13M'))).toBe(true);
    expect(isAtMost(duration('P1Y1M'), duration('P13M'))).toBe(true);
    expect(isAtMost(duration('P14M'), duration('P13M'))).toBe(false);
    expect(isAtMost(duration('P395D'), duration('P13M'))).toBe(true);
    expect(isAtMost(duration('P400D'), duration('P13M'))).toBe(false);
  });

  it('never moves a date backwards when adding, and adding months keeps the day or clamps it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 240 }),
        (from, months) => {
          const to = addDuration(from, { years: 0, months, weeks: 0, days: 0 });
          expect(to.getTime()).toBeGreaterThanOrEqual(from.getTime());
          expect(to.getUTCDate()).toBeLessThanOrEqual(from.getUTCDate());
        },
      ),
    );
  });

  it('describes durations in words', () => {
    expect(describeDuration(duration('P3Y'))).toBe('3 years');
    expect(describeDuration(duration('P1Y6M'))).toBe('1 year and 6 months');
  });
});
