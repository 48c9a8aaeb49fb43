/**
 * Webhook subscriptions of an organisation: created, changed, rotated and removed with their audit entry in the same
 * transaction; the target URL is checked against SSRF when it is saved (and again on every delivery). A secret is
 * shown once, when it is made; a rotation keeps the previous secret valid for a day (both sign every message
 * meanwhile), so receivers switch without losing a message.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../audit/trail.js';
import { type SubscriptionDb, subscriptionView } from './tables.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { invalidInput, notFound } from '../platform/errors.js';
import { sealSecret } from '../platform/secret-box.js';
import { consentThresholdSchema, defaultConsentThreshold } from './consent-threshold.js';
import { emitWebhookEvent, webhookEventTypeSchema } from './events.js';
import { checkTarget, TargetRefused, type Resolver } from './targets.js';
import type { WebhookSubscriptionTable } from './tables.js';

type SubscriptionRow = Selectable<WebhookSubscriptionTable>;

/** How long the previous secret still signs after a rotation. */
export const rotationOverlapMs = 24 * 3_600_000;

export const subscriptionInputSchema = z.object({
  url: z.string().max(2000),
  description: z.string().max(200).optional(),
  events: z
    .array(z.union([webhookEventTypeSchema, z.literal('*')]))
    .min(1)
    .max(20),
  /** What `consent.threshold` watches; without it, the default (refusal share ≥ 50 % of ≥ 100 decisions over 7 days). */
  consentThreshold: consentThresholdSchema.optional(),
});
export const subscriptionPatchSchema = subscriptionInputSchema.partial().extend({ active: z.boolean().optional() });

export const subscriptionViewSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  /** Until when the previous secret still signs (after a rotation). */
  previousSecretUntil: z.iso.datetime().nullable(),
  /** What `consent.threshold` watches (null when the subscription does not listen to it). */
  consentThreshold: consentThresholdSchema.nullable(),
});
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;
export const subscriptionWithSecretSchema = subscriptionViewSchema.extend({
  secret: z.string().describe('shown once: the whsec_… signing secret'),
});

export const deliveryViewSchema = z.object({
  id: z.uuid(),
  messageId: z.string(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  nextAttemptAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
});

export interface SubscriptionDeps<DB extends SubscriptionDb = SubscriptionDb> {
  db: Kysely<DB>;
  clock: () => Date;
  allowPrivate: boolean;
  resolve?: Resolver;
}

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * What a signing secret is sealed to (AES-GCM additional data): its subscription, so a sealed secret copied into
 * another row does not open there.
 */
export function webhookSecretContext(organisationId: string, subscriptionId: string): string {
  return `webhook_subscriptions.secret:${organisationId}:${subscriptionId}`;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toView(row: SubscriptionRow): SubscriptionView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    active: row.active,
    createdAt: iso(row.created_at),
    previousSecretUntil: row.previous_until ? iso(row.previous_until) : null,
    consentThreshold: listensToThreshold(row.events) ? (row.consent_threshold ?? defaultConsentThreshold) : null,
  };
}

function listensToThreshold(events: readonly string[]): boolean {
  return events.includes('consent.threshold') || events.includes('*');
}

async function checkedUrl(deps: SubscriptionDeps, url: string): Promise<string> {
  try {
    return (
      await checkTarget(url, { allowPrivate: deps.allowPrivate, ...(deps.resolve ? { resolve: deps.resolve } : {}) })
    ).url.toString();
  } catch (error) {
    if (error instanceof TargetRefused) throw invalidInput([{ path: 'body.url', message: error.message }]);
    throw error;
  }
}

