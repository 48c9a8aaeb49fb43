/**
 * The breach register's rules (GDPR Art. 33/34), over plain data and a clock: what a breach record holds, the 72-hour
 * clock that runs from awareness, when a notification counts as late (and must then give reasons, Art. 33(1)), which
 * breaches are due soon, and the checks on phased notifications. The repository stores; this module decides.
 */
import { z } from 'zod';
import { languageSchema } from '../charter/schema.js';
import type { ErrorDetail } from '../platform/errors.js';

export const breachNatures = ['confidentiality', 'integrity', 'availability'] as const;
export const notificationRecipients = ['authority', 'subjects', 'controller'] as const;
export const notificationPhases = ['initial', 'follow-up', 'final'] as const;
export const breachStatuses = ['open', 'closed'] as const;

export type NotificationRecipient = (typeof notificationRecipients)[number];
export type NotificationPhase = (typeof notificationPhases)[number];

/** Art. 33(1): "not later than 72 hours after having become aware of it". */
export const notificationWindowMs = 72 * 60 * 60 * 1000;
/** A breach whose authority deadline is this close is listed as due soon (the console's reminder list). */
export const defaultDueSoonMs = 24 * 60 * 60 * 1000;

const instant = z.iso.datetime({ offset: true, error: 'a date and time such as 2026-11-23T09:30:00+01:00' });
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const decisionSchema = z.strictObject({
  required: z.boolean().describe('whether they must be told'),
  reason: text(4000).describe(
    'why, or why not (Art. 33(1) "unlikely to result in a risk"; Art. 34(1) "high risk", 34(3))',
  ),
});

const contactSchema = z.strictObject({
  name: text(200),
  email: z.email('an email address').max(320).optional(),
  phone: z.string().trim().min(5).max(50).optional(),
});

/** Everything the register holds about a breach (Art. 33(3) and 33(5)). */
export const breachContentSchema = z.strictObject({
  title: text(200).describe('a short name for the register'),
  occurredAt: instant.optional().describe('when the breach happened, if known'),
  discoveredAt: instant.describe('when anyone in the organisation first noticed it'),
  awareAt: instant.describe(
    'when the organisation became aware with reasonable certainty: the 72-hour clock starts here',
  ),
  nature: z.array(z.enum(breachNatures)).min(1, 'name at least one: confidentiality, integrity or availability'),
  description: text(10_000).describe('what happened'),
  subjectCategories: z
    .array(text(200))
    .min(1)
    .describe('categories of people concerned (subject ids of the charter or free text)'),
  approximateSubjects: z.number().int().min(0).max(10_000_000_000).describe('approximate number of people concerned'),
  dataCategories: z.array(text(200)).min(1).describe('categories of personal data (taxonomy ids or free text)'),
  approximateRecords: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000_000)
    .describe('approximate number of records concerned'),
  consequences: text(10_000).describe('likely consequences for the people concerned'),
  measuresTaken: text(10_000).describe('measures taken to address the breach and mitigate its effects'),
  measuresProposed: z.string().trim().max(10_000).default('').describe('measures still planned'),
  adviceToSubjects: z
    .string()
    .trim()
    .max(10_000)
    .default('')
    .describe('what the people concerned can do to protect themselves'),
  authority: decisionSchema.describe('whether the supervisory authority must be notified (Art. 33)'),
  subjects: decisionSchema.describe('whether the people concerned must be told (Art. 34)'),
  contact: contactSchema
    .optional()
    .describe('contact point for more information (Art. 33(3)(b)); default: the DPO or the organisation'),
  controllers: z
    .array(z.string().min(1).max(100))
    .default([])
    .describe('for a processor: ids of the customers (controllers) affected'),
  delayReasons: z
    .string()
    .trim()
    .max(10_000)
    .optional()
    .describe('reasons for notifying the authority after 72 hours (Art. 33(1))'),
  status: z.enum(breachStatuses).default('open'),
});
export type BreachContent = z.output<typeof breachContentSchema>;
export type BreachContentInput = z.input<typeof breachContentSchema>;

