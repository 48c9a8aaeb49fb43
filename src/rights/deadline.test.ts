import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDurationInZone,
  addMonths,
  daysInMonth,
  daysLeft,
  deadlineAfter,
  extendedDeadline,
  fromLocal,
  reminderAt,
  requestDeadline,
  toLocal,
  zoneOffset,
} from './deadline.js';

const instants = fc.date({
  min: new Date('1999-12-01T00:00:00Z'),
  max: new Date('2101-01-31T00:00:00Z'),
  noInvalidDate: true,
});
const hour = 3_600_000;

describe('deadline of a request (Art. 12(3), Europe/Brussels)', () => {
  it('is the end of the same date one month later, clamped at month ends', () => {
    expect(requestDeadline(new Date('2025-01-31T10:00:00Z')).dueOn).toBe('2025-02-28');
    expect(requestDeadline(new Date('2024-01-31T10:00:00Z')).dueOn).toBe('2024-02-29');
    expect(requestDeadline(new Date('2100-01-31T10:00:00Z')).dueOn).toBe('2100-02-28');
    expect(requestDeadline(new Date('2000-01-30T10:00:00Z')).dueOn).toBe('2000-02-29');
    expect(requestDeadline(new Date('2025-03-31T10:00:00Z')).dueOn).toBe('2025-04-30');
    expect(requestDeadline(new Date('2025-12-15T10:00:00Z')).dueOn).toBe('2026-01-15');
    // The end of 28 February in Brussels (winter time, UTC+1) is 23:00 UTC.
    expect(requestDeadline(new Date('2025-01-31T10:00:00Z')).dueAt.toISOString()).toBe('2025-02-28T23:00:00.000Z');
  });

  it('counts the day of receipt in Brussels, not in UTC', () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Brussels.
    expect(requestDeadline(new Date('2025-01-31T23:30:00Z')).dueOn).toBe('2025-03-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Brussels (summer time, UTC+2).
    expect(requestDeadline(new Date('2025-06-30T22:30:00Z')).dueOn).toBe('2025-08-01');
    expect(requestDeadline(new Date('2025-06-30T21:30:00Z')).dueOn).toBe('2025-07-30');
  });

  it('ends at local midnight across changes of summer time', () => {
    // Received in winter time, due in summer time: the end of 30 March 2025 (CEST) is 22:00 UTC.
    expect(requestDeadline(new Date('2025-02-28T12:00:00Z')).dueAt.toISOString()).toBe('2025-03-28T23:00:00.000Z');
    expect(requestDeadline(new Date('2025-03-01T12:00:00Z')).dueOn).toBe('2025-04-01');
    expect(requestDeadline(new Date('2025-03-01T12:00:00Z')).dueAt.toISOString()).toBe('2025-04-01T22:00:00.000Z');
    // Received in summer time, due in winter time.
    expect(requestDeadline(new Date('2025-10-01T12:00:00Z')).dueAt.toISOString()).toBe('2025-11-01T23:00:00.000Z');
  });

  it('extends to three months from receipt, clamped', () => {
    expect(extendedDeadline(new Date('2025-01-31T10:00:00Z')).dueOn).toBe('2025-04-30');
    expect(extendedDeadline(new Date('2023-11-30T10:00:00Z')).dueOn).toBe('2024-02-29');
  });

  it('property: due on the same day of the next month, or that month’s last day when it is shorter', () => {
    fc.assert(
      fc.property(instants, (receivedAt) => {
        const local = toLocal(receivedAt);
        const [year, month, day] = requestDeadline(receivedAt).dueOn.split('-').map(Number) as [number, number, number];
        const expectedMonth = local.month === 12 ? 1 : local.month + 1;
        const expectedYear = local.month === 12 ? local.year + 1 : local.year;
        expect(month).toBe(expectedMonth);
        expect(year).toBe(expectedYear);
        expect(day).toBe(Math.min(local.day, daysInMonth(expectedYear, expectedMonth)));
      }),
    );
  });

  it('property: the deadline is a Brussels midnight, 28 to 32 days after receipt, and never earlier for a later receipt', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 40 * 24 * hour }), (receivedAt, later) => {
        const { dueAt } = requestDeadline(receivedAt);
        const local = toLocal(dueAt);
        expect([local.hour, local.minute, local.second, local.millisecond]).toEqual([0, 0, 0, 0]);
        const days = (dueAt.getTime() - receivedAt.getTime()) / (24 * hour);
        // At least 28 days from the last minute of a day in February, less an hour when summer time begins in between.
        expect(days).toBeGreaterThanOrEqual(28 - 1 / 24);
        expect(days).toBeLessThanOrEqual(32 + 1 / 24);
        const second = requestDeadline(new Date(receivedAt.getTime() + later));
        expect(second.dueAt.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
      }),
    );
  });

  it('property: the extended deadline is never before the first and at most three months after receipt', () => {
    fc.assert(
      fc.property(instants, (receivedAt) => {
        const first = requestDeadline(receivedAt);
        const extended = extendedDeadline(receivedAt);
        expect(extended.dueAt.getTime()).toBeGreaterThan(first.dueAt.getTime());
        expect(extended.dueOn).toBe(deadlineAfter(receivedAt, 3).dueOn);
        expect((extended.dueAt.getTime() - receivedAt.getTime()) / (24 * hour)).toBeLessThanOrEqual(93 + 1 / 24);
      }),
    );
  });
});

