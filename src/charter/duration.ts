/**
 * ISO 8601 durations (years, months, weeks, days) as the charter writes them, and calendar-correct arithmetic on them.
 * Month arithmetic clamps to the end of the month: 31 January + P1M is 28 (or 29) February.
 */

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

const pattern = /^P(?=\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** Parses `P3Y`, `P13M`, `P1Y6M`, `P30D`. Returns undefined for anything else. */
export function parseDuration(text: string): Duration | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const [, y, m, w, d] = match;
  return { years: Number(y ?? 0), months: Number(m ?? 0), weeks: Number(w ?? 0), days: Number(d ?? 0) };
}

/** Parses a duration the schema already validated; throws on a programming error. */
export function duration(text: string): Duration {
  const parsed = parseDuration(text);
  if (!parsed) throw new Error(`not an ISO 8601 duration: ${text}`);
  return parsed;
}

/** Approximate length in days, for comparisons such as "at most 13 months" (a month counts 30.44 days). */
export function approximateDays(value: Duration): number {
  return value.years * 365.25 + value.months * 30.4375 + value.weeks * 7 + value.days;
}

/** Whether `value` is no longer than `limit`, comparing years and months exactly when no days are involved. */
export function isAtMost(value: Duration, limit: Duration): boolean {
  const exact = value.weeks === 0 && value.days === 0 && limit.weeks === 0 && limit.days === 0;
  if (exact) return value.years * 12 + value.months <= limit.years * 12 + limit.months;
  return approximateDays(value) <= approximateDays(limit) + 0.5;
}

/**
 * Adds a duration to an instant in UTC, calendar-correct: months and years keep the day of the month and clamp at the
 * month's end (Art. 12(3) deadlines: a request received on 31 January is due on 28/29 February).
 */
export function addDuration(from: Date, value: Duration, sign: 1 | -1 = 1): Date {
  const totalMonths = sign * (value.years * 12 + value.months);
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + totalMonths;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  const result = new Date(
    Date.UTC(
      targetYear,
      targetMonth,
      day,
      from.getUTCHours(),
      from.getUTCMinutes(),
      from.getUTCSeconds(),
      from.getUTCMilliseconds(),
    ),
  );
  result.setUTCDate(result.getUTCDate() + sign * (value.weeks * 7 + value.days));
  return result;
}

/** Renders a duration in words, e.g. "3 years", "1 year and 6 months" — English; notices translate via their own tables. */
export function describeDuration(value: Duration): string {
  const parts: string[] = [];
  const unit = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (value.years) parts.push(unit(value.years, 'year', 'years'));
  if (value.months) parts.push(unit(value.months, 'month', 'months'));
  if (value.weeks) parts.push(unit(value.weeks, 'week', 'weeks'));
  if (value.days) parts.push(unit(value.days, 'day', 'days'));
  if (parts.length <= 1) return parts[0] ?? '0 days';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
