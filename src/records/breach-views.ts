/**
 * What the API and the console show of a breach: the stored record plus its 72-hour clock and what is still to be
 * done, and the reminder list of breaches that need attention. Zod schemas of these answers feed the OpenAPI document.
 */
import { z } from 'zod';
import { recordLanguages } from './i18n.js';
import {
  breachClock,
  breachContentSchema,
  defaultDueSoonMs,
  notificationPhases,
  notificationRecipients,
  pendingActions,
} from './breach.js';
import type { BreachWithHistory, StoredBreach } from './breach-repository.js';

const notificationSchema = z.object({
  seq: z.number(),
  recipient: z.enum(notificationRecipients),
  phase: z.enum(notificationPhases),
  controller: z.string().optional(),
  sentAt: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  language: z.enum(recordLanguages).optional(),
  channel: z.string().optional(),
  reference: z.string().optional(),
  content: z.string(),
  delayReasons: z.string().optional(),
});

export const clockSchema = z.object({
  awareAt: z.string(),
  deadline: z.string().describe('awareAt + 72 hours (Art. 33(1))'),
  state: z.enum(['running', 'due-soon', 'overdue', 'notified', 'notified-late', 'not-required']),
  remainingMs: z.number().describe('milliseconds to the deadline; negative once past'),
  notifiedAt: z.string().optional(),
  lateByMs: z.number().optional(),
  reasonsMissing: z.boolean().describe('late without recorded reasons for the delay'),
});

export const breachSummarySchema = z.object({
  id: z.string(),
  number: z.number(),
  reference: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  version: z.number(),
  content: breachContentSchema,
  notifications: z.array(notificationSchema),
  clock: clockSchema,
  pending: z.object({ authority: z.boolean(), subjects: z.boolean(), controllers: z.array(z.string()) }),
});

export const breachViewSchema = breachSummarySchema.extend({
  versions: z
    .array(
      z.object({
        version: z.number(),
        recordedAt: z.string(),
        recordedBy: z.string(),
        reason: z.string().nullable(),
        content: breachContentSchema,
      }),
    )
    .optional(),
});

export const draftSchema = z.object({
  language: z.enum(recordLanguages),
  to: z.object({
    name: z.string(),
    address: z.array(z.string()).optional(),
    email: z.string().optional(),
    website: z.string().optional(),
  }),
  subject: z.string(),
  sections: z.array(z.object({ id: z.string(), heading: z.string(), body: z.string() })),
  text: z.string(),
});

export type BreachView = z.infer<typeof breachViewSchema>;

export function toBreachView(
  breach: StoredBreach | BreachWithHistory,
  now: Date,
  dueSoonMs = defaultDueSoonMs,
): BreachView {
  return {
    ...breach,
    clock: breachClock(breach.content, breach.notifications, now, dueSoonMs),
    pending: pendingActions(breach.content, breach.notifications),
  };
}

/**
 * The reminder list: open breaches whose authority notification is overdue or due within `withinMs`, or (once the
 * authority is dealt with) whose people or controllers are still to be told. Most urgent first.
 */
export function dueBreaches(breaches: readonly StoredBreach[], now: Date, withinMs = defaultDueSoonMs): BreachView[] {
  return breaches
    .filter((b) => b.content.status === 'open')
    .map((b) => toBreachView(b, now, withinMs))
    .filter(
      (v) =>
        v.clock.state === 'overdue' ||
        v.clock.state === 'due-soon' ||
        v.clock.reasonsMissing ||
        v.pending.subjects ||
        v.pending.controllers.length > 0,
    )
    .sort((a, b) => a.clock.remainingMs - b.clock.remainingMs);
}
