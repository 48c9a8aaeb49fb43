/**
 * HTTP API of the records domain: the Art. 30 records (JSON and XLSX/CSV/PDF export), the processors and transfers
 * overview with its warnings, and the breach register (record, amend, notify, drafts). There is no route that
 * deletes anything: the register only grows.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import { activeCharter } from '../charter/repository.js';
import type { Kysely } from 'kysely';
import type { Config } from '../platform/config.js';
import type { OrgScope } from '../platform/db/tenancy.js';
import { invalidInput, notFound } from '../platform/errors.js';
import { defineRoute } from '../platform/http/routes.js';
import {
  authorityDraftLanguage,
  authorityLanguages,
  controllerNotice,
  subjectsMessage,
  authorityDraft,
} from './breach-drafts.js';
import { amendBreach, findBreach, listBreaches, recordBreach, recordNotification } from './breach-repository.js';
import { breachAmendmentSchema, breachContentSchema, notificationInputSchema } from './breach.js';
import { breachViewSchema, draftSchema, dueBreaches, toBreachView, breachSummarySchema } from './breach-views.js';
import { exportFormats, exportRecords, NoProcessorRecordError } from './export.js';
import { recordLanguages, type RecordLanguage } from './i18n.js';
import { processorOverview } from './processors.js';
import { deriveRecords } from './record.js';
import { recordLanguage } from './record-language.js';
import { findAuthority } from '../charter/catalogs/authorities.js';
import { recordsView, type RecordsDb } from './tables.js';

export interface RecordsRouteDeps<DB extends RecordsDb = RecordsDb> {
  db: Kysely<DB>;
  config: Config;
  clock: () => Date;
}

const languageQuery = z.object({ language: z.enum(recordLanguages).optional() });
const breachParams = z.object({ id: z.uuid('a breach id') });

async function charterOf(db: Kysely<RecordsDb>, scope: OrgScope) {
  const stored = await activeCharter(db, scope);
  if (!stored) throw notFound('charter');
  return stored;
}

/** The active charter and one breach, which every draft is made from (404 when either is missing). */
async function charterAndBreach(db: Kysely<RecordsDb>, scope: OrgScope, id: string) {
  const [stored, breach] = await Promise.all([charterOf(db, scope), findBreach(db, scope, id)]);
  if (!breach) throw notFound('breach');
  return { stored, breach };
}

/** Who may do what: the records are read with `records:read`, the register with `breaches:read` / `breaches:write`. */
const read = { scopes: ['records:read'] };
const breachesRead = { scopes: ['breaches:read'] };
const breachesWrite = { scopes: ['breaches:write'] };

/** Every route of the records domain, in the order they are documented. */
export function registerRecordsRoutes<DB extends RecordsDb>(app: FastifyInstance, anyDeps: RecordsRouteDeps<DB>) {
  const deps: RecordsRouteDeps = { ...anyDeps, db: recordsView(anyDeps.db) };
  registerRecordOfProcessingRoutes(app, deps);
  registerBreachRegisterRoutes(app, deps);
  registerBreachEntryRoutes(app, deps);
  registerBreachDraftRoutes(app, deps);
}

