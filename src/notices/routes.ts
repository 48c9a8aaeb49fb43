/**
 * HTTP side of the notices: the pages `/privacy/{site}/notice` and `/privacy/{site}/cookies` (HTML, Markdown, PDF or
 * an embeddable fragment, any published version), the version history, the change-notification subscription, and
 * the JSON API (`/api/v1/notices/…`), including the console's "mark as significant and tell subscribers".
 * The privacy center itself (`/privacy/{site}`) belongs to the rights domain; only these sub-paths are ours.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import { secretHash } from '../accounts/secrets.js';
import type { AppContext } from '../platform/app-context.js';
import { RateLimiter } from '../consent/ledger-rate-limit.js';
import { findSite } from '../charter/repository.js';
import { languages, type Language } from '../charter/schema.js';
import { publicUrl } from '../platform/config.js';
import { notFound, tooManyRequests } from '../platform/errors.js';
import { defineRoute, documentRoute, type RouteSpec } from '../platform/http/routes.js';
import { diffDocuments } from './diff.js';
import { documentKinds, noticeDocumentSchema, type DocumentKind } from './document.js';
import { historyPage, subscriptionPage, type SubscriptionPageKind } from './pages.js';
import { renderFragment, renderPage } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { isoDate, pickLanguage, publishedDocument, siteContext } from './service.js';
import { noticeStylesheet, themeStylesheet } from './styles.js';
import {
  confirmSubscription,
  deliverAnnouncements,
  markSignificant,
  requestSubscription,
  subscriptionByToken,
  subscriptionSummary,
  unsubscribe,
} from './subscriptions.js';
import { listVersions, revisionsOfVersion, syncNoticeVersions } from './versions.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { organisationName as organisationNameIn } from '../charter/localized.js';

const siteParam = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a site id')
  .max(100);
const kindParam = z.enum(documentKinds).default('privacy-notice');
const versionQuery = z.coerce.number().int().min(1).max(1_000_000);
const documentQuery = z.object({
  lang: z.string().max(35).optional(),
  format: z.enum(['html', 'md', 'pdf', 'fragment']).default('html'),
  version: versionQuery.optional(),
});

const publishedSchema = z.object({
  site: z.string(),
  kind: z.enum(documentKinds),
  language: z.enum(languages),
  languages: z.array(z.string()),
  version: z.number(),
  revisionSeq: z.number(),
  publishedAt: z.string(),
  document: noticeDocumentSchema,
});

const changeSchema = z.object({ kind: z.string(), subject: z.string().optional(), text: z.string() });

function sendHtml(reply: FastifyReply, body: string, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

/** Form fields of a urlencoded body, as strings. */
function formFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (typeof body === 'string') for (const [key, value] of new URLSearchParams(body)) fields[key] = value;
  return fields;
}

