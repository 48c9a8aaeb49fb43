/**
 * HTTP API of retention: the plan (what is due now and month by month, and why), run history and one run's report,
 * starting a run, the privacy officer's approval or rejection of a held run, and the daily schedule.
 *
 * Runs do not execute inside the request: starting or approving one enqueues a durable job (platform/jobs.ts) that
 * any server process takes; the console polls the run.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import type { AppContext } from '../platform/app-context.js';
import { activeCharter } from '../charter/repository.js';
import { notFound } from '../platform/errors.js';
import { defineRoute } from '../platform/http/routes.js';
import { enqueueJob } from '../platform/jobs.js';
import { composeRetention } from './deps.js';
import { computePlan, allRules } from './plan.js';
import { createRun, decideRun, getRun, listRuns } from './runs.js';
import { getSchedule, setSchedule } from './schedule.js';
import { planSchema, runSchema, scheduleSchema } from './schemas.js';
import type { StoreAccess } from './store-access.js';
import { sweepQueues } from './jobs.js';
import { orderRules } from './sweep.js';

export interface RetentionRouteOptions {
  /** Environment of store connection URLs (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Replaces the connectors built from the environment (tests). */
  stores?: StoreAccess;
}

const runParams = z.object({ id: z.uuid('a run id (UUID)') });

/** Composes retention's ports for one request. */
type ComposeDeps = () => ReturnType<typeof composeRetention>;

export function registerRetentionRoutes(
  app: FastifyInstance,
  context: AppContext,
  options: RetentionRouteOptions = {},
) {
  const deps: ComposeDeps = () =>
    composeRetention({
      db: context.db,
      dbKind: context.dbKind,
      config: context.config,
      env: options.env ?? process.env,
      clock: context.clock,
      stores: options.stores,
    });
  registerRetentionReadRoutes(app, context, deps);
  registerRetentionRunRoutes(app, context, deps);
  registerRetentionScheduleRoutes(app, context);
}

/** The plan, the run history and one run. */
function registerRetentionReadRoutes(app: FastifyInstance, context: AppContext, deps: ComposeDeps) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/retention/plan',
      summary:
        'Rows due for deletion or anonymisation now and in each of the next 12 months, per rule and table, and why',
      tags: ['retention'],
      auth: { scopes: ['retention:read'] },
      query: z.object({
        at: z.iso
          .datetime({ offset: true })
          .or(z.iso.date())
          .optional()
          .describe('plan as of this date (default: now)'),
      }),
      response: planSchema,
      errors: [401, 403, 404],
    },
    async ({ query, request }) => {
      const caller = callerOf(request);
      const stored = await activeCharter(context.db, caller);
      if (!stored) throw notFound('charter');
      const at = query.at ? new Date(query.at.length === 10 ? `${query.at}T00:00:00Z` : query.at) : context.clock();
      return computePlan(deps(), caller, stored.charter, at, stored.revision);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/retention/runs',
      summary: 'Run history, newest first',
      tags: ['retention'],
      auth: { scopes: ['retention:read'] },
      query: z.object({
        limit: z.coerce.number().int().min(1).max(100).default(20),
        before: z.iso.datetime({ offset: true }).optional().describe('runs created before this instant (paging)'),
      }),
      response: z.object({ runs: z.array(runSchema) }),
      errors: [401, 403],
    },
    async ({ query, request }) => ({
      runs: await listRuns(context.db, callerOf(request), {
        limit: query.limit,
        before: query.before ? new Date(query.before) : undefined,
      }),
    }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/retention/runs/:id',
      summary: 'One run: its steps with rows due, deleted, anonymised, reduced and kept under hold, and its approval',
      tags: ['retention'],
      auth: { scopes: ['retention:read'] },
      params: runParams,
      response: runSchema,
      errors: [401, 403, 404],
    },
    async ({ params, request }) => getRun(context.db, callerOf(request), params.id),
  );
}

/** Starting a run, and the privacy officer's approval or rejection of a held one. */
function registerRetentionRunRoutes(app: FastifyInstance, context: AppContext, deps: ComposeDeps) {
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/retention/runs',
      summary:
        'Start a run (executed by a background job; a dry run changes nothing); joins a real run still unfinished',
      tags: ['retention'],
      auth: { scopes: ['retention:run'] },
      body: z.strictObject({ dryRun: z.boolean().default(false) }).default({ dryRun: false }),
      response: runSchema,
      status: 202,
      errors: [401, 403, 404],
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      const stored = await activeCharter(context.db, caller);
      if (!stored) throw notFound('charter');
      const now = context.clock();
      const composed = deps();
      const { rules } = allRules(stored.charter, composed.own, true);
      const id = await createRun(
        context.db,
        caller,
        {
          trigger: 'api',
          actor: caller.actor,
          dryRun: body.dryRun,
          cutoff: now,
          charterSeq: stored.seq,
          charterRevision: stored.revision,
          rules: orderRules(stored.charter, rules),
          joinUnfinished: true,
        },
        now,
      );
      await enqueueJob(
        context.db,
        { queue: sweepQueues.resume, key: `run:${id}`, organisationId: caller.organisationId, payload: {} },
        now,
      );
      return getRun(context.db, caller, id);
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    defineRoute(
      app,
      {
        method: 'POST',
        url: `/api/v1/retention/runs/:id/${decision}`,
        summary:
          decision === 'approve'
            ? 'Approve a run held by the gate (first run on a store, or a large share of a table); it then executes'
            : 'Reject a run held by the gate; nothing is deleted',
        tags: ['retention'],
        auth: { scopes: ['retention:run'], roles: ['owner', 'privacy-officer'] },
        params: runParams,
        body: z.strictObject({ note: z.string().max(1000).optional() }).default({}),
        response: runSchema,
        errors: [401, 403, 404, 409],
      },
      async ({ params, body, request }) => {
        const caller = callerOf(request);
        const now = context.clock();
        await decideRun(
          context.db,
          caller,
          params.id,
          { decision: decision === 'approve' ? 'approved' : 'rejected', actor: caller.actor, note: body.note },
          now,
        );
        if (decision === 'approve') {
          await enqueueJob(
            context.db,
            {
              queue: sweepQueues.resume,
              key: `approved:${params.id}`,
              organisationId: caller.organisationId,
              payload: {},
            },
            now,
          );
        }
        return getRun(context.db, caller, params.id);
      },
    );
  }
}

/** The daily sweep's schedule. */
function registerRetentionScheduleRoutes(app: FastifyInstance, context: AppContext) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/retention/schedule',
      summary: 'When the daily sweep runs',
      tags: ['retention'],
      auth: { scopes: ['retention:read'] },
      response: scheduleSchema,
      errors: [401, 403],
    },
    async ({ request }) => getSchedule(context.db, callerOf(request), context.config, context.clock()),
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/api/v1/retention/schedule',
      summary: 'Turn the daily sweep on or off and set its time (UTC)',
      tags: ['retention'],
      auth: { scopes: ['retention:run'], roles: ['owner', 'privacy-officer'] },
      body: z.strictObject({
        enabled: z.boolean(),
        timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a UTC time of day HH:MM'),
      }),
      response: scheduleSchema,
      errors: [401, 403],
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      return setSchedule(context.db, caller, { ...body, actor: caller.actor }, context.clock());
    },
  );
}