/**
 * An amendment: the fields that change, and why (every amendment is a new version; nothing is overwritten). The
 * fields with defaults are redeclared without them: an amendment that does not name a field must leave it alone.
 */
export const breachAmendmentSchema = breachContentSchema.partial().extend({
  measuresProposed: z.string().trim().max(10_000).optional(),
  adviceToSubjects: z.string().trim().max(10_000).optional(),
  controllers: z.array(z.string().min(1).max(100)).optional(),
  status: z.enum(breachStatuses).optional(),
  reason: text(2000).describe('why the record is amended'),
});
export type BreachAmendment = z.output<typeof breachAmendmentSchema>;

export const notificationInputSchema = z.strictObject({
  recipient: z.enum(notificationRecipients),
  phase: z.enum(notificationPhases).default('initial'),
  controller: z.string().min(1).max(100).optional().describe('for recipient controller: the customer id'),
  sentAt: instant,
  language: languageSchema.optional(),
  channel: z.string().trim().max(200).optional().describe("e.g. the authority's online form, email, letter"),
  reference: z.string().trim().max(200).optional().describe("the authority's case number"),
  content: text(100_000).describe('what was sent, as sent'),
  delayReasons: z.string().trim().max(10_000).optional(),
});
export type NotificationInput = z.output<typeof notificationInputSchema>;

export interface StoredNotification extends Omit<NotificationInput, 'sentAt'> {
  seq: number;
  sentAt: string;
  recordedAt: string;
  recordedBy: string;
}

/** Checks across fields and against the clock; returns problems with their body paths (for a 422). */
export function checkBreachContent(content: BreachContent, now: Date, prefix = 'body'): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const discovered = Date.parse(content.discoveredAt);
  const aware = Date.parse(content.awareAt);
  // A minute of tolerance for clocks that disagree slightly.
  const future = now.getTime() + 60_000;
  if (discovered > future) problems.push({ path: `${prefix}.discoveredAt`, message: 'lies in the future' });
  if (aware > future) problems.push({ path: `${prefix}.awareAt`, message: 'lies in the future' });
  if (aware < discovered)
    problems.push({ path: `${prefix}.awareAt`, message: 'cannot be before the breach was discovered' });
  if (content.occurredAt && Date.parse(content.occurredAt) > discovered) {
    problems.push({ path: `${prefix}.occurredAt`, message: 'cannot be after the breach was discovered' });
  }
  return problems;
}

export type ClockState = 'running' | 'due-soon' | 'overdue' | 'notified' | 'notified-late' | 'not-required';

export interface BreachClock {
  awareAt: string;
  /** awareAt + 72 hours. */
  deadline: string;
  state: ClockState;
  /** Milliseconds until the deadline; negative once past. */
  remainingMs: number;
  /** When the authority was first notified, if it was. */
  notifiedAt?: string;
  /** By how much the first notification missed the deadline. */
  lateByMs?: number;
  /** Art. 33(1): late without recorded reasons. */
  reasonsMissing: boolean;
}

/** The 72-hour clock of a breach at `now`, given its notifications. */
export function breachClock(
  content: Pick<BreachContent, 'awareAt' | 'authority' | 'delayReasons'>,
  notifications: readonly Pick<StoredNotification, 'recipient' | 'sentAt' | 'delayReasons'>[],
  now: Date,
  dueSoonMs = defaultDueSoonMs,
): BreachClock {
  const aware = Date.parse(content.awareAt);
  const deadline = aware + notificationWindowMs;
  const remainingMs = deadline - now.getTime();
  const toAuthority = notifications
    .filter((n) => n.recipient === 'authority')
    .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
  const first = toAuthority[0];
  const base = { awareAt: new Date(aware).toISOString(), deadline: new Date(deadline).toISOString(), remainingMs };
  if (first) {
    const lateByMs = Date.parse(first.sentAt) - deadline;
    const hasReasons = Boolean(content.delayReasons) || toAuthority.some((n) => Boolean(n.delayReasons));
    return lateByMs > 0
      ? {
          ...base,
          state: 'notified-late',
          notifiedAt: new Date(first.sentAt).toISOString(),
          lateByMs,
          reasonsMissing: !hasReasons,
        }
      : { ...base, state: 'notified', notifiedAt: new Date(first.sentAt).toISOString(), reasonsMissing: false };
  }
  if (!content.authority.required) return { ...base, state: 'not-required', reasonsMissing: false };
  const state: ClockState = remainingMs < 0 ? 'overdue' : remainingMs <= dueSoonMs ? 'due-soon' : 'running';
  return { ...base, state, reasonsMissing: remainingMs < 0 && !content.delayReasons };
}