export function registerNoticeRoutes(app: FastifyInstance, context: AppContext) {
  const { db, config } = context;
  // Asking to be told sends a mail: at most ten requests an hour from one address (keyed by its hash, never the IP).
  const subscribeLimiter = new RateLimiter(10, 3_600_000, () => context.clock().getTime());
  const overSubscribeLimit = (request: FastifyRequest) => subscribeLimiter.hit(secretHash(request.ip)) > 0;
  const hasBanner = () => app.hasRoute({ method: 'GET', url: '/banner.js' });

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/assets/notice.css',
      summary: 'Styles of notice pages and fragments (scoped under .charter-notice)',
      tags: ['notices'],
      auth: 'public',
      produces: 'text/css',
    },
    async ({ reply }) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(noticeStylesheet),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/privacy/:site/notice/theme.css',
      summary: "The site's theme colours for its notice pages (unreadable colours are replaced)",
      tags: ['notices'],
      auth: 'public',
      params: z.object({ site: siteParam }),
      produces: 'text/css',
      errors: [404],
    },
    async ({ params, reply }) => {
      const site = await siteContext(db, params.site);
      return reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(themeStylesheet(site.site));
    },
  );

  // ── the notice and the cookie policy ───────────────────────────────────────────────────────────────────────
  for (const [path, kind] of [
    ['notice', 'privacy-notice'],
    ['cookies', 'cookie-policy'],
  ] as const) {
    defineRoute(
      app,
      {
        method: 'GET',
        url: `/privacy/:site/${path}`,
        summary:
          kind === 'privacy-notice'
            ? 'The privacy notice of a site (Art. 13/14): HTML page, ?format=md|pdf|fragment, ?version=N, ?lang= then Accept-Language'
            : 'The cookie policy of a site: HTML page, ?format=md|pdf|fragment, ?version=N, ?lang= then Accept-Language',
        tags: ['notices'],
        auth: 'public',
        params: z.object({ site: siteParam }),
        query: documentQuery,
        produces: 'text/html',
        errors: [404],
      },
      async ({ params, query, request, reply }) => {
        const published = await publishedDocument(db, {
          siteId: params.site,
          kind,
          lang: query.lang,
          version: query.version,
          request,
        });
        const { document } = published.published;
        const stamp = { version: published.published.version, date: isoDate(published.published.publishedAt) };
        const baseUrl = publicUrl(config);
        reply
          .header('cache-control', 'public, max-age=300')
          .header('content-language', published.language)
          .header('vary', 'Accept-Language');
        switch (query.format) {
          case 'md':
            return reply
              .type('text/markdown; charset=utf-8')
              .send(renderMarkdown(document, { version: stamp, baseUrl }));
          case 'pdf': {
            // pdf-lib is loaded when a PDF is asked for, not at every start.
            const { renderPdf } = await import('./render-pdf.js');
            const bytes = await renderPdf(document, { version: stamp, baseUrl });
            return reply
              .type('application/pdf')
              .header(
                'content-disposition',
                `inline; filename="${params.site}-${path}-v${stamp.version}-${published.language}.pdf"`,
              )
              .send(Buffer.from(bytes));
          }
          case 'fragment':
            // Public content meant to be fetched by another site's page or server.
            return reply
              .type('text/html; charset=utf-8')
              .header('access-control-allow-origin', '*')
              .send(renderFragment(document, { version: stamp, baseUrl }));
          case 'html':
            return sendHtml(
              reply,
              renderPage(document, {
                version: stamp,
                languages: published.published.languages.filter((l): l is Language =>
                  (languages as readonly string[]).includes(l),
                ),
                stylesheets: ['/assets/notice.css', `/privacy/${params.site}/notice/theme.css`],
                bannerSite: kind === 'cookie-policy' && hasBanner() ? params.site : undefined,
                logoUrl: published.site.theme?.logoUrl,
                subscribeAction: kind === 'privacy-notice' ? `/privacy/${params.site}/notice/subscribe` : undefined,
                query: query.version ? `version=${query.version}` : undefined,
              }),
            );
        }
      },
    );
  }

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/privacy/:site/notice/versions',
      summary: 'Every version of the privacy notice of a site, with what changed in each',
      tags: ['notices'],
      auth: 'public',
      params: z.object({ site: siteParam }),
      query: z.object({ lang: z.string().max(35).optional() }),
      produces: 'text/html',
      errors: [404],
    },
    async ({ params, query, request, reply }) => {
      const site = await siteContext(db, params.site);
      await syncNoticeVersions(db, site.scope);
      const language = pickLanguage(site, query.lang, request);
      const versions = (await listVersions(db, site.scope, params.site, 'privacy-notice')).slice(0, 100);
      const entries = await inOrganisation(db, site.scope, async (trx) => {
        const out = [];
        for (const version of versions) {
          const revisions = await revisionsOfVersion(trx, site.scope, {
            siteId: params.site,
            kind: 'privacy-notice',
            version: version.version,
          });
          const changes = revisions
            ? diffDocuments('privacy-notice', revisions.before, revisions.after, params.site, language)
            : [];
          out.push({
            version: version.version,
            date: isoDate(version.publishedAt),
            significant: version.significant !== null,
            changes,
          });
        }
        return out;
      });
      return sendHtml(
        reply,
        historyPage({ site: params.site, siteName: site.site.name, language, languages: site.languages, entries }),
      );
    },
  );

  // ── subscription pages (forms post urlencoded bodies; that parser exists only inside this scope) ─────────────
  const tokenQuery = z.object({ token: z.string().min(20).max(200).optional(), lang: z.string().max(35).optional() });
  const messagePage = async (
    site: string,
    lang: string | undefined,
    request: Parameters<typeof pickLanguage>[2],
    kind: SubscriptionPageKind,
    token?: string,
  ) => {
    const target = await siteContext(db, site);
    return subscriptionPage({ site, language: pickLanguage(target, lang, request), kind, token });
  };

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/privacy/:site/notice/subscription',
      summary: 'Confirm a subscription to change notifications (asks before confirming)',
      tags: ['notices'],
      auth: 'public',
      params: z.object({ site: siteParam }),
      query: tokenQuery,
      produces: 'text/html',
      errors: [404],
    },
    async ({ params, query, request, reply }) => {
      const site = await siteContext(db, params.site);
      const found = query.token
        ? await subscriptionByToken(db, site.scope, params.site, query.token, context.clock())
        : undefined;
      const kind: SubscriptionPageKind = !found ? 'invalid' : found.status === 'confirmed' ? 'confirmed' : 'confirm';
      return sendHtml(reply, await messagePage(params.site, query.lang, request, kind, query.token), found ? 200 : 404);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/privacy/:site/notice/unsubscribe',
      summary: 'Stop change notifications (asks before deleting the address)',
      tags: ['notices'],
      auth: 'public',
      params: z.object({ site: siteParam }),
      query: tokenQuery,
      produces: 'text/html',
      errors: [404],
    },
    async ({ params, query, request, reply }) =>
      sendHtml(
        reply,
        await messagePage(params.site, query.lang, request, query.token ? 'unsubscribe' : 'invalid', query.token),
        query.token ? 200 : 404,
      ),
  );

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
        return sendHtml(reply, await messagePage(params.site, fields.lang, request, outcome.kind), outcome.status);
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

  // ── JSON API ─────────────────────────────────────────────────────────────────────────────────────────────────
  for (const [suffix, kind] of [
    ['', 'privacy-notice'],
    ['/cookies', 'cookie-policy'],
  ] as const) {
    defineRoute(
      app,
      {
        method: 'GET',
        url: `/api/v1/notices/:site${suffix}`,
        summary:
          kind === 'privacy-notice'
            ? 'The privacy notice of a site as a structured document (sections tagged with their GDPR items)'
            : 'The cookie policy of a site as a structured document',
        tags: ['notices'],
        auth: 'public',
        params: z.object({ site: siteParam }),
        query: z.object({ lang: z.string().max(35).optional(), version: versionQuery.optional() }),
        response: publishedSchema,
        errors: [404],
      },
      async ({ params, query, request }) => {
        const published = await publishedDocument(db, {
          siteId: params.site,
          kind,
          lang: query.lang,
          version: query.version,
          request,
        });
        return {
          site: params.site,
          kind,
          language: published.language,
          languages: published.published.languages,
          version: published.published.version,
          revisionSeq: published.published.revisionSeq,
          publishedAt: published.published.publishedAt.toISOString(),
          document: published.published.document,
        };
      },
    );
  }

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/notices/:site/versions',
      summary: "The published versions of a site's notice or cookie policy (?kind=), newest first",
      tags: ['notices'],
      auth: 'public',
      params: z.object({ site: siteParam }),
      query: z.object({ kind: kindParam }),
      response: z.object({
        versions: z.array(
          z.object({
            version: z.number(),
            revisionSeq: z.number(),
            publishedAt: z.string(),
            languages: z.array(z.string()),
            significant: z.boolean(),
          }),
        ),
      }),
      errors: [404],
    },
    async ({ params, query }) => {
      const site = await siteContext(db, params.site);
      await syncNoticeVersions(db, site.scope);
      const versions = await listVersions(db, site.scope, params.site, query.kind);
      return {
        versions: versions.map((v) => ({
          version: v.version,
          revisionSeq: v.revisionSeq,
          publishedAt: v.publishedAt.toISOString(),
          languages: v.languages,
          significant: v.significant !== null,
        })),
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/notices/:site/changes',
      summary: 'What changed in a version compared with the one before, in words, computed from the two charters',
      tags: ['notices'],
      auth: 'public',
      params: z.object({ site: siteParam }),
      query: z.object({ kind: kindParam, version: versionQuery, lang: z.string().max(35).optional() }),
      response: z.object({
        version: z.number(),
        previous: z.number().nullable(),
        language: z.enum(languages),
        changes: z.array(changeSchema),
      }),
      errors: [404],
    },
    async ({ params, query, request }) => {
      const site = await siteContext(db, params.site);
      await syncNoticeVersions(db, site.scope);
      const language = pickLanguage(site, query.lang, request);
      const revisions = await inOrganisation(db, site.scope, (trx) =>
        revisionsOfVersion(trx, site.scope, { siteId: params.site, kind: query.kind, version: query.version }),
      );
      if (!revisions) throw notFound('notice version');
      return {
        version: query.version,
        previous: revisions.before ? query.version - 1 : null,
        language,
        changes: diffDocuments(query.kind, revisions.before, revisions.after, params.site, language),
      };
    },
  );

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

  // ── for the privacy team ─────────────────────────────────────────────────────────────────────────────────────
  /** A site of the caller's own organisation, or 404 (another organisation's site looks like no site at all). */
  async function ownSite(siteId: string, organisationId: string) {
    const found = await findSite(db, siteId);
    if (!found || found.organisationId !== organisationId) throw notFound('site');
    return siteContext(db, siteId);
  }

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/notices/:site/subscribers',
      summary: 'How many people asked to be told of changes, by status and language (no addresses)',
      tags: ['notices'],
      auth: { scopes: ['notices:read'] },
      params: z.object({ site: siteParam }),
      response: z.object({
        subscribers: z.array(
          z.object({ status: z.enum(['pending', 'confirmed']), language: z.string(), count: z.number() }),
        ),
      }),
      errors: [404],
    },
    async ({ params, request }) => {
      const caller = callerOf(request);
      await ownSite(params.site, caller.organisationId);
      return { subscribers: await subscriptionSummary(db, caller, params.site) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/notices/:site/versions/:version/significant',
      summary:
        'Mark a version as a significant change and email everyone who asked to be told (in their language, with what changed)',
      tags: ['notices'],
      auth: { scopes: ['notices:write'] },
      params: z.object({ site: siteParam, version: versionQuery }),
      body: z
        .strictObject({ kind: kindParam, note: z.string().max(2000).optional(), notify: z.boolean().default(true) })
        .default({ kind: 'privacy-notice', notify: true }),
      response: z.object({ queued: z.number(), sent: z.number(), failed: z.number() }),
      errors: [404, 409],
    },
    async ({ params, body, request }) => {
      const caller = callerOf(request);
      await ownSite(params.site, caller.organisationId);
      await syncNoticeVersions(db, caller);
      const kind: DocumentKind = body.kind;
      const { queued } = await markSignificant(
        db,
        caller,
        {
          siteId: params.site,
          kind,
          version: params.version,
          actor: caller.actor,
          note: body.note,
          notify: body.notify,
        },
        context.clock(),
      );
      // Sent now; anything that fails stays queued for the job runner to retry.
      const delivered =
        queued > 0
          ? await deliverAnnouncements(
              { db, mailer: context.mailer, logger: context.logger, baseUrl: publicUrl(config) },
              caller,
              context.clock(),
            )
          : { sent: 0, failed: 0 };
      return { queued, ...delivered };
    },
  );
}
