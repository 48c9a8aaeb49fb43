/**
 * Sending what `emitWebhookEvent` queued: each subscription's deliveries strictly in order (the oldest pending one
 * first; a delivery that fails holds the ones after it until it succeeds or is given up), signed per Standard
 * Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`: HMAC-SHA256; during a rotation signed with both
 * secrets), retried with exponential back-off, each attempt bounded by a timeout, redirects never followed, the target
 * checked against SSRF on every attempt. A subscription is sent by one process at a time (an exclusive lock that dies
 * with its holder); a delivery is marked done only after the receiver's 2xx, so a sender that crashes mid-delivery
 * sends it again with the same `webhook-id`, which the receiver uses to drop the duplicate.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { sql, type Kysely } from 'kysely';
import { Webhook } from 'standardwebhooks';
import type { DatabaseKind } from '../platform/db/database.js';
import { viewOf } from '../platform/db/view.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { withExclusiveLock, type JobRunner } from '../platform/jobs.js';
import type { Logger } from '../platform/logger.js';
import { openSecret, SecretsKeyError } from '../platform/secret-box.js';
import { registerConsentThresholdJobs, type ConsentThresholdDb } from './consent-threshold.js';
import { webhookSecretContext } from './subscriptions.js';
import type { WebhookDb } from './tables.js';
import { checkTarget, TargetRefused, type CheckedTarget, type Resolver } from './targets.js';

const webhookView = viewOf<WebhookDb>();

/** What the sender needs; `db` is any domain's handle that has the webhook tables. */
export interface WebhookDeps<DB extends WebhookDb = WebhookDb> {
  db: Kysely<DB>;
  dbKind: DatabaseKind;
  logger: Logger;
  clock: () => Date;
  /** WEBHOOKS_ALLOW_PRIVATE: targets on loopback, private and link-local addresses are allowed. */
  allowPrivate: boolean;
  /** Milliseconds an attempt may take, connection and answer (default 10 s). */
  timeoutMs?: number;
  resolve?: Resolver;
}

/** Attempts before a delivery is given up (about two days of back-off). */
export const maxDeliveryAttempts = 12;

/** Back-off after failed attempt `n`: 10 s, 20 s, 40 s … at most 6 hours. */
export function deliveryRetryDelayMs(attempts: number): number {
  return Math.min(6 * 3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** Signs a body with every secret given (space-separated signatures, as the specification allows during rotation). */
export function signMessage(secrets: readonly string[], messageId: string, at: Date, body: string): SignedHeaders {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, at, body));
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}

/** The deps with the handle narrowed to the webhook tables (callers hold any domain's handle). */
function senderDeps<DB extends WebhookDb>(deps: WebhookDeps<DB>): WebhookDeps {
  return { ...deps, db: webhookView(deps.db) };
}

interface AttemptResult {
  status?: number;
  error?: string;
}

/** One POST to a checked target, connecting only to its checked addresses; never follows a redirect. */
function post(target: CheckedTarget, headers: SignedHeaders, body: string, timeoutMs: number): Promise<AttemptResult> {
  const pinned: LookupFunction = (_host, options, callback) => {
    const all = (options as { all?: boolean }).all;
    if (all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, target.addresses);
    else callback(null, target.addresses[0]!.address, target.addresses[0]!.family);
  };
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const request = send(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Charter-Webhooks/1',
          ...headers,
          'content-length': Buffer.byteLength(body),
        },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response: IncomingMessage) => {
        // The answer's body is not needed: its status says everything (a 3xx is a failure, never followed).
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
        response.on('error', () => resolve({ status: response.statusCode ?? 0 }));
      },
    );
    request.on('error', (error: Error) =>
      resolve({
        error:
          error.name === 'AbortError' || error.name === 'TimeoutError'
            ? `no answer within ${timeoutMs / 1000} s`
            : `connection failed (${(error as { code?: string }).code ?? error.name})`,
      }),
    );
    request.end(body);
  });
}

/**
 * Sends the due deliveries of one subscription in order, until one fails or none is due. Returns how many were
 * delivered. Another process already sending the subscription: nothing happens here.
 */
