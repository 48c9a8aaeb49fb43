/**
 * HTTP routes of the declaration: the active charter (public parts) and lint for editors and CI.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import {
  findOrganisationBySlug,
  isArchived,
  listOrganisations,
  organisationArchived,
} from '../accounts/organisations.js';
import { type CharterDb, charterView } from './views.js';
import { badRequest, notFound, invalidInput } from '../platform/errors.js';
import { defineRoute } from '../platform/http/routes.js';
import { lintCharter } from '../lint.js';
import { formatPath, loadCharter, validateCharter } from './loader.js';
import { activeCharter, findSite, publicCharter } from './repository.js';
import { charterRevision, consentRevision } from './revision.js';

export interface CharterRouteDeps {
  db: Kysely<CharterDb>;
  clock: () => Date;
}

const problemSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  path: z.string(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  article: z.string(),
  path: z.string(),
  line: z.number(),
  column: z.number(),
  message: z.string(),
});

export const lintResponseSchema = z.object({
  valid: z.boolean().describe('the charter has no errors (validation or lint)'),
  revision: z.string().optional(),
  problems: z.array(problemSchema),
  findings: z.array(findingSchema),
});

const lintBodySchema = z.union(
  [
    z.string().describe('charter.yaml text (Content-Type: application/yaml)'),
    z.strictObject({ source: z.string().min(1).max(1_000_000), file: z.string().max(200).optional() }),
    z.strictObject({ charter: z.record(z.string(), z.unknown()), file: z.string().max(200).optional() }),
  ],
  { error: 'send charter YAML as application/yaml, or JSON {"source": "<yaml>"} or {"charter": {…}}' },
);

/** Lints a charter given as YAML text or as a parsed object. Pure apart from the clock. */
export function lintSubmission(body: z.infer<typeof lintBodySchema>, now: Date): z.infer<typeof lintResponseSchema> {
  const result =
    typeof body === 'string'
      ? loadCharter(body, 'charter.yaml')
      : 'source' in body
        ? loadCharter(body.source, body.file ?? 'charter.yaml')
        : validateCharter(body.charter, body.file ?? 'charter.json');
  if (!result.ok) return { valid: false, problems: result.problems, findings: [] };
  const findings = lintCharter(result.charter, { now }).map((finding) => {
    const { line, col } = result.locate(finding.path);
    return { ...finding, path: formatPath(finding.path), line, column: col };
  });
  return {
    valid: !findings.some((f) => f.severity === 'error'),
    revision: charterRevision(result.charter),
    problems: [],
    findings,
  };
}

/** Which organisation a public request means: by site, by slug, or the only one there is. */
export async function resolvePublicOrganisation<DB extends CharterDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  query: { site?: string | undefined; organisation?: string | undefined },
) {
  const db = charterView(anyDb);
  if (query.site) {
    const site = await findSite(db, query.site);
    if (!site) throw notFound('site');
    return site.organisationId;
  }
  if (query.organisation) {
    const organisation = await findOrganisationBySlug(db, query.organisation);
    if (!organisation) throw notFound('organisation');
    if (await isArchived(db, organisation.id)) throw organisationArchived();
    return organisation.id;
  }
  const all = await listOrganisations(db);
  if (all.length === 1 && all[0]) {
    if (await isArchived(db, all[0].id)) throw organisationArchived();
    return all[0].id;
  }
  if (all.length === 0) throw notFound('charter');
  throw invalidInput([
    { path: 'query.site', message: 'several organisations are hosted here: name the site or the organisation' },
  ]);
}

export function registerCharterRoutes(app: FastifyInstance, deps: CharterRouteDeps) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/charter',
      summary: 'The active charter and its revision (public parts: everything but the store wiring)',
      tags: ['charter'],
      auth: 'public',
      query: z.object({
        site: z.string().max(100).optional(),
        organisation: z.string().max(100).optional(),
      }),
      response: z.object({
        organisation: z.string(),
        seq: z.number(),
        revision: z.string(),
        consentRevision: z.string(),
        updatedAt: z.string(),
        charter: z.record(z.string(), z.unknown()),
      }),
      errors: [404],
    },
    async ({ query, reply }) => {
      const organisationId = await resolvePublicOrganisation(deps.db, query);
      const stored = await activeCharter(deps.db, { organisationId });
      if (!stored) throw notFound('charter');
      reply.header('cache-control', 'public, max-age=60');
      reply.header('etag', `"${stored.revision}"`);
      return {
        organisation: stored.charter.organisation.id,
        seq: stored.seq,
        revision: stored.revision,
        consentRevision: consentRevision(stored.charter, query.site),
        updatedAt: stored.createdAt.toISOString(),
        charter: publicCharter(stored.charter),
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/charter/lint',
      summary: 'Validate and lint a charter (for editors and CI): every problem with line and column',
      tags: ['charter'],
      auth: 'public',
      body: lintBodySchema,
      consumes: ['application/yaml', 'text/yaml', 'text/plain'],
      response: lintResponseSchema,
    },
    async ({ body }) => {
      if (typeof body === 'string' && body.trim() === '') throw badRequest('The body is empty; send a charter.');
      return lintSubmission(body, deps.clock());
    },
  );
}
