/**
 * Routes of the console's charter editor: the JSON Schema the editor completes from, one revision with its source and
 * the one before it (for the history's diff), the preview of what a draft changes for readers (validation, lint and
 * the notice diff per site and language, against the active revision), and rollback to an earlier revision as a new
 * revision — through the same gate as `charter apply`, audited as `charter.rolled-back`.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { stringify } from 'yaml';
import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import type { CharterDb } from './views.js';
import { conflict, notFound } from '../platform/errors.js';
import { defineRoute } from '../platform/http/routes.js';
import { emailOf, memberEmails } from './actors.js';
import { gateForApply } from './apply-gate.js';
import { loadCharter } from './loader.js';
import { previewCharter } from './preview.js';
import { activeCharter, applyCharter, charterRevisionBySeq, type StoredRevision } from './repository.js';
import { lintResponseSchema, lintSubmission } from './routes.js';
import { charterSchema, languages } from './schema.js';
import { noticeChangeSchema } from '../notices/schemas.js';

export interface EditorRouteDeps {
  db: Kysely<CharterDb>;
  clock: () => Date;
}

const seqParams = z.object({ seq: z.coerce.number().int().min(1).max(2_147_483_647) });

export const previewResponseSchema = z.object({
  check: lintResponseSchema,
  /** The active revision the preview compares with; absent before the first apply. */
  activeSeq: z.number().optional(),
  preview: z
    .object({
      sites: z.array(
        z.object({
          site: z.string(),
          name: z.string(),
          added: z.boolean(),
          languages: z.array(
            z.object({
              language: z.enum(languages),
              notice: z.array(noticeChangeSchema),
              cookies: z.array(noticeChangeSchema),
            }),
          ),
        }),
      ),
      removedSites: z.array(z.string()),
    })
    .optional()
    .describe('absent when the draft does not load (validation problems)'),
});

/** One revision with its text (`GET /api/v1/charter/revisions/:seq`, the console's editor and history). */
export const revisionDetailSchema = z.object({
  seq: z.number(),
  revision: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByEmail: z.string().optional(),
  restoredFrom: z.number().nullable(),
  active: z.boolean(),
  format: z.enum(['yaml', 'json']),
  /** The text as applied. */
  source: z.string(),
  /** The charter as YAML for the editor: the source itself, or a JSON revision written out as YAML. */
  yaml: z.string(),
  previous: z.object({ seq: z.number(), yaml: z.string() }).nullable(),
});

/** A revision's text as YAML: what was applied when it was YAML, the stored charter written as YAML otherwise. */
export function asYaml(stored: StoredRevision): string {
  if (stored.format === 'yaml') return stored.source;
  // From the applied JSON text, which keeps the author's key order (the stored jsonb sorts keys by length).
  let value: unknown = stored.charter;
  try {
    value = JSON.parse(stored.source);
  } catch {
    // A source that is not JSON after all: the stored charter still says the same.
  }
  return stringify(value, { lineWidth: 0 });
}

/** The charter's JSON Schema as draft-07, the dialect the console's editor (codemirror-json-schema) reads. */
let editorSchema: unknown;
function charterJsonSchema(): unknown {
  editorSchema ??= {
    ...z.toJSONSchema(charterSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }),
    title: 'Charter declaration (charter.yaml)',
  };
  return editorSchema;
}

export function registerEditorRoutes(app: FastifyInstance, deps: EditorRouteDeps) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/charter/schema',
      summary: 'The JSON Schema (draft-07) of charter.yaml, for editors (the same as `charter schema`, other dialect)',
      tags: ['charter'],
      auth: 'public',
      response: z.record(z.string(), z.unknown()),
    },
    async ({ reply }) => {
      reply.header('cache-control', 'public, max-age=3600');
      return charterJsonSchema() as Record<string, unknown>;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/charter/revisions/:seq',
      summary: 'One charter revision with its text and the text of the revision before it (for a diff)',
      tags: ['charter'],
      auth: { scopes: ['charter:read'] },
      params: seqParams,
      response: revisionDetailSchema,
      errors: [404],
    },
    async ({ params, request }) => {
      const caller = callerOf(request);
      const stored = await charterRevisionBySeq(deps.db, caller, params.seq);
      if (!stored) throw notFound('revision');
      const previous = params.seq > 1 ? await charterRevisionBySeq(deps.db, caller, params.seq - 1) : undefined;
      const active = await activeCharter(deps.db, caller);
      const emails = await memberEmails(deps.db, caller);
      return {
        seq: stored.seq,
        revision: stored.revision,
        createdAt: stored.createdAt.toISOString(),
        createdBy: stored.createdBy,
        ...emailOf(emails, stored.createdBy),
        restoredFrom: stored.restoredFrom,
        active: active?.seq === stored.seq,
        format: stored.format,
        source: stored.source,
        yaml: asYaml(stored),
        previous: previous ? { seq: previous.seq, yaml: asYaml(previous) } : null,
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/charter/preview',
      summary:
        'What publishing a draft would change: its problems and lint findings, and the notice diff per site and language',
      tags: ['charter'],
      auth: { scopes: ['charter:read'] },
      body: z.strictObject({ source: z.string().min(1).max(1_000_000) }),
      response: previewResponseSchema,
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      const now = deps.clock();
      const check = lintSubmission({ source: body.source }, now);
      const loaded = loadCharter(body.source, 'charter.yaml');
      const active = await activeCharter(deps.db, caller);
      return {
        check,
        ...(active ? { activeSeq: active.seq } : {}),
        ...(loaded.ok ? { preview: previewCharter(active?.charter, loaded.charter) } : {}),
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/charter/revisions/:seq/rollback',
      summary: 'Make an earlier revision active again, as a new revision (the same gate as apply; audited)',
      tags: ['charter'],
      auth: { scopes: ['charter:apply'] },
      params: seqParams,
      response: z.object({ seq: z.number(), revision: z.string(), changed: z.boolean(), restoredFrom: z.number() }),
      errors: [404, 409],
    },
    async ({ params, request, reply }) => {
      const caller = callerOf(request);
      const earlier = await charterRevisionBySeq(deps.db, caller, params.seq);
      if (!earlier) throw notFound('revision');
      const active = await activeCharter(deps.db, caller);
      if (active?.revision === earlier.revision)
        throw conflict(`Revision ${params.seq} is what is active now; there is nothing to roll back.`);
      // Rules that depend on the date (a transfer mechanism invalidated since) judge the old text as of today.
      const charter = gateForApply(earlier.source, 'charter.yaml', deps.clock(), caller.organisationSlug);
      const result = await applyCharter(deps.db, caller, {
        charter,
        source: earlier.source,
        format: earlier.format,
        actor: caller.actor,
        restoredFrom: earlier.seq,
      });
      reply.code(201);
      return { ...result, restoredFrom: earlier.seq };
    },
  );
}
