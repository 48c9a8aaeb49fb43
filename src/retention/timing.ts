/**
 * Time arithmetic of retention (pure): the cutoffs of a plan (now and the end of each of the next 12 months), the
 * renewals still in force at a cutoff, and the next daily run of a schedule.
 */
import { addDuration, duration } from '../charter/duration.js';

/** How many months ahead the plan looks. */
export const planMonths = 12;

/** `at`, then `at` + 1 month … + 12 months (calendar-correct: 31 January + 1 month is the end of February). */
export function planCutoffs(at: Date, months: number = planMonths): Date[] {
  const cutoffs = [at];
  for (let i = 1; i <= months; i++) cutoffs.push(addDuration(at, { years: 0, months: i, weeks: 0, days: 0 }));
  return cutoffs;
}

/** From cumulative counts at each cutoff: due now, then the rows that become due in each following month. */
export function monthlyCounts(cumulative: readonly number[]): { dueNow: number; byMonth: number[] } {
  const dueNow = cumulative[0] ?? 0;
  const byMonth: number[] = [];
  for (let i = 1; i < cumulative.length; i++)
    byMonth.push(Math.max(0, (cumulative[i] ?? 0) - (cumulative[i - 1] ?? 0)));
  return { dueNow, byMonth };
}

export interface Renewal {
  /** Normalised email of the person (lower-cased, trimmed). */
  email: string;
  /** When the purpose consent in force was given. */
  grantedAt: Date;
}

/**
 * The emails whose fresh consent still keeps their rows at `cutoff`: a grant at `t` moves the anchor to `t`, so the
 * row is not due before `t + period`. Rows of the others are due on their own anchor.
 */
export function renewedAt(renewals: readonly Renewal[], period: string, cutoff: Date): string[] {
  const value = duration(period);
  return renewals.filter((r) => addDuration(r.grantedAt, value) > cutoff).map((r) => r.email);
}

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeOfDay(value: string): boolean {
  return timePattern.test(value);
}

/** The first instant strictly after `now` at `timeOfDay` (UTC, `HH:MM`). */
export function nextDailyRun(timeOfDay: string, now: Date): Date {
  const match = timePattern.exec(timeOfDay);
  if (!match) throw new Error(`not a time of day: ${timeOfDay}`);
  const next = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), Number(match[1]), Number(match[2])),
  );
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}