describe('wall-clock arithmetic in Europe/Brussels', () => {
  it('knows winter and summer time', () => {
    expect(zoneOffset(new Date('2025-01-15T12:00:00Z'))).toBe(hour);
    expect(zoneOffset(new Date('2025-07-15T12:00:00Z'))).toBe(2 * hour);
    // The changes happen at 01:00 UTC on the last Sundays of March and October.
    expect(zoneOffset(new Date('2025-03-30T00:59:59Z'))).toBe(hour);
    expect(zoneOffset(new Date('2025-03-30T01:00:00Z'))).toBe(2 * hour);
    expect(zoneOffset(new Date('2025-10-26T00:59:59Z'))).toBe(2 * hour);
    expect(zoneOffset(new Date('2025-10-26T01:00:00Z'))).toBe(hour);
  });

  it('moves a wall-clock time skipped in spring forward by the gap', () => {
    const skipped = fromLocal({ year: 2025, month: 3, day: 30, hour: 2, minute: 30, second: 0, millisecond: 0 });
    expect(skipped.toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(toLocal(skipped).hour).toBe(3);
  });

  it('keeps the local time of day when adding days across a change of summer time (grace periods)', () => {
    const before = new Date('2025-03-27T09:00:00Z'); // 10:00 CET
    const after = addDurationInZone(before, 'P7D');
    expect(after.toISOString()).toBe('2025-04-03T08:00:00.000Z'); // 10:00 CEST
    expect(after.getTime() - before.getTime()).toBe(7 * 24 * hour - hour);
    expect(addDurationInZone(new Date('2025-10-20T08:00:00Z'), 'P7D').toISOString()).toBe('2025-10-27T09:00:00.000Z');
  });

  it('property: instant → local → instant is the identity, except that a wall-clock time happening twice takes the later', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        const local = toLocal(instant);
        const back = fromLocal(local);
        expect(toLocal(back)).toEqual(local);
        // Only in the repeated hour of the autumn change may the instant differ, by exactly that hour.
        if (back.getTime() !== instant.getTime()) {
          expect(back.getTime() - instant.getTime()).toBe(hour);
          expect([local.month, local.hour]).toEqual([10, 2]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the later of the two instants of a wall-clock time repeated in autumn', () => {
    const local = { year: 2020, month: 10, day: 25, hour: 2, minute: 0, second: 0, millisecond: 0 };
    expect(fromLocal(local).toISOString()).toBe('2020-10-25T01:00:00.000Z');
    expect(toLocal(new Date('2020-10-25T00:00:00Z'))).toEqual(local);
  });

  it('property: adding days keeps the wall-clock time, and adding then subtracting months never lands later', () => {
    fc.assert(
      fc.property(
        instants,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 36 }),
        (instant, days, months) => {
          const local = toLocal(instant);
          const moved = toLocal(addDurationInZone(instant, { years: 0, months: 0, weeks: 0, days }));
          // Only a time inside the spring gap may shift (by the gap).
          if (!(moved.hour !== local.hour && moved.month === 3)) {
            expect([moved.hour, moved.minute, moved.second]).toEqual([local.hour, local.minute, local.second]);
          }
          const there = addMonths(local, months);
          const back = addMonths(there, -months);
          expect(back.day).toBeLessThanOrEqual(local.day);
          expect([back.year, back.month]).toEqual([local.year, local.month]);
        },
      ),
    );
  });
});

describe('reminders and days left', () => {
  it('reminds the officer 7 and 2 days before the end of the due day', () => {
    const { dueAt, dueOn } = requestDeadline(new Date('2025-01-31T10:00:00Z'));
    expect(reminderAt(dueAt, 7).toISOString()).toBe('2025-02-21T23:00:00.000Z');
    expect(reminderAt(dueAt, 2).toISOString()).toBe('2025-02-26T23:00:00.000Z');
    expect(daysLeft(new Date('2025-02-21T23:30:00Z'), dueOn)).toBe(6);
    expect(daysLeft(new Date('2025-02-28T12:00:00Z'), dueOn)).toBe(0);
    expect(daysLeft(new Date('2025-03-02T12:00:00Z'), dueOn)).toBe(-2);
  });

  it('property: reminders come before the deadline, the 7-day one first', () => {
    fc.assert(
      fc.property(instants, (receivedAt) => {
        const { dueAt } = requestDeadline(receivedAt);
        const seven = reminderAt(dueAt, 7);
        const two = reminderAt(dueAt, 2);
        expect(seven.getTime()).toBeLessThan(two.getTime());
        expect(two.getTime()).toBeLessThan(dueAt.getTime());
        expect(Math.round((dueAt.getTime() - two.getTime()) / hour)).toBeGreaterThanOrEqual(47);
      }),
    );
  });
});