/** The Art. 30 records (JSON and exports) and the processors overview. */
function registerRecordOfProcessingRoutes(app: FastifyInstance, deps: RecordsRouteDeps) {
  defineCharterDocumentRoute(
    app,
    deps,
    '/api/v1/records',
    'The records of processing activities (Art. 30(1) controller record; Art. 30(2) processor record when the organisation acts as processor)',
    (stored, language) => ({
      ...deriveRecords(stored.charter, { language, now: deps.clock(), revision: stored.revision }),
    }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/records/export',
      summary: 'Export the Art. 30 records as XLSX (a sheet per record type), CSV (one record type) or PDF',
      tags: ['records'],
      auth: read,
      query: languageQuery.extend({
        format: z.enum(exportFormats),
        record: z.enum(['controller', 'processor']).optional().describe('for CSV: which record (default controller)'),
      }),
      produces: 'application/octet-stream',
      errors: [404],
    },
    async ({ query, request, reply }) => {
      const stored = await charterOf(deps.db, callerOf(request));
      try {
        const exported = await exportRecords(stored.charter, {
          format: query.format,
          language: recordLanguage(stored.charter, query.language),
          now: deps.clock(),
          revision: stored.revision,
          ...(query.record ? { record: query.record } : {}),
        });
        return reply
          .type(exported.contentType)
          .header('content-disposition', `attachment; filename="${exported.filename}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(exported.body));
      } catch (error) {
        if (error instanceof NoProcessorRecordError)
          throw invalidInput([{ path: 'query.record', message: error.message }]);
        throw error;
      }
    },
  );

  defineCharterDocumentRoute(
    app,
    deps,
    '/api/v1/processors',
    'Recipients with role, country, transfer mechanism, DPA date and sub-processors, and the warnings on them',
    (stored, language) => ({
      ...processorOverview(stored.charter, deps.clock(), {
        language,
        dpaReviewAfter: deps.config.CHARTER_DPA_REVIEW_AFTER,
      }),
    }),
  );
}

/**
 * A document the records derive from the active charter, read with `records:read` in the language asked for (or the
 * charter's first): 404 while no charter is active.
 */
function defineCharterDocumentRoute(
  app: FastifyInstance,
  deps: RecordsRouteDeps,
  url: string,
  summary: string,
  derive: (stored: Awaited<ReturnType<typeof charterOf>>, language: RecordLanguage) => Record<string, unknown>,
) {
  defineRoute(
    app,
    {
      method: 'GET',
      url,
      summary,
      tags: ['records'],
      auth: read,
      query: languageQuery,
      response: z.record(z.string(), z.unknown()),
      errors: [404],
    },
    async ({ query, request }) => {
      const stored = await charterOf(deps.db, callerOf(request));
      return derive(stored, recordLanguage(stored.charter, query.language));
    },
  );
}

/** The register as a whole: the list, the breaches whose clock runs, and recording a new one. */
function registerBreachRegisterRoutes(app: FastifyInstance, deps: RecordsRouteDeps) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/breaches',
      summary:
        'The breach register: every breach in its current version with its 72-hour clock and pending notifications',
      tags: ['breaches'],
      auth: breachesRead,
      response: z.object({ breaches: z.array(breachSummarySchema) }),
    },
    async ({ request }) => {
      const now = deps.clock();
      const breaches = await listBreaches(deps.db, callerOf(request));
      return { breaches: breaches.map((b) => toBreachView(b, now)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/breaches/due',
      summary:
        'Reminders: open breaches whose authority notification is overdue or due within the given hours, or whose people or controllers are still to be told',
      tags: ['breaches'],
      auth: breachesRead,
      query: z.object({ withinHours: z.coerce.number().int().min(1).max(72).default(24) }),
      response: z.object({ breaches: z.array(breachSummarySchema) }),
    },
    async ({ query, request }) => {
      const now = deps.clock();
      const breaches = await listBreaches(deps.db, callerOf(request));
      return { breaches: dueBreaches(breaches, now, query.withinHours * 3_600_000) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/breaches',
      summary: 'Record a breach (Art. 33(5)); the 72-hour clock runs from awareAt',
      tags: ['breaches'],
      auth: breachesWrite,
      body: breachContentSchema,
      response: breachViewSchema,
      status: 201,
      errors: [404, 422],
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      const now = deps.clock();
      await checkControllers(deps.db, caller, body.controllers);
      const breach = await recordBreach(deps.db, caller, { content: body, actor: caller.actor, now });
      return toBreachView(
        {
          ...breach,
          versions: [
            {
              version: 1,
              recordedAt: breach.createdAt,
              recordedBy: breach.createdBy,
              reason: null,
              content: breach.content,
            },
          ],
        },
        now,
      );
    },
  );
}

/** One breach: its record, an amendment (a new version), and a notification sent. */
function registerBreachEntryRoutes(app: FastifyInstance, deps: RecordsRouteDeps) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/breaches/:id',
      summary: 'One breach with every version and every notification',
      tags: ['breaches'],
      auth: breachesRead,
      params: breachParams,
      response: breachViewSchema,
      errors: [404],
    },
    async ({ params, request }) => {
      const breach = await findBreach(deps.db, callerOf(request), params.id);
      if (!breach) throw notFound('breach');
      return toBreachView(breach, deps.clock());
    },
  );

  defineBreachChange(
    app,
    deps,
    '/api/v1/breaches/:id/amendments',
    'Amend a breach: the changed fields become a new version with the reason; nothing is overwritten',
    breachAmendmentSchema,
    async (caller, id, amendment, now) => {
      if (amendment.controllers) await checkControllers(deps.db, caller, amendment.controllers);
      await amendBreach(deps.db, caller, id, { amendment, actor: caller.actor, now });
    },
  );
  defineBreachChange(
    app,
    deps,
    '/api/v1/breaches/:id/notifications',
    'Record a notification that was sent: to the authority (initial, then follow-ups), the people concerned, or a controller',
    notificationInputSchema,
    (caller, id, notification, now) =>
      recordNotification(deps.db, caller, id, { notification, actor: caller.actor, now }),
  );
}

/** A change to one breach (`breaches:write`): `apply` records it, the answer is the breach as it now stands (201). */
function defineBreachChange<B extends z.ZodType>(
  app: FastifyInstance,
  deps: RecordsRouteDeps,
  url: string,
  summary: string,
  body: B,
  apply: (caller: ReturnType<typeof callerOf>, id: string, input: z.output<B>, now: Date) => Promise<unknown>,
) {
  defineRoute(
    app,
    {
      method: 'POST',
      url,
      summary,
      tags: ['breaches'],
      auth: breachesWrite,
      params: breachParams,
      body,
      response: breachViewSchema,
      status: 201,
      errors: [404, 422],
    },
    async ({ params, body, request }) => {
      const caller = callerOf(request);
      const now = deps.clock();
      await apply(caller, params.id, body, now);
      const breach = await findBreach(deps.db, caller, params.id);
      if (!breach) throw notFound('breach');
      return toBreachView(breach, now);
    },
  );
}

/** Drafts generated from a breach: to the authority, to the people concerned, to a controller. */
function registerBreachDraftRoutes(app: FastifyInstance, deps: RecordsRouteDeps) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/breaches/:id/drafts/authority',
      summary:
        'Draft of the notification to the supervisory authority (Art. 33(3)), in a language the authority takes, addressed from the catalog',
      tags: ['breaches'],
      auth: breachesRead,
      params: breachParams,
      query: languageQuery,
      response: draftSchema.extend({ languages: z.array(z.enum(recordLanguages)) }),
      errors: [404, 422],
    },
    async ({ params, query, request }) => {
      const { stored, breach } = await charterAndBreach(deps.db, callerOf(request), params.id);
      const languages = authorityLanguages(findAuthority(stored.charter.organisation.authority));
      if (query.language && !languages.includes(query.language)) {
        throw invalidInput([
          { path: 'query.language', message: `the authority takes notifications in ${languages.join(', ')}` },
        ]);
      }
      const language = authorityDraftLanguage(stored.charter, query.language);
      return { ...authorityDraft(stored.charter, breach, { language, now: deps.clock() }), languages };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/breaches/:id/drafts/subjects',
      summary: 'Plain-language message to the people concerned (Art. 34(2))',
      tags: ['breaches'],
      auth: breachesRead,
      params: breachParams,
      query: languageQuery,
      response: draftSchema,
      errors: [404],
    },
    async ({ params, query, request }) => {
      const { stored, breach } = await charterAndBreach(deps.db, callerOf(request), params.id);
      return subjectsMessage(stored.charter, breach, recordLanguage(stored.charter, query.language));
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/breaches/:id/drafts/controller/:customer',
      summary: 'For an organisation acting as processor: the notice to one of its controllers (Art. 33(2))',
      tags: ['breaches'],
      auth: breachesRead,
      params: breachParams.extend({ customer: z.string().min(1).max(100) }),
      query: languageQuery,
      response: draftSchema,
      errors: [404],
    },
    async ({ params, query, request }) => {
      const { stored, breach } = await charterAndBreach(deps.db, callerOf(request), params.id);
      const draft = controllerNotice(
        stored.charter,
        breach,
        params.customer,
        recordLanguage(stored.charter, query.language),
      );
      if (!draft) throw notFound('customer');
      return draft;
    },
  );
}

/** The controllers named on a breach must be customers of the charter (the organisation acting as processor). */
async function checkControllers(db: Kysely<RecordsDb>, scope: OrgScope, controllers: readonly string[]) {
  if (controllers.length === 0) return;
  const stored = await charterOf(db, scope);
  const known = new Set(stored.charter.customers.map((c) => c.id));
  const problems = controllers.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `body.controllers.${i}`, message: `no customer "${id}" in the charter` }],
  );
  if (problems.length > 0) throw invalidInput(problems);
}