export async function createSubscription<DB extends SubscriptionDb>(
  anyDeps: SubscriptionDeps<DB>,
  scope: OrgScope & { actor: string },
  input: z.infer<typeof subscriptionInputSchema>,
) {
  const deps: SubscriptionDeps = { ...anyDeps, db: subscriptionView(anyDeps.db) };
  const organisationId = requireScope(scope);
  const url = await checkedUrl(deps, input.url);
  const now = deps.clock();
  const id = randomUUID();
  const secret = newSecret();
  const row: SubscriptionRow = {
    organisation_id: organisationId,
    id,
    url,
    description: input.description ?? null,
    events: [...new Set(input.events)],
    // Kept sealed (secret-box.ts); the clear secret is in this answer only.
    secret: sealSecret(secret, webhookSecretContext(organisationId, id)),
    previous_secret: null,
    previous_until: null,
    active: true,
    created_at: now,
    created_by: scope.actor,
    consent_threshold: listensToThreshold(input.events) ? (input.consentThreshold ?? defaultConsentThreshold) : null,
  };
  await inOrganisation(deps.db, scope, async (trx) => {
    await trx
      .insertInto('webhook_subscriptions')
      .values({ ...row, consent_threshold: row.consent_threshold ? JSON.stringify(row.consent_threshold) : null })
      .execute();
    await recordAudit(
      trx,
      scope,
      {
        actor: scope.actor,
        action: 'webhook.created',
        target: `webhook:${row.id}`,
        data: { events: row.events, host: new URL(url).host },
      },
      now,
    );
  });
  return { ...toView(row), secret };
}

async function findRow(db: Kysely<SubscriptionDb>, scope: OrgScope, id: string): Promise<SubscriptionRow> {
  const organisationId = requireScope(scope);
  const row = await inOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .executeTakeFirst(),
  );
  if (!row) throw notFound('webhook', id);
  return row;
}

export async function listSubscriptions<DB extends SubscriptionDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
): Promise<SubscriptionView[]> {
  const db = subscriptionView(anyDb);
  const organisationId = requireScope(scope);
  const rows = await inOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at')
      .execute(),
  );
  return rows.map(toView);
}

export async function getSubscription<DB extends SubscriptionDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  id: string,
): Promise<SubscriptionView> {
  const db = subscriptionView(anyDb);
  return toView(await findRow(db, scope, id));
}

/**
 * `change` to subscription `id` and its audit entry (`action`, target `webhook:<id>`, written after the change) in one
 * transaction of the organisation.
 */
async function auditedChange(
  deps: SubscriptionDeps,
  scope: OrgScope & { actor: string },
  id: string,
  audit: { action: string; data?: Record<string, unknown>; at: Date },
  change: (trx: Transaction<SubscriptionDb>, organisationId: string) => Promise<unknown>,
): Promise<void> {
  const organisationId = requireScope(scope);
  await inOrganisation(deps.db, scope, async (trx) => {
    await change(trx, organisationId);
    const data = audit.data ? { data: audit.data } : {};
    await recordAudit(
      trx,
      scope,
      { actor: scope.actor, action: audit.action, target: `webhook:${id}`, ...data },
      audit.at,
    );
  });
}

