/** `GET /api/v1/people`: who the actors of this organisation are, so the console shows people, not `user:<uuid>`. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { defineRoute } from '../../platform/http/routes.js';
import { callerOf } from '../caller.js';
import { peopleOf } from '../people.js';

export const personSchema = z.object({
  actor: z.string(),
  kind: z.enum(['user', 'token']),
  name: z.string(),
  email: z.string().nullable(),
  current: z.boolean(),
});

export function registerPeopleRoutes(app: FastifyInstance, context: AppContext) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/people',
      summary:
        "The organisation's members (by email) and API tokens (by name), to show actors as people; nothing of other organisations",
      tags: ['accounts'],
      // Whoever may read a page that names actors may know who they are.
      auth: { scopes: ['audit:read', 'requests:read', 'retention:read', 'breaches:read', 'users:read'] },
      response: z.object({ people: z.array(personSchema) }),
    },
    async ({ request }) => ({ people: await peopleOf(context.db, callerOf(request)) }),
  );
}
