/** The start page of the console: `GET /api/v1/overview` (first steps and counts of the caller's organisation). */
import type { FastifyInstance } from 'fastify';
import { callerOf } from '../accounts/caller.js';
import type { AppContext } from '../platform/app-context.js';
import { publicUrl } from '../platform/config.js';
import { defineRoute } from '../platform/http/routes.js';
import { readStartPage, startPageSchema } from './start-page.js';

export function registerOverviewRoutes(app: FastifyInstance, context: AppContext) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/overview',
      summary:
        'The console start page: first steps (done or not, from real data) and the counts of open work; each count only with its read scope',
      tags: ['console'],
      auth: { scopes: ['charter:read'] },
      response: startPageSchema,
    },
    async ({ request }) => {
      const caller = callerOf(request);
      const holds = (scope: string) => caller.scopes.includes(scope);
      return readStartPage(context.db, caller, {
        now: context.clock(),
        smtpConfigured: Boolean(context.config.SMTP_URL),
        publicUrl: publicUrl(context.config),
        may: {
          requests: holds('requests:read'),
          consent: holds('consent:read'),
          retention: holds('retention:read'),
          breaches: holds('breaches:read'),
        },
      });
    },
  );
}
