/** Members of the active organisation and their roles. Managing them needs a signed-in owner (users:manage). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { defineRoute } from '../../platform/http/routes.js';
import { callerOf } from '../caller.js';
import { issuePasswordLink } from '../sign-in.js';
import { membersWithTwoFactor } from '../two-factor.js';
import { addMember, changeRole, listMembers, removeMember } from '../users.js';
import type { BackgroundTasks } from '../../platform/background.js';
import { publicUrl } from '../../platform/config.js';
import { findOrganisation } from '../organisations.js';
import { sendMemberAddedMail, sendPasswordMail } from './password-mail.js';
import { languageSchema } from '../../charter/schema.js';

const roleSchema = z.enum(['owner', 'privacy-officer', 'viewer']);
const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  role: roleSchema,
  active: z.boolean(),
  twoFactor: z.boolean(),
  since: z.string(),
});
const userParams = z.object({ userId: z.uuid() });

export function registerUserRoutes(app: FastifyInstance, context: AppContext, tasks: BackgroundTasks) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/users',
      summary: 'Members of the organisation with their roles',
      tags: ['accounts'],
      auth: { scopes: ['users:read'] },
      response: z.object({ members: z.array(memberSchema) }),
    },
    async ({ request }) => {
      const members = await listMembers(context.db, callerOf(request));
      const withTwoFactor = await membersWithTwoFactor(
        context.db,
        members.map((m) => m.userId),
      );
      return {
        members: members.map((m) => ({ ...m, twoFactor: withTwoFactor.has(m.userId), since: m.since.toISOString() })),
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/users',
      summary:
        'Add a person to the organisation with a role; they are mailed an invitation (a one-time password link when they have no password yet)',
      tags: ['accounts'],
      auth: { scopes: ['users:manage'], roles: ['owner'] },
      body: z.object({
        email: z.email().max(254),
        role: roleSchema,
        language: languageSchema.optional(),
      }),
      // The same status and body whether or not the address already has an account (in this installation, maybe in
      // another organisation): the difference is only in the mail the person receives.
      response: z.object({ userId: z.string(), role: roleSchema, invitationMailed: z.literal(true) }),
      status: 201,
      errors: [409],
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      const now = context.clock();
      const added = await addMember(
        context.db,
        caller,
        { email: body.email, role: body.role, actor: caller.actor },
        now,
      );
      const language = body.language ?? 'en';
      tasks.run('member invitation', async () => {
        if (!added.hasPassword) {
          const token = await issuePasswordLink(context.db, added.userId, now);
          const url = `${publicUrl(context.config)}/console/password?token=${encodeURIComponent(token)}`;
          await sendPasswordMail(context.mailer, { to: body.email, url, language, reason: 'invite' });
          return;
        }
        const organisation = await findOrganisation(context.db, caller);
        await sendMemberAddedMail(context.mailer, {
          to: body.email,
          organisation: organisation?.name ?? '',
          url: `${publicUrl(context.config)}/console/`,
          language,
        });
      });
      return { userId: added.userId, role: body.role, invitationMailed: true as const };
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
      const result = await changeRole(
        context.db,
        caller,
        { userId: params.userId, role: body.role, actor: caller.actor },
        context.clock(),
      );
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
