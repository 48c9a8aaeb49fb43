/**
 * HTTP API of webhooks: subscriptions (list, create, change, remove, rotate the secret, send a test event) and each
 * one's delivery log. Reading needs `webhooks:read`; anything else `webhooks:manage` (owners). The message Charter
 * POSTs to a subscriber is documented in the OpenAPI too (one schema per event type).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import type { AppContext } from '../platform/app-context.js';
import { defineRoute, documentRoute } from '../platform/http/routes.js';
import { webhookEventSchemas, webhookEventTypes } from './events.js';
import {
  createSubscription,
  deleteSubscription,
  deliveryViewSchema,
  getSubscription,
  listDeliveries,
  listSubscriptions,
  rotateSecret,
  sendTestEvent,
  subscriptionInputSchema,
  subscriptionPatchSchema,
  subscriptionViewSchema,
  subscriptionWithSecretSchema,
  updateSubscription,
  type SubscriptionDeps,
} from './subscriptions.js';
import { subscriptionView } from './tables.js';

const idParams = z.object({ id: z.uuid('a webhook id') });

/** One message schema per event type: what a subscriber receives. */
export const webhookMessageUnionSchema = z.union(
  webhookEventTypes.map((type) =>
    z.object({ type: z.literal(type), timestamp: z.iso.datetime(), data: webhookEventSchemas[type] }),
  ) as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]],
);

/** What the webhook routes share: the subscriptions' ports, their scopes and their OpenAPI tag. */
function webhookRouteShared(context: AppContext) {
  const deps: SubscriptionDeps = {
    db: subscriptionView(context.db),
    clock: context.clock,
    allowPrivate: context.config.WEBHOOKS_ALLOW_PRIVATE,
  };
  const read = { scopes: ['webhooks:read'] };
  const manage = { scopes: ['webhooks:manage'] };
  const tags = ['webhooks'];
  return { deps, read, manage, tags };
}

type WebhookRouteShared = ReturnType<typeof webhookRouteShared>;

export function registerWebhookRoutes(app: FastifyInstance, context: AppContext): void {
  const shared = webhookRouteShared(context);
  registerSubscriptionRoutes(app, context, shared);
  registerSubscriptionActionRoutes(app, context, shared);
}

/** Subscriptions: list, create, read, change and remove. */
function registerSubscriptionRoutes(app: FastifyInstance, context: AppContext, shared: WebhookRouteShared): void {
  const { deps, read, manage, tags } = shared;
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/webhooks',
      summary: 'Webhook subscriptions of the organisation',
      tags,
      auth: read,
      response: z.object({ subscriptions: z.array(subscriptionViewSchema), events: z.array(z.string()) }),
    },
    async ({ request }) => ({
      subscriptions: await listSubscriptions(context.db, callerOf(request)),
      events: webhookEventTypes.filter((t) => t !== 'webhook.test'),
    }),
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/webhooks',
      summary: 'Subscribe a URL to events (its signing secret is shown once, in this answer)',
      tags,
      auth: manage,
      body: subscriptionInputSchema,
      response: subscriptionWithSecretSchema,
      status: 201,
      errors: [422],
    },
    async ({ request, body }) => createSubscription(deps, callerOf(request), body),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/webhooks/:id',
      summary: 'One webhook subscription',
      tags,
      auth: read,
      params: idParams,
      response: subscriptionViewSchema,
      errors: [404],
    },
    async ({ request, params }) => getSubscription(context.db, callerOf(request), params.id),
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      url: '/api/v1/webhooks/:id',
      summary: 'Change a subscription (URL, events, description, paused or active)',
      tags,
      auth: manage,
      params: idParams,
      body: subscriptionPatchSchema,
      response: subscriptionViewSchema,
      errors: [404, 422],
    },
    async ({ request, params, body }) => updateSubscription(deps, callerOf(request), params.id, body),
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/api/v1/webhooks/:id',
      summary: 'Remove a subscription and its delivery log',
      tags,
      auth: manage,
      params: idParams,
      status: 204,
      errors: [404],
    },
    async ({ request, params }) => {
      await deleteSubscription(deps, callerOf(request), params.id);
    },
  );
}

/** What is done to a subscription: a new signing secret, a test delivery, its deliveries; and the documented payload Charter sends. */
function registerSubscriptionActionRoutes(app: FastifyInstance, context: AppContext, shared: WebhookRouteShared): void {
  const { deps, read, manage, tags } = shared;
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/webhooks/:id/rotate-secret',
      summary: 'A new signing secret; the previous one keeps signing beside it for 24 hours',
      tags,
      auth: manage,
      params: idParams,
      response: subscriptionWithSecretSchema,
      errors: [404],
    },
    async ({ request, params }) => rotateSecret(deps, callerOf(request), params.id),
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/webhooks/:id/test',
      summary: 'Queue a webhook.test event for this subscription',
      tags,
      auth: manage,
      params: idParams,
      status: 202,
      response: z.object({ queued: z.literal(true) }),
      errors: [404],
    },
    async ({ request, params }) => {
      await sendTestEvent(deps, callerOf(request), params.id);
      return { queued: true as const };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/webhooks/:id/deliveries',
      summary: 'The delivery log of a subscription, newest first (status of each answer)',
      tags,
      auth: read,
      params: idParams,
      response: z.object({ deliveries: z.array(deliveryViewSchema) }),
      errors: [404],
    },
    async ({ request, params }) => ({ deliveries: await listDeliveries(context.db, callerOf(request), params.id) }),
  );

  // Not served by Charter: what Charter POSTs to a subscription URL, signed per Standard Webhooks.
  documentRoute(app, {
    method: 'POST',
    url: '/{subscription-url}',
    summary:
      'Sent by Charter to each subscription URL (webhook-id, webhook-timestamp, webhook-signature headers; not a Charter route)',
    tags,
    auth: 'public',
    body: webhookMessageUnionSchema,
  });
}
