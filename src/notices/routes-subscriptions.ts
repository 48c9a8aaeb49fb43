/**
 * The change-notification subscription over HTTP: the confirm and unsubscribe pages a mailed link opens, the forms
 * they post (and the notice's own subscribe form), and the JSON API to subscribe. Subscribing sends a mail, so both
 * ways share one rate limit, given by the caller.
 */
import { organisationName as organisationNameIn } from '../charter/localized.js';
import type { AppContext } from '../platform/app-context.js';
import { publicUrl } from '../platform/config.js';
import { tooManyRequests } from '../platform/errors.js';
import { type RouteSpec, defineRoute, documentRoute } from '../platform/http/routes.js';
import { type SubscriptionPageKind, subscriptionPage } from './pages.js';
import { sendHtml, siteParam } from './route-shared.js';
import { pickLanguage, siteContext } from './service.js';
import { confirmSubscription, requestSubscription, subscriptionByToken, unsubscribe } from './subscriptions.js';
import type { NoticesDb } from './tables.js';
import type { Kysely } from 'kysely';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** Form fields of a urlencoded body, as strings. */
function formFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (typeof body === 'string') for (const [key, value] of new URLSearchParams(body)) fields[key] = value;
  return fields;
}

/** The page that answers a subscription step, in the language the visitor asked for (or their browser's). */
async function messagePage<DB extends NoticesDb>(
  db: Kysely<DB>,
  site: string,
  lang: string | undefined,
  request: Parameters<typeof pickLanguage>[2],
  kind: SubscriptionPageKind,
  token?: string,
) {
  const target = await siteContext(db, site);
  return subscriptionPage({ site, language: pickLanguage(target, lang, request), kind, token });
}

const tokenQuery = z.object({ token: z.string().min(20).max(200).optional(), lang: z.string().max(35).optional() });

/** The pages a mailed link opens: confirm a subscription, or unsubscribe (each asks before acting). */
export function registerSubscriptionPageRoutes(app: FastifyInstance, context: AppContext) {
  const { db } = context;
  const linkPage = (
    url: string,
    summary: string,
    handle: (site: string, token: string | undefined) => Promise<{ kind: SubscriptionPageKind; status: number }>,
  ) =>
    defineRoute(
      app,
      {
        method: 'GET',
        url,
        summary,
        tags: ['notices'],
        auth: 'public',
        params: z.object({ site: siteParam }),
        query: tokenQuery,
        produces: 'text/html',
        errors: [404],
      },
      async ({ params, query, request, reply }) => {
        const outcome = await handle(params.site, query.token);
        const page = await messagePage(db, params.site, query.lang, request, outcome.kind, query.token);
        return sendHtml(reply, page, outcome.status);
      },
    );

  linkPage(
    '/privacy/:site/notice/subscription',
    'Confirm a subscription to change notifications (asks before confirming)',
    async (siteId, token) => {
      const site = await siteContext(db, siteId);
      const found = token ? await subscriptionByToken(db, site.scope, siteId, token, context.clock()) : undefined;
      const kind: SubscriptionPageKind = !found ? 'invalid' : found.status === 'confirmed' ? 'confirmed' : 'confirm';
      return { kind, status: found ? 200 : 404 };
    },
  );
  linkPage(
    '/privacy/:site/notice/unsubscribe',
    'Stop change notifications (asks before deleting the address)',
    async (_site, token) => (token ? { kind: 'unsubscribe', status: 200 } : { kind: 'invalid', status: 404 }),
  );
}

