/**
 * The events an organisation's other tools can subscribe to, with their payloads: ids, counts, dates and states —
 * never personal data (no identity, no contact, no free text a person typed). One zod schema per event feeds the
 * validation of what is emitted and the OpenAPI document. `emitWebhookEvent` writes one delivery per listening
 * subscription in the caller's transaction, so an event exists exactly when the change it announces committed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { viewOf } from '../platform/db/view.js';
import type { WebhookDb } from './tables.js';
import { requireScope, withinOrganisation, type OrgScope } from '../platform/db/tenancy.js';

/** The webhooks domain's handle: its own tables only. */
const webhookView = viewOf<WebhookDb>();

const requestRef = { requestId: z.uuid(), requestType: z.string() };

/** Payload (`data`) of each event type. */
export const webhookEventSchemas = {
  'request.received': z.object({ ...requestRef, dueAt: z.iso.datetime() }),
  'request.verified': z.object(requestRef),
  'request.deadline-near': z.object({ ...requestRef, dueAt: z.iso.datetime(), daysLeft: z.number().int() }),
  'request.overdue': z.object({ ...requestRef, dueAt: z.iso.datetime() }),
  'request.completed': z.object({ ...requestRef, state: z.string() }),
  'breach.recorded': z.object({ breachId: z.uuid(), number: z.number().int(), notifyAuthorityBy: z.iso.datetime() }),
  'breach.deadline': z.object({
    breachId: z.uuid(),
    number: z.number().int(),
    notifyAuthorityBy: z.iso.datetime(),
    hoursLeft: z.number(),
  }),
  'retention.run.awaiting-approval': z.object({ runId: z.uuid(), dueRows: z.number().int() }),
  'retention.run.completed': z.object({
    runId: z.uuid(),
    status: z.string(),
    deleted: z.number().int(),
    anonymised: z.number().int(),
  }),
  'charter.applied': z.object({ seq: z.number().int(), revision: z.string() }),
  // consent-threshold.ts: a site's refusal share (per banner category) or withdrawal share crossed the subscription's threshold.
  'consent.threshold': z.object({
    site: z.string(),
    category: z.string().nullable().describe('the banner category; null for a site-wide figure (withdrawal-share)'),
    metric: z.enum(['refusal-share', 'withdrawal-share']),
    direction: z.enum(['above', 'below']).describe('the side of the threshold the figure moved to'),
    value: z.number().min(0).max(1),
    threshold: z.number(),
    decisions: z.number().int().describe('decisions (refusal-share) or records (withdrawal-share) in the window'),
    windowDays: z.number().int(),
    windowFrom: z.iso.date(),
    windowTo: z.iso.date(),
  }),
  // A stored site scan (src/sites/service.ts): counts only, never a page's content or a cookie's value.
  'site.scan.completed': z.object({
    scanId: z.uuid(),
    site: z.string(),
    pages: z.number().int(),
    findings: z.object({ violation: z.number().int(), warning: z.number().int(), info: z.number().int() }),
    newFindings: z
      .object({ violation: z.number().int(), warning: z.number().int(), info: z.number().int() })
      .describe('findings the previous completed scan of the site did not have, by severity'),
  }),
  'webhook.test': z.object({ subscriptionId: z.uuid() }),
} as const;

export type WebhookEventType = keyof typeof webhookEventSchemas;
export const webhookEventTypes = Object.keys(webhookEventSchemas) as WebhookEventType[];
export const webhookEventTypeSchema = z.enum(webhookEventTypes as [WebhookEventType, ...WebhookEventType[]]);

/** What a receiver gets as the body (Standard Webhooks: type, timestamp, data). */
export const webhookMessageSchema = z.object({
  type: webhookEventTypeSchema,
  timestamp: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookMessage = z.infer<typeof webhookMessageSchema>;

/**
 * Records `type` for every active subscription of the organisation listening to it, in the caller's transaction.
 * Returns how many deliveries were queued. The payload is checked against the event's schema (a programming error
 * otherwise: emitting must never carry more than the schema allows, `strip` drops the rest).
 */
export async function emitWebhookEvent<T extends WebhookEventType, DB extends WebhookDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  type: T,
  data: z.input<(typeof webhookEventSchemas)[T]>,
  now: Date,
  options: { subscriptionId?: string } = {},
): Promise<number> {
  const organisationId = requireScope(scope);
  const payload = webhookEventSchemas[type].parse(data) as Record<string, unknown>;
  const db = webhookView(anyDb);
  return withinOrganisation(db, scope, async (trx) => {
    const subscriptions = await trx
      .selectFrom('webhook_subscriptions')
      .select(['id', 'events'])
      .where('organisation_id', '=', organisationId)
      .where('active', '=', true)
      .execute();
    // A test event goes to the one subscription it was asked for, whatever it listens to.
    const listening = options.subscriptionId
      ? subscriptions.filter((s) => s.id === options.subscriptionId)
      : subscriptions.filter((s) => s.events.includes(type) || s.events.includes('*'));
    if (listening.length === 0) return 0;
    const message: WebhookMessage = { type, timestamp: now.toISOString(), data: payload };
    await trx
      .insertInto('webhook_deliveries')
      .values(
        listening.map((s) => ({
          organisation_id: organisationId,
          id: randomUUID(),
          subscription_id: s.id,
          message_id: `msg_${randomUUID().replace(/-/g, '')}`,
          event_type: type,
          payload: JSON.stringify(message),
          created_at: now,
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: now,
          last_status: null,
          last_error: null,
          delivered_at: null,
        })),
      )
      .execute();
    return listening.length;
  });
}
