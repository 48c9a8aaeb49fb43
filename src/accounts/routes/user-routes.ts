/** Members of the active organisation and their roles. Managing them needs a signed-in owner (users:manage). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http/routes.js';
import { callerOf } from '../caller.js';
import { issuePasswordLink } from '../sign-in.js';
import { addMember, changeRole, listMembers, removeMember } from '../users.js';
import { baseUrl } from './auth-routes.js';
import { sendPasswordMail } from './password-mail.js';

const roleSchema = z.enum(['owner', 'privacy-officer', 'viewer']);
const memberSchema = z.object({ userId: z.string(), email: z.string(), role: roleSchema, hasPassword: z.boolean(), since: z.string() });
const userParams = z.object({ userId: z.uuid() });

export function registerUserRoutes(app: FastifyInstance, context: AppContext) {
  defineRoute(
    app,
    { method: 'GET', url: '/api/v1/users', summary: 'Members of the organisation with their roles', tags: ['accounts'], auth: { scopes: ['users:read'] }, response: z.object({ members: z.array(memberSchema) }) },
    async ({ request }) => {
      const members = await listMembers(context.db, callerOf(request));
      return { members: members.map((m) => ({ ...m, since: m.since.toISOString() })) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/users',
      summary: 'Add a person to the organisation with a role; a new person gets a one-time link to choose a password',
      tags: ['accounts'],
      auth: { scopes: ['users:manage'], roles: ['owner'] },
      body: z.object({ email: z.email().max(254), role: roleSchema, language: z.enum(['en', 'nl', 'fr']).optional() }),
      response: z.object({ userId: z.string(), role: roleSchema, passwordLink: z.string().nullable().describe('shown once, also mailed; null for an existing account') }),
      status: 201,
      errors: [409],
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      const now = context.clock();
      const added = await addMember(context.db, caller, { email: body.email, role: body.role, actor: caller.actor }, now);
      let passwordLink: string | null = null;
      if (!added.hasPassword) {
        const token = await issuePasswordLink(context.db, added.userId, now);
        passwordLink = `${baseUrl(context, request)}/console/password?token=${encodeURIComponent(token)}`;
        await sendPasswordMail(context.mailer, { to: body.email, url: passwordLink, language: body.language ?? 'en', reason: 'invite' });
      }
      return { userId: added.userId, role: body.role, passwordLink };
    },
  );

  defineRoute(
    app,
    {
      method: 'PATCH',
      url: '/api/v1/users/:userId',
      summary: "Change a member's role (an organisation keeps at least one owner)",
      tags: ['accounts'],
      auth: { scopes: ['users:manage'], roles: ['owner'] },
      params: userParams,
      body: z.object({ role: roleSchema }),
      response: z.object({ userId: z.string(), role: roleSchema, changed: z.boolean() }),
      errors: [404, 409],
    },
    async ({ params, body, request }) => {
      const caller = callerOf(request);
      const result = await changeRole(context.db, caller, { userId: params.userId, role: body.role, actor: caller.actor }, context.clock());
      return { userId: params.userId, role: body.role, changed: result.changed };
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/api/v1/users/:userId',
      summary: 'Remove a member from the organisation',
      tags: ['accounts'],
      auth: { scopes: ['users:manage'], roles: ['owner'] },
      params: userParams,
      status: 204,
      errors: [404, 409],
    },
    async ({ params, request }) => {
      const caller = callerOf(request);
      await removeMember(context.db, caller, { userId: params.userId, actor: caller.actor }, context.clock());
    },
  );
}
