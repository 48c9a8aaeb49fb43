/**
 * HTTP side of the site scans: a site's scan history, one scan with its findings (the latest completed by default),
 * and asking for a scan now (a durable job; the scan takes minutes). Only sites the active charter declares can be
 * scanned, and only at their declared domain.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import type { AppContext } from '../platform/app-context.js';
import { activeCharter } from '../charter/repository.js';
import { notFound } from '../platform/errors.js';
import { defineRoute } from '../platform/http/routes.js';
import { enqueueJob } from '../platform/jobs.js';
import { siteScanQueue } from './jobs.js';
import { siteScanListSchema, siteScanRecordSchema } from './schemas.js';
import { getSiteScan, listSiteScans } from './service.js';

const siteParams = z.object({
  site: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'a site id')
    .max(100),
});

export function registerSiteRoutes(app: FastifyInstance, context: AppContext): void {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/site-scans',
      summary: 'Every declared site with its latest scan (counts only)',
      tags: ['sites'],
      auth: { scopes: ['consent:read'] },
      response: siteScanListSchema,
      errors: [401, 403],
    },
    async ({ request }) => {
      const caller = callerOf(request);
      const stored = await activeCharter(context.db, caller);
      const sites = [];
      for (const site of stored?.charter.sites ?? []) {
        const [latest] = await listSiteScans(context.db, caller, site.id, 1);
        sites.push({ id: site.id, name: site.name, domain: site.domain, latest: latest ?? null });
      }
      return { sites };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/sites/:site/scans',
      summary: 'The scans of a site, newest first (counts only)',
      tags: ['sites'],
      auth: { scopes: ['consent:read'] },
      params: siteParams,
      query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: z.object({ scans: z.array(siteScanRecordSchema) }),
      errors: [401, 403, 404],
    },
    async ({ params, query, request }) => {
      const caller = callerOf(request);
      // A site the active charter does not declare is not the organisation's: 404, as for any other unknown id.
      const stored = await activeCharter(context.db, caller);
      if (!stored?.charter.sites.some((s) => s.id === params.site)) throw notFound('site');
      return { scans: await listSiteScans(context.db, caller, params.site, query.limit) };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/sites/:site/scans/latest',
      summary: 'The latest completed scan of a site, with its findings',
      tags: ['sites'],
      auth: { scopes: ['consent:read'] },
      params: siteParams,
      response: siteScanRecordSchema,
      errors: [401, 403, 404],
    },
    async ({ params, request }) => {
      const scan = await getSiteScan(context.db, callerOf(request), params.site);
      if (!scan) throw notFound('scan');
      return scan;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/sites/:site/scans/:id',
      summary: 'One scan of a site, with its findings',
      tags: ['sites'],
      auth: { scopes: ['consent:read'] },
      params: siteParams.extend({ id: z.uuid('a scan id (UUID)') }),
      response: siteScanRecordSchema,
      errors: [401, 403, 404],
    },
    async ({ params, request }) => {
      const scan = await getSiteScan(context.db, callerOf(request), params.site, params.id);
      if (!scan) throw notFound('scan');
      return scan;
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/sites/:site/scans',
      summary: 'Scan a declared site now (queued; the result appears in the history when done)',
      tags: ['sites'],
      auth: { scopes: ['consent:write'] },
      params: siteParams,
      status: 202,
      response: z.object({
        queued: z.boolean().describe('false when a scan of this site asked in the same minute is already queued'),
      }),
      errors: [401, 403, 404],
    },
    async ({ params, request }) => {
      const caller = callerOf(request);
      const stored = await activeCharter(context.db, caller);
      // Only what the charter declares: the job scans the site's declared domain and nothing else.
      if (!stored?.charter.sites.some((s) => s.id === params.site)) throw notFound('site');
      const now = context.clock();
      const queued = await enqueueJob(
        context.db,
        {
          queue: siteScanQueue,
          key: `${caller.organisationId}:${params.site}:api:${now.toISOString().slice(0, 16)}`,
          organisationId: caller.organisationId,
          payload: { site: params.site, trigger: 'api', actor: caller.actor },
          maxAttempts: 2,
        },
        now,
      );
      return { queued };
    },
  );
}
