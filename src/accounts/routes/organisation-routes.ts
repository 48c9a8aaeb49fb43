/**
 * Organisations on a running installation, for installation operators (`organisations:manage`, operators.ts): list
 * every organisation, create one with its first owner (invited by mail), archive and unarchive. Nothing here reads an
 * organisation's own rows: the list comes from the organisations and public site index.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import type { BackgroundTasks } from '../../platform/background.js';
import { publicUrl } from '../../platform/config.js';
import { defineRoute } from '../../platform/http/routes.js';
import { agencyOverview } from '../agency-overview.js';
import { callerOf } from '../caller.js';
import { createOrganisation, listOrganisationEntries, setOrganisationArchived } from '../organisations.js';
import { operatorScope } from '../operators.js';
import { issuePasswordLink } from '../sign-in.js';
import { sendMemberAddedMail, sendPasswordMail } from './password-mail.js';
import { languageSchema } from '../../charter/schema.js';

/** The same rule as a charter's `organisation.id`, so a charter can be applied to the organisation created here. */
export const organisationSlugSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes (e.g. "bakery-janssens")');

export const organisationEntrySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
  sites: z.array(z.string()),
});

export const createOrganisationBodySchema = z.object({
  slug: organisationSlugSchema,
  name: z.string().trim().min(1).max(200),
  owner: z.object({ email: z.email().max(254), language: languageSchema.optional() }),
});

const slugParams = z.object({ slug: organisationSlugSchema });
const archiveAnswer = z.object({ slug: z.string(), archivedAt: z.string().nullable(), changed: z.boolean() });

/** Every route here is the operator's. */
const auth = { scopes: [operatorScope] };

export function registerOrganisationRoutes(app: FastifyInstance, context: AppContext, tasks: BackgroundTasks): void {
  registerOrganisationListRoutes(app, context, tasks);
  registerOrganisationStateRoutes(app, context);
}

/** The operator's list of organisations and creating one (with its first user's invitation). */
function registerOrganisationListRoutes(app: FastifyInstance, context: AppContext, tasks: BackgroundTasks): void {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/organisations',
      summary: 'Every organisation of the installation with its sites, archived ones included (installation operators)',
      tags: ['organisations'],
      auth,
      response: z.object({ organisations: z.array(organisationEntrySchema) }),
    },
    async () => {
      const entries = await listOrganisationEntries(context.db);
      return {
        organisations: entries.map((e) => ({
          ...e,
          createdAt: e.createdAt.toISOString(),
          archivedAt: e.archivedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/organisations',
      summary: 'Create an organisation with its first owner, who is mailed an invitation (installation operators)',
      tags: ['organisations'],
      auth,
      body: createOrganisationBodySchema,
      response: z.object({ organisation: organisationEntrySchema, invitationMailed: z.literal(true) }),
      status: 201,
      errors: [409],
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      const now = context.clock();
      const created = await createOrganisation(
        context.db,
        { slug: body.slug, name: body.name, ownerEmail: body.owner.email, actor: caller.actor },
        now,
      );
      const language = body.owner.language ?? 'en';
      tasks.run('first owner invitation', async () => {
        if (!created.owner.hasPassword) {
          const token = await issuePasswordLink(context.db, created.owner.userId, now);
          await sendPasswordMail(context.mailer, {
            to: body.owner.email,
            url: `${publicUrl(context.config)}/console/password?token=${encodeURIComponent(token)}`,
            language,
            reason: 'invite',
          });
          return;
        }
        await sendMemberAddedMail(context.mailer, {
          to: body.owner.email,
          organisation: body.name,
          url: `${publicUrl(context.config)}/console/`,
          language,
        });
      });
      const { organisation } = created;
      return {
        organisation: { ...organisation, createdAt: now.toISOString(), archivedAt: null, sites: [] },
        invitationMailed: true as const,
      };
    },
  );
}

/** The agency overview across organisations, and archiving or restoring one. */
function registerOrganisationStateRoutes(app: FastifyInstance, context: AppContext): void {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/organisations/overview',
      summary:
        "The caller's organisations side by side (an operator: all): sites, open and overdue requests, last scan — the agency view",
      tags: ['organisations'],
      // Any signed-in caller: each sees only the organisations they belong to (a token: its own).
      auth: { scopes: [] },
      response: z.object({
        organisations: z.array(
          z.object({
            slug: z.string(),
            name: z.string(),
            archived: z.boolean(),
            member: z.boolean(),
            sites: z.array(z.string()),
            openRequests: z.number(),
            overdueRequests: z.number(),
            lastScan: z.object({ at: z.string(), findings: z.number() }).nullable(),
          }),
        ),
      }),
    },
    async ({ request }) => ({ organisations: await agencyOverview(context.db, callerOf(request), context.clock()) }),
  );

  for (const archived of [true, false]) {
    defineRoute(
      app,
      {
        method: 'POST',
        url: `/api/v1/organisations/:slug/${archived ? 'archive' : 'unarchive'}`,
        summary: archived
          ? 'Archive an organisation: its data is kept, its public pages and banner answer 410 Gone, its jobs stop (installation operators)'
          : 'Unarchive an organisation: its public pages, banner and jobs resume (installation operators)',
        tags: ['organisations'],
        auth,
        params: slugParams,
        response: archiveAnswer,
        errors: [404],
      },
      async ({ params, request }) => {
        const result = await setOrganisationArchived(
          context.db,
          { slug: params.slug, archived, actor: callerOf(request).actor },
          context.clock(),
        );
        return {
          slug: result.organisation.slug,
          archivedAt: result.archivedAt?.toISOString() ?? null,
          changed: result.changed,
        };
      },
    );
  }
}
