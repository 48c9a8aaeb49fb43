/**
 * The composition root of the HTTP app: platform pieces (errors, security headers, health, OpenAPI, assets) plus
 * every domain's routes. Tests build it in-process with `app.inject()`; `serve` listens on a port.
 */
import { readFile } from 'node:fs/promises';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext, AppDeps } from './platform/app-context.js';
import { registerAccountRoutes } from './accounts/routes.js';
import { createInstallationMailer } from './accounts/installation-mailer.js';
import { registerAuditRoutes } from './audit/routes.js';
import { auditView } from './audit/tables.js';
import { registerCharterRoutes } from './charter/routes.js';
import { registerRevisionRoutes } from './charter/revision-routes.js';
import { charterView } from './charter/views.js';
import { registerBannerRoutes } from './consent/banner-routes.js';
import { registerConsentRoutes } from './consent/routes.js';
import { registerLanding } from './landing.js';
import { registerNoticeRoutes } from './notices/routes.js';
import { registerOutboxRoutes } from './outbox/routes.js';
import { registerOverviewRoutes } from './overview/routes.js';
import { registerRecordsRoutes } from './records/routes.js';
import { registerRetentionRoutes } from './retention/routes.js';
import { registerRightsRoutes } from './rights/register.js';
import { registerSiteRoutes } from './sites/routes.js';
import { registerWebhookRoutes } from './webhooks/routes.js';
import { isReachable } from './platform/db/database.js';
import { buildOpenApi } from './platform/http/openapi.js';
import { defineRoute } from './platform/http/routes.js';
import { createHttpServer } from './platform/http/server.js';
import { projectFile, version } from './platform/project.js';

export type { AppDeps } from './platform/app-context.js';

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = createHttpServer({ logger: deps.logger, trustProxy: deps.config.TRUST_PROXY });
  // The outbox table is part of Database; the mailer only needs that table.
  const mailer =
    deps.mailer ??
    createInstallationMailer({ db: deps.db, logger: deps.logger, config: deps.config, clock: deps.clock });
  const context: AppContext = { ...deps, mailer };

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
  });

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/healthz',
      summary: 'Liveness: the process answers',
      tags: ['health'],
      auth: 'public',
      response: z.object({ status: z.literal('ok') }),
    },
    async () => ({ status: 'ok' as const }),
  );
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/readyz',
      summary: 'Readiness: the database answers',
      tags: ['health'],
      auth: 'public',
      response: z.object({ status: z.enum(['ready', 'unavailable']), database: z.enum(['pglite', 'postgres']) }),
      errors: [503],
    },
    async ({ reply }) => {
      const ready = await isReachable(deps.db);
      if (!ready) reply.code(503);
      return { status: ready ? ('ready' as const) : ('unavailable' as const), database: deps.dbKind };
    },
  );

  const stylesheet = await readFile(projectFile('web/shared/charter.css'), 'utf8');
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/assets/charter.css',
      summary: 'The stylesheet of the public pages',
      tags: ['assets'],
      auth: 'public',
      produces: 'text/css',
    },
    async ({ reply }) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(stylesheet),
  );

  // First: installs the route guard every protected route relies on.
  await registerAccountRoutes(app, context);
  registerLanding(app, context);
  // The charter routes hold the charter domain's view of the database (src/charter/tables.ts).
  const charterDeps = { db: charterView(context.db), clock: () => context.clock() };
  registerCharterRoutes(app, charterDeps);
  registerRevisionRoutes(app, charterDeps);
  registerAuditRoutes(app, { db: auditView(context.db), clock: () => context.clock() });
  registerBannerRoutes(app, context);
  registerConsentRoutes(app, context);
  registerRetentionRoutes(app, context);
  registerRecordsRoutes(app, context);
  registerNoticeRoutes(app, context);
  registerRightsRoutes(app, context);
  registerOutboxRoutes(app, context);
  registerOverviewRoutes(app, context);
  registerSiteRoutes(app, context);
  registerWebhookRoutes(app, context);

  // Last, so it describes every declared route.
  let openapi: unknown;
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/openapi.json',
      summary: 'This document: every route of the server',
      tags: ['api'],
      auth: 'public',
      produces: 'application/json',
    },
    async () => (openapi ??= buildOpenApi(app, { title: 'Charter API', version })),
  );
  return app;
}