/** Sets columns of one subscription row. */
async function setColumns(
  trx: Transaction<SubscriptionDb>,
  organisationId: string,
  id: string,
  values: Updateable<WebhookSubscriptionTable>,
): Promise<void> {
  await trx
    .updateTable('webhook_subscriptions')
    .set(values)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** Deletes a subscription's rows from a table that hangs off it (its deliveries, its threshold crossings). */
async function deleteOfSubscription(
  trx: Transaction<SubscriptionDb>,
  table: 'webhook_deliveries' | 'webhook_consent_crossings',
  organisationId: string,
  id: string,
): Promise<void> {
  await trx.deleteFrom(table).where('organisation_id', '=', organisationId).where('subscription_id', '=', id).execute();
}

export async function updateSubscription<DB extends SubscriptionDb>(
  anyDeps: SubscriptionDeps<DB>,
  scope: OrgScope & { actor: string },
  id: string,
  patch: z.infer<typeof subscriptionPatchSchema>,
): Promise<SubscriptionView> {
  const deps: SubscriptionDeps = { ...anyDeps, db: subscriptionView(anyDeps.db) };
  await findRow(deps.db, scope, id);
  const url = patch.url === undefined ? undefined : await checkedUrl(deps, patch.url);
  const audit = { action: 'webhook.updated', data: { fields: Object.keys(patch) }, at: deps.clock() };
  await auditedChange(deps, scope, id, audit, async (trx, organisationId) => {
    await setColumns(trx, organisationId, id, {
      ...(url ? { url } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.events ? { events: [...new Set(patch.events)] } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.consentThreshold ? { consent_threshold: JSON.stringify(patch.consentThreshold) } : {}),
    });
    // New threshold settings: which side each figure was on is judged afresh (a figure already above the new
    // threshold is then announced once).
    if (patch.consentThreshold) await deleteOfSubscription(trx, 'webhook_consent_crossings', organisationId, id);
  });
  return getSubscription(deps.db, scope, id);
}

export async function deleteSubscription<DB extends SubscriptionDb>(
  anyDeps: SubscriptionDeps<DB>,
  scope: OrgScope & { actor: string },
  id: string,
): Promise<void> {
  const deps: SubscriptionDeps = { ...anyDeps, db: subscriptionView(anyDeps.db) };
  await findRow(deps.db, scope, id);
  await auditedChange(deps, scope, id, { action: 'webhook.deleted', at: deps.clock() }, async (trx, organisationId) => {
    await deleteOfSubscription(trx, 'webhook_deliveries', organisationId, id);
    await trx
      .deleteFrom('webhook_subscriptions')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .execute();
  });
}

/** A new secret; the current one keeps signing beside it for `rotationOverlapMs`. */
export async function rotateSecret<DB extends SubscriptionDb>(
  anyDeps: SubscriptionDeps<DB>,
  scope: OrgScope & { actor: string },
  id: string,
) {
  const deps: SubscriptionDeps = { ...anyDeps, db: subscriptionView(anyDeps.db) };
  const organisationId = requireScope(scope);
  const row = await findRow(deps.db, scope, id);
  const now = deps.clock();
  const secret = newSecret();
  const until = new Date(now.getTime() + rotationOverlapMs);
  const audit = { action: 'webhook.secret-rotated', data: { previousValidUntil: until.toISOString() }, at: now };
  await auditedChange(deps, scope, id, audit, (trx) =>
    // The previous secret moves over sealed as it was (same row, same context).
    setColumns(trx, organisationId, id, {
      secret: sealSecret(secret, webhookSecretContext(organisationId, id)),
      previous_secret: row.secret,
      previous_until: until,
    }),
  );
  return { ...toView({ ...row, secret, previous_secret: row.secret, previous_until: until }), secret };
}

/** Queues a `webhook.test` event for one subscription (delivered like any other, in order). */
export async function sendTestEvent<DB extends SubscriptionDb>(
  anyDeps: SubscriptionDeps<DB>,
  scope: OrgScope & { actor: string },
  id: string,
): Promise<void> {
  const deps: SubscriptionDeps = { ...anyDeps, db: subscriptionView(anyDeps.db) };
  await findRow(deps.db, scope, id);
  const now = deps.clock();
  await auditedChange(deps, scope, id, { action: 'webhook.test-sent', at: now }, (trx) =>
    emitWebhookEvent(trx, scope, 'webhook.test', { subscriptionId: id }, now, { subscriptionId: id }),
  );
}

export async function listDeliveries<DB extends SubscriptionDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  id: string,
  limit = 100,
) {
  const db = subscriptionView(anyDb);
  const organisationId = requireScope(scope);
  await findRow(db, scope, id);
  const rows = await inOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('subscription_id', '=', id)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute(),
  );
  return rows.map((r) => ({
    id: r.id,
    messageId: r.message_id,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: iso(r.created_at),
    nextAttemptAt: iso(r.next_attempt_at),
    deliveredAt: r.delivered_at ? iso(r.delivered_at) : null,
  }));
}
