/**
 * The Outbox over HTTP: `GET /api/v1/outbox` (a page of mails), `GET /api/v1/outbox/{id}` (one mail, audited), both
 * `mail:read`; and `GET /api/v1/mail/delivery`, for the console's banner on every page while SMTP is not configured.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { callerOf, type Caller } from '../accounts/caller.js';
import { defineRoute } from '../platform/http/routes.js';
import {
  listOutbox,
  outboxMailSchema,
  outboxPageSchema,
  outboxQuerySchema,
  readOutboxMail,
  type OutboxReader,
} from './outbox.js';
import type { OutboxDb } from './tables.js';

export interface OutboxRouteDeps<DB extends OutboxDb = OutboxDb> {
  db: Kysely<DB>;
  clock: () => Date;
  config: { SMTP_URL?: string | undefined };
}

/** A viewer (an auditor) may see that mail went out, not whom to or the codes in it. */
export function outboxReader(caller: Caller): OutboxReader {
  return { actor: caller.actor, restricted: caller.role === 'viewer' };
}

export const mailDeliverySchema = z.object({
  /** `smtp`: mail is sent; `outbox`: no SMTP server is configured, mail is kept in the Outbox and not sent. */
  delivery: z.enum(['smtp', 'outbox']),
});

export function mailDelivery(config: OutboxRouteDeps['config']): z.infer<typeof mailDeliverySchema> {
  return { delivery: config.SMTP_URL ? 'smtp' : 'outbox' };
}

export function registerOutboxRoutes<DB extends OutboxDb>(app: FastifyInstance, deps: OutboxRouteDeps<DB>) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/outbox',
      summary: "The organisation's mails, newest first (recipients masked for viewers); `before` pages back",
      tags: ['mail'],
      auth: { scopes: ['mail:read'] },
      query: outboxQuerySchema,
      response: outboxPageSchema,
    },
    async ({ query, request }) => {
      const caller = callerOf(request);
      return listOutbox(deps.db, caller, outboxReader(caller), {
        before: query.before ? new Date(query.before) : undefined,
        limit: query.limit,
      });
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/outbox/:id',
      summary: 'One mail with its text part (audited as mail.read: it can hold a verification code)',
      tags: ['mail'],
      auth: { scopes: ['mail:read'] },
      params: z.object({ id: z.uuid() }),
      response: outboxMailSchema,
      errors: [404],
    },
    async ({ params, request }) => {
      const caller = callerOf(request);
      return readOutboxMail(deps.db, caller, outboxReader(caller), params.id, deps.clock());
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/mail/delivery',
      summary: 'Whether mail is sent by SMTP or kept in the Outbox (any signed-in caller)',
      tags: ['mail'],
      auth: { scopes: [] },
      response: mailDeliverySchema,
    },
    async () => mailDelivery(deps.config),
  );
}
