/** The console's audit page: filtered entries, the actions to filter by, chain verification and the JSONL export. */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { defineRoute } from '../platform/http/routes.js';
import { invalidInput } from '../platform/errors.js';
import { CheckpointError, checkCheckpointSignature, checkpointSchema, takeCheckpoint } from './checkpoint.js';
import { auditActions, exportAuditLines, listAuditEntries } from './query.js';
import { recordAudit } from './trail.js';
import type { AuditTables } from './tables.js';
import { verifyChain } from './verify.js';

export interface AuditRouteDeps {
  db: Kysely<AuditTables>;
  clock: () => Date;
}

export const entrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export const chainReportSchema = z.object({
  ok: z.boolean(),
  entries: z.number(),
  headSeq: z.number(),
  firstSeq: z.number().nullable(),
  keyedFromSeq: z.number().nullable(),
  firstBreak: z
    .object({
      kind: z.string(),
      seq: z.number(),
      action: z.string().nullable(),
      at: z.string().nullable(),
      message: z.string(),
    })
    .nullable(),
  checkpoint: z.object({ seq: z.number(), at: z.string(), status: z.enum(['matches', 'pruned', 'broken']) }).nullable(),
});

export const auditQuerySchema = z.object({
  action: z
    .string()
    .regex(/^[a-z0-9_.-]{1,80}$/, 'an action such as user.login, or a family such as user')
    .optional(),
  actor: z.string().max(100).optional(),
  target: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export function registerAuditRoutes(app: FastifyInstance, deps: AuditRouteDeps): void {
  registerAuditTrailRoutes(app, deps);
  registerAuditVerifyRoutes(app, deps);
  registerAuditExportRoutes(app, deps);
}

/** Reading the trail: its entries (filtered, paged) and the actions recorded. */
function registerAuditTrailRoutes(app: FastifyInstance, deps: AuditRouteDeps): void {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/audit',
      summary: 'Audit trail entries, newest first, filtered by action (or family), actor, target and time',
      tags: ['audit'],
      auth: { scopes: ['audit:read'] },
      query: auditQuerySchema,
      response: z.object({ entries: z.array(entrySchema), nextBefore: z.number().nullable() }),
    },
    async ({ query, request }) => {
      const page = await listAuditEntries(deps.db, callerOf(request), {
        ...query,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      });
      return {
        entries: page.entries.map((e) => ({
          seq: e.seq,
          at: e.at.toISOString(),
          actor: e.actor,
          action: e.action,
          target: e.target,
          data: e.data,
          hash: e.hash,
        })),
        nextBefore: page.nextBefore,
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/audit/actions',
      summary: 'The actions found in the audit trail (for filters)',
      tags: ['audit'],
      auth: { scopes: ['audit:read'] },
      response: z.object({ actions: z.array(z.string()) }),
    },
    async ({ request }) => ({ actions: await auditActions(deps.db, callerOf(request)) }),
  );
}

/** Verifying the chain, on its own or against an uploaded checkpoint. */
function registerAuditVerifyRoutes(app: FastifyInstance, deps: AuditRouteDeps): void {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/audit/verify',
      summary:
        'Recompute the hash chain and report the first broken link (edited, deleted, reordered or unkeyed entry)',
      tags: ['audit'],
      auth: { scopes: ['audit:read'] },
      response: chainReportSchema,
    },
    async ({ request }) => {
      const { organisationId: _id, ...report } = await verifyChain(deps.db, callerOf(request));
      return report;
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/audit/verify',
      summary:
        'Recompute the hash chain and compare it with a signed checkpoint (a chain cut short or rewritten since)',
      tags: ['audit'],
      auth: { scopes: ['audit:read'] },
      body: checkpointSchema,
      bodyLimit: 16 * 1024,
      response: chainReportSchema,
    },
    async ({ request, body }) => {
      const caller = callerOf(request);
      try {
        checkCheckpointSignature(body);
      } catch (error) {
        if (error instanceof CheckpointError)
          throw invalidInput(
            [{ path: `body.${error.field ?? 'signature'}`, message: error.message }],
            'The checkpoint is refused.',
          );
        throw error;
      }
      if (body.organisation.id !== caller.organisationId) {
        throw invalidInput(
          [{ path: 'body.organisation.id', message: 'this checkpoint is of another organisation' }],
          'The checkpoint is refused.',
        );
      }
      const { organisationId: _id, ...report } = await verifyChain(deps.db, caller, { checkpoint: body });
      return report;
    },
  );
}

/** Taking the trail away: a signed checkpoint of its head, and the export of its entries. */
function registerAuditExportRoutes(app: FastifyInstance, deps: AuditRouteDeps): void {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/audit/checkpoint',
      summary:
        'A signed checkpoint of the chain head, to keep outside Charter (taking it is audited, and it covers that entry)',
      tags: ['audit'],
      auth: { scopes: ['audit:read'] },
      response: checkpointSchema,
    },
    async ({ request, reply }) => {
      const caller = callerOf(request);
      const checkpoint = await takeCheckpoint(deps.db, caller, {
        organisationSlug: caller.organisationSlug,
        actor: caller.actor,
        now: deps.clock(),
      });
      reply
        .header(
          'content-disposition',
          `attachment; filename="audit-checkpoint-${caller.organisationSlug}-${checkpoint.seq}.json"`,
        )
        .header('cache-control', 'no-store');
      return checkpoint;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/audit/export',
      summary: 'Export the whole audit trail as JSON Lines with hashes (the export itself is audited)',
      tags: ['audit'],
      auth: { scopes: ['audit:read'] },
      produces: 'application/x-ndjson',
    },
    async ({ request, reply }) => {
      const caller = callerOf(request);
      await inOrganisation(deps.db, caller, (trx) =>
        recordAudit(
          trx,
          caller,
          { actor: caller.actor, action: 'audit.exported', data: { format: 'jsonl' } },
          deps.clock(),
        ),
      );
      reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${caller.organisationSlug}.jsonl"`)
        .header('cache-control', 'no-store');
      return reply.send(Readable.from(exportAuditLines(deps.db, caller, caller.organisationSlug)));
    },
  );
}
