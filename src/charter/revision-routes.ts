/**
 * Protected charter routes: apply a new revision through the API (`charter apply --server`, scope charter:apply;
 * refused with 422 and every problem when validation or lint finds an error), the revision history, and the overview
 * the console shows (the active charter with its lint findings).
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import type { CharterDb } from './views.js';
import { notFound } from '../platform/errors.js';
import { defineRoute } from '../platform/http/routes.js';
import { lintCharter } from '../lint.js';
import { formatPath } from './loader.js';
import { emailOf, memberEmails } from './actors.js';
import { activeCharter, applyCharter, listRevisions } from './repository.js';
import { asYaml, registerEditorRoutes } from './editor-routes.js';
import { lintSubmission } from './routes.js';
import { gateForApply } from './apply-gate.js';
import { charterOverviewSchema, revisionSummarySchema } from './schemas.js';

export interface RevisionRouteDeps {
  db: Kysely<CharterDb>;
  clock: () => Date;
}

const applyBodySchema = z.union(
  [
    z.string().describe('charter.yaml text (Content-Type: application/yaml)'),
    z.strictObject({
      source: z.string().min(1).max(1_000_000),
      file: z.string().max(200).optional(),
      baseSeq: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe(
          'the revision the text was edited from (0: none); refused with 409 when another one is active by now',
        ),
    }),
  ],
  { error: 'send charter YAML as application/yaml, or JSON {"source": "<yaml>"}' },
);

export function registerRevisionRoutes(app: FastifyInstance, deps: RevisionRouteDeps) {
  // The console's editor, preview, revision detail and rollback sit beside these routes (editor-routes.ts).
  registerEditorRoutes(app, deps);

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/charter/revisions',
      summary: 'Apply a new charter revision (refused with 422 and every problem when it has errors)',
      tags: ['charter'],
      auth: { scopes: ['charter:apply'] },
      body: applyBodySchema,
      consumes: ['application/yaml', 'text/yaml', 'text/plain'],
      response: z.object({ seq: z.number(), revision: z.string(), changed: z.boolean() }),
      errors: [409],
    },
    async ({ body, request, reply }) => {
      const caller = callerOf(request);
      const source = typeof body === 'string' ? body : body.source;
      const loaded = gateForApply(
        source,
        typeof body === 'string' ? 'charter.yaml' : (body.file ?? 'charter.yaml'),
        deps.clock(),
        caller.organisationSlug,
      );
      const baseSeq = typeof body === 'string' ? undefined : body.baseSeq;
      const result = await applyCharter(deps.db, caller, {
        charter: loaded,
        source,
        format: 'yaml',
        actor: caller.actor,
        ...(baseSeq === undefined ? {} : { baseSeq }),
      });
      reply.code(result.changed ? 201 : 200);
      return result;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/charter/revisions',
      summary: 'The history of charter revisions, newest first',
      tags: ['charter'],
      auth: { scopes: ['charter:read'] },
      response: z.object({ revisions: z.array(revisionSummarySchema) }),
    },
    async ({ request }) => {
      const caller = callerOf(request);
      const revisions = await listRevisions(deps.db, caller);
      const emails = await memberEmails(deps.db, caller);
      return {
        revisions: revisions.map((r) => ({
          ...r,
          createdAt: new Date(r.createdAt).toISOString(),
          ...emailOf(emails, r.createdBy),
        })),
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/charter/overview',
      summary: 'The active charter of the organisation with its lint findings (the console overview)',
      tags: ['charter'],
      auth: { scopes: ['charter:read'] },
      response: charterOverviewSchema,
      errors: [404],
    },
    async ({ request }) => {
      const stored = await activeCharter(deps.db, callerOf(request));
      if (!stored) throw notFound('charter');
      // Linted from the text the editor shows, so that each finding carries the line it links to.
      const checked = lintSubmission({ source: asYaml(stored) }, deps.clock());
      const findings =
        checked.problems.length === 0
          ? checked.findings
          : lintCharter(stored.charter, { now: deps.clock() }).map((f) => ({ ...f, path: formatPath(f.path) }));
      return {
        seq: stored.seq,
        revision: stored.revision,
        updatedAt: stored.createdAt.toISOString(),
        updatedBy: stored.createdBy,
        charter: stored.charter as unknown as Record<string, unknown>,
        findings,
      };
    },
  );
}