export async function deliverSubscription<DB extends WebhookDb>(
  anyDeps: WebhookDeps<DB>,
  scope: OrgScope,
  subscriptionId: string,
): Promise<number> {
  const deps = senderDeps(anyDeps);
  const organisationId = requireScope(scope);
  const locked = await withExclusiveLock(deps.db, deps.dbKind, `webhook:${subscriptionId}`, async () => {
    let delivered = 0;
    for (;;) {
      const now = deps.clock();
      const next = await inOrganisation(deps.db, scope, async (trx) => {
        const subscription = await trx
          .selectFrom('webhook_subscriptions')
          .selectAll()
          .where('organisation_id', '=', organisationId)
          .where('id', '=', subscriptionId)
          .executeTakeFirst();
        if (!subscription?.active) return undefined;
        const delivery = await trx
          .selectFrom('webhook_deliveries')
          .selectAll()
          .where('organisation_id', '=', organisationId)
          .where('subscription_id', '=', subscriptionId)
          .where('status', '=', 'pending')
          .orderBy('seq')
          .limit(1)
          .executeTakeFirst();
        return delivery ? { subscription, delivery } : undefined;
      });
      // Ordering: the oldest pending delivery goes first; while it waits for its retry, the later ones wait too.
      if (!next || new Date(next.delivery.next_attempt_at) > now) return delivered;
      const { subscription, delivery } = next;
      const body = typeof delivery.payload === 'string' ? delivery.payload : JSON.stringify(delivery.payload);
      let result: AttemptResult;
      try {
        const context = webhookSecretContext(organisationId, subscriptionId);
        const sealed = [
          subscription.secret,
          ...(subscription.previous_secret && subscription.previous_until && new Date(subscription.previous_until) > now
            ? [subscription.previous_secret]
            : []),
        ];
        const secrets = sealed.map((value) => openSecret(value, context));
        const target = await checkTarget(subscription.url, {
          allowPrivate: deps.allowPrivate,
          ...(deps.resolve ? { resolve: deps.resolve } : {}),
        });
        // The signed timestamp is the wall clock's: receivers compare it with theirs to refuse replays.
        result = await post(
          target,
          signMessage(secrets, delivery.message_id, new Date(), body),
          body,
          deps.timeoutMs ?? 10_000,
        );
      } catch (error) {
        // A secret that does not open (wrong or missing secrets key) is said as such on the delivery log: never sent unsigned.
        result = {
          error:
            error instanceof TargetRefused
              ? `target refused: ${error.message}`
              : error instanceof SecretsKeyError
                ? `not sent: ${error.message}`
                : 'not sent',
        };
      }
      const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
      const attempts = delivery.attempts + 1;
      const finishedAt = deps.clock();
      const givenUp = !ok && attempts >= maxDeliveryAttempts;
      await inOrganisation(deps.db, scope, (trx) =>
        trx
          .updateTable('webhook_deliveries')
          .set({
            attempts,
            status: ok ? 'delivered' : givenUp ? 'failed' : 'pending',
            last_status: result.status ?? null,
            last_error: ok ? null : (result.error ?? `answered ${result.status}`),
            delivered_at: ok ? finishedAt : null,
            next_attempt_at:
              ok || givenUp ? finishedAt : new Date(finishedAt.getTime() + deliveryRetryDelayMs(attempts)),
          })
          .where('organisation_id', '=', organisationId)
          .where('id', '=', delivery.id)
          .execute(),
      );
      if (ok) delivered++;
      else {
        deps.logger.warn(
          { subscription: subscriptionId, delivery: delivery.id, attempts, status: result.status },
          'webhook delivery failed',
        );
        if (!givenUp) return delivered;
      }
    }
  });
  return locked.acquired ? locked.result : 0;
}

/** Organisations with a delivery due now: each is one lane of the job runner. */
export async function organisationsWithDueDeliveries<DB extends WebhookDb>(
  anyDb: Kysely<DB>,
  now: Date,
): Promise<string[]> {
  const db = webhookView(anyDb);
  // Spans organisations by design (which ones have work?), ids only; the sending itself is scoped.
  const rows = await acrossOrganisations('webhook lanes', () =>
    sql<{ organisation_id: string }>`
      select distinct organisation_id from webhook_deliveries where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz`.execute(
      db,
    ),
  );
  return rows.rows.map((r) => r.organisation_id);
}

/** Sends every due delivery of one organisation, subscription by subscription (each in its own order). */
export async function deliverOrganisation<DB extends WebhookDb>(
  anyDeps: WebhookDeps<DB>,
  scope: OrgScope,
): Promise<number> {
  const deps = senderDeps(anyDeps);
  const organisationId = requireScope(scope);
  const now = deps.clock();
  const subscriptions = await inOrganisation(deps.db, scope, (trx) =>
    trx
      .selectFrom('webhook_deliveries')
      .select('subscription_id')
      .distinct()
      .where('organisation_id', '=', organisationId)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .execute(),
  );
  let delivered = 0;
  for (const { subscription_id } of subscriptions) delivered += await deliverSubscription(deps, scope, subscription_id);
  return delivered;
}

/**
 * The sender on the job runner: one lane per organisation, so a slow receiver of one never delays another's; and the
 * periodic check of consent thresholds, which queues `consent.threshold` events (consent-threshold.ts).
 */
export function registerWebhookJobs<DB extends ConsentThresholdDb>(runner: JobRunner, anyDeps: WebhookDeps<DB>): void {
  registerConsentThresholdJobs(runner, anyDeps.db);
  const deps = senderDeps(anyDeps);
  runner.addLanedTicker({
    lanes: (now) => organisationsWithDueDeliveries(deps.db, now),
    run: async (organisationId) => {
      await deliverOrganisation(deps, { organisationId });
    },
  });
}
