/**
 * Deadlines of data-subject requests, calendar-correct in the controller's time zone (Europe/Brussels).
 *
 * Art. 12(3) GDPR: answer "without undue delay and in any event within one month of receipt", extendable "by two
 * further months where necessary". How a month is counted follows Regulation (EEC, Euratom) No 1182/71 (the EU rule
 * on periods, which the EDPB applies in its guidelines 01/2022 on the right of access): the day of receipt is not
 * counted, and a period in months ends at the end of the day of the last month that bears the same date as the day
 * of receipt — or, when that month has no such date, at the end of its last day (31 January → 28/29 February).
 * We do not push a deadline falling on a weekend or public holiday to the next working day (1182/71 art. 3(4) would
 * allow it): an earlier answer is always lawful, so the officer sees the stricter date.
 *
 * Everything here is pure: instants in, instants out, with the zone as a parameter.
 */
import { duration as parseIso, type Duration } from '../charter/duration.js';

export const controllerTimeZone = 'Europe/Brussels';

/** A calendar date (no time, no zone). Months are 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Wall-clock fields in a zone. */
export interface LocalDateTime extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let found = formatters.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, found);
  }
  return found;
}

/** The wall-clock time of an instant in a zone. */
export function toLocal(instant: Date, zone: string = controllerTimeZone): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const ms = ((instant.getTime() % 1000) + 1000) % 1000;
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond: ms,
  };
}

/** The instant a wall-clock time would be if the zone were UTC (the start of every offset calculation). */
function asIfUtc(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
}

/** Offset of the zone from UTC at an instant, in milliseconds (Brussels: +1 h in winter, +2 h in summer). */
export function zoneOffset(instant: Date, zone: string = controllerTimeZone): number {
  return asIfUtc(toLocal(instant, zone)) - instant.getTime();
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by the spring change (02:30 on the last Sunday of
 * March in Brussels) moves forward by the gap (03:30); a time that happens twice in autumn takes the later one.
 */
export function fromLocal(local: LocalDateTime, zone: string = controllerTimeZone): Date {
  const asUtc = asIfUtc(local);
  const first = zoneOffset(new Date(asUtc), zone);
  let instant = asUtc - first;
  const second = zoneOffset(new Date(instant), zone);
  if (second !== first) instant = asUtc - second;
  return new Date(instant);
}

/** Days in a month (month 1–12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds calendar months to a date, clamping to the end of the target month (31 January + 1 → 28/29 February). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Adds days to a date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** `YYYY-MM-DD`. */
export function formatDate(date: CalendarDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function parseDate(text: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a date: ${text}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The instant a calendar day starts (local midnight) in a zone. */
export function startOfDay(date: CalendarDate, zone: string = controllerTimeZone): Date {
  return fromLocal({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 }, zone);
}

/**
 * Adds an ISO duration to an instant on the zone's wall clock: years and months calendar-correct (clamped at month
 * ends), weeks and days as calendar days, the local time of day kept (so P7D from 10:00 is 10:00 a week later, even
 * across a change of summer time).
 */
export function addDurationInZone(
  instant: Date,
  value: Duration | string,
  zone: string = controllerTimeZone,
  sign: 1 | -1 = 1,
): Date {
  const d = typeof value === 'string' ? parseIso(value) : value;
  const local = toLocal(instant, zone);
  const moved = addDays(addMonths(local, sign * (d.years * 12 + d.months)), sign * (d.weeks * 7 + d.days));
  return fromLocal({ ...local, ...moved }, zone);
}

export interface Deadline {
  /** The last day to answer on, in the controller's zone. */
  dueOn: string;
  /** The end of that day: the request is overdue from this instant. */
  dueAt: Date;
}

/** The deadline `months` after receipt: the end of the day bearing the same date (clamped), in the zone. */
export function deadlineAfter(receivedAt: Date, months: number, zone: string = controllerTimeZone): Deadline {
  const due = addMonths(toLocal(receivedAt, zone), months);
  return { dueOn: formatDate(due), dueAt: startOfDay(addDays(due, 1), zone) };
}

/** Art. 12(3): one month from receipt. */
export function requestDeadline(receivedAt: Date, zone: string = controllerTimeZone): Deadline {
  return deadlineAfter(receivedAt, 1, zone);
}

/** Art. 12(3): extended "by two further months" — counted from receipt, three months in all. */
export function extendedDeadline(receivedAt: Date, zone: string = controllerTimeZone): Deadline {
  return deadlineAfter(receivedAt, 3, zone);
}

/** Reminder points before a deadline, in days (to the privacy officer). */
export const reminderDays = [7, 2] as const;
export type ReminderKind = `${(typeof reminderDays)[number]}d` | 'overdue';

/** When the reminder `days` before `dueAt` is due (same local time of day, `days` calendar days earlier). */
export function reminderAt(dueAt: Date, days: number, zone: string = controllerTimeZone): Date {
  return addDurationInZone(dueAt, { years: 0, months: 0, weeks: 0, days }, zone, -1);
}

/** Whole calendar days from `now` until the due day (0 on the due day itself, negative when overdue). */
export function daysLeft(now: Date, dueOn: string, zone: string = controllerTimeZone): number {
  const today = toLocal(now, zone);
  const due = parseDate(dueOn);
  return Math.round(
    (Date.UTC(due.year, due.month - 1, due.day) - Date.UTC(today.year, today.month - 1, today.day)) / 86_400_000,
  );
}