/** Whether a breach needs attention: an authority notification still to make, people or controllers still to tell. */
export interface PendingActions {
  authority: boolean;
  subjects: boolean;
  controllers: string[];
}

export function pendingActions(
  content: Pick<BreachContent, 'authority' | 'subjects' | 'controllers' | 'status'>,
  notifications: readonly Pick<StoredNotification, 'recipient' | 'controller'>[],
): PendingActions {
  const told = (recipient: NotificationRecipient) => notifications.some((n) => n.recipient === recipient);
  return {
    authority: content.authority.required && !told('authority'),
    subjects: content.subjects.required && !told('subjects'),
    controllers: content.controllers.filter(
      (id) => !notifications.some((n) => n.recipient === 'controller' && n.controller === id),
    ),
  };
}

/**
 * Checks a notification against the breach and the ones already recorded: a follow-up needs an initial one first, a
 * controller notification names a controller of the breach, and a late first notification to the authority must
 * give the reasons for the delay (Art. 33(1)) unless the breach record already does.
 */
export function checkNotification(
  input: NotificationInput,
  content: BreachContent,
  previous: readonly Pick<StoredNotification, 'recipient' | 'phase' | 'controller' | 'sentAt'>[],
  now: Date,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const sent = Date.parse(input.sentAt);
  if (sent > now.getTime() + 60_000)
    problems.push({ path: 'body.sentAt', message: 'lies in the future: record a notification once it is sent' });
  if (sent < Date.parse(content.discoveredAt))
    problems.push({ path: 'body.sentAt', message: 'cannot be before the breach was discovered' });
  if (input.recipient === 'controller') {
    if (!input.controller)
      problems.push({ path: 'body.controller', message: 'name the controller (customer id) that was told' });
    else if (!content.controllers.includes(input.controller)) {
      problems.push({ path: 'body.controller', message: 'is not one of the controllers recorded for this breach' });
    }
  } else if (input.controller) {
    problems.push({ path: 'body.controller', message: 'only for notifications to a controller' });
  }
  const sameChannel = previous.filter(
    (n) => n.recipient === input.recipient && (input.recipient !== 'controller' || n.controller === input.controller),
  );
  if (input.phase === 'initial' && sameChannel.some((n) => n.phase === 'initial')) {
    problems.push({
      path: 'body.phase',
      message: 'an initial notification is already recorded: record this one as a follow-up',
    });
  }
  if (input.phase !== 'initial' && !sameChannel.some((n) => n.phase === 'initial')) {
    problems.push({ path: 'body.phase', message: 'record the initial notification first' });
  }
  if (input.recipient === 'authority' && sameChannel.length === 0) {
    const late = sent > Date.parse(content.awareAt) + notificationWindowMs;
    if (late && !input.delayReasons && !content.delayReasons) {
      problems.push({
        path: 'body.delayReasons',
        message:
          'this notification is made more than 72 hours after awareness: give the reasons for the delay (Art. 33(1))',
      });
    }
  }
  return problems;
}

/** Applies an amendment to the current content (absent fields stay as they were). */
export function amend(current: BreachContent, amendment: BreachAmendment): BreachContent {
  const { reason: _reason, ...changes } = amendment;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return breachContentSchema.parse({ ...current, ...defined });
}

/** The fields an amendment changed, by name (for the audit entry, without their values: they may hold personal data). */
export function changedFields(before: BreachContent, after: BreachContent): string[] {
  return (Object.keys(after) as (keyof BreachContent)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/** "B-2026-007": the register's human reference of a breach. */
export function breachReference(number: number, createdAt: Date): string {
  return `B-${createdAt.getUTCFullYear()}-${String(number).padStart(3, '0')}`;
}