/** The forms of those pages and of the notice (urlencoded bodies; that parser exists only inside this scope). */
export function registerSubscriptionFormRoutes(
  app: FastifyInstance,
  context: AppContext,
  overSubscribeLimit: (request: FastifyRequest) => boolean,
) {
  const { db, config } = context;
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8 * 1024 },
      (_request, body, done) => done(null, body),
    );
    const formRoute = (
      url: string,
      summary: string,
      handle: (
        site: string,
        fields: Record<string, string>,
        request: Parameters<typeof pickLanguage>[2],
      ) => Promise<{ kind: SubscriptionPageKind; status: number }>,
    ) => {
      const params = z.object({ site: siteParam });
      const spec: RouteSpec<typeof params> = {
        method: 'POST',
        url,
        summary,
        tags: ['notices'],
        auth: 'public',
        params,
        consumes: ['application/x-www-form-urlencoded'],
        produces: 'text/html',
        errors: [404, 422, 429],
      };
      // Registered in this scope (its form parser), documented in the app's OpenAPI document like every other route.
      documentRoute(app, spec);
      defineRoute(scope, spec, async ({ params, request, reply }) => {
        const fields = formFields(request.body);
        const outcome = await handle(params.site, fields, request);
        return sendHtml(reply, await messagePage(db, params.site, fields.lang, request, outcome.kind), outcome.status);
      });
    };

    formRoute(
      '/privacy/:site/notice/subscribe',
      'Ask to be told of significant changes to the notice (double opt-in)',
      async (site, fields, request) => {
        const target = await siteContext(db, site);
        if (overSubscribeLimit(request)) return { kind: 'too-many', status: 429 };
        const email = z.email().max(254).safeParse(fields.email?.trim());
        if (!email.success) return { kind: 'invalid', status: 422 };
        const language = pickLanguage(target, fields.lang, request);
        await requestSubscription(
          db,
          target.scope,
          context.mailer,
          {
            siteId: site,
            email: email.data,
            language,
            organisationName: organisationNameIn(target.charter, language),
            siteName: target.site.name,
            baseUrl: publicUrl(config),
          },
          context.clock(),
        );
        return { kind: 'requested', status: 200 };
      },
    );

    formRoute(
      '/privacy/:site/notice/subscription',
      'Confirm a subscription to change notifications',
      async (site, fields) => {
        const target = await siteContext(db, site);
        const ok = fields.token
          ? await confirmSubscription(db, target.scope, site, fields.token, context.clock())
          : false;
        return ok ? { kind: 'confirmed', status: 200 } : { kind: 'invalid', status: 404 };
      },
    );

    formRoute(
      '/privacy/:site/notice/unsubscribe',
      'Stop change notifications and delete the address',
      async (site, fields) => {
        const target = await siteContext(db, site);
        const ok = fields.token ? await unsubscribe(db, target.scope, site, fields.token, context.clock()) : false;
        return ok ? { kind: 'unsubscribed', status: 200 } : { kind: 'invalid', status: 404 };
      },
    );
  });
}

/** The JSON way to ask to be told of changes (double opt-in; the same answer for any address). */
export function registerSubscriptionApiRoute(
  app: FastifyInstance,
  context: AppContext,
  overSubscribeLimit: (request: FastifyRequest) => boolean,
) {
  const { db, config } = context;
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/notices/:site/subscriptions',
      summary:
        'Ask to be told of significant changes (double opt-in: a confirmation link is mailed; the same answer for any address)',
      tags: ['notices'],
      auth: 'public',
      params: z.object({ site: siteParam }),
      body: z.strictObject({ email: z.email().max(254), lang: z.string().max(35).optional() }),
      status: 202,
      response: z.object({ status: z.literal('confirmation-sent-if-valid') }),
      errors: [404, 422, 429],
    },
    async ({ params, body, request }) => {
      const site = await siteContext(db, params.site);
      if (overSubscribeLimit(request)) throw tooManyRequests();
      await requestSubscription(
        db,
        site.scope,
        context.mailer,
        {
          siteId: params.site,
          email: body.email,
          language: pickLanguage(site, body.lang, request),
          organisationName: organisationNameIn(site.charter, pickLanguage(site, body.lang, request)),
          siteName: site.site.name,
          baseUrl: publicUrl(config),
        },
        context.clock(),
      );
      return { status: 'confirmation-sent-if-valid' as const };
    },
  );
}
