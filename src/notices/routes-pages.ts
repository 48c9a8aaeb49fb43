/**
 * The public pages of the notices: `/privacy/{site}/notice` and `/privacy/{site}/cookies` (HTML, Markdown, PDF or an
 * embeddable fragment, any published version), their stylesheets, and the version history.
 */
import { type Language, languages } from '../charter/schema.js';
import type { AppContext } from '../platform/app-context.js';
import { publicUrl } from '../platform/config.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { defineRoute } from '../platform/http/routes.js';
import { diffDocuments } from './diff.js';
import { historyPage } from './pages.js';
import { renderFragment, renderPage } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { sendHtml, siteParam, versionQuery } from './route-shared.js';
import { isoDate, pickLanguage, publishedDocument, siteContext } from './service.js';
import { noticeStylesheet, themeStylesheet } from './styles.js';
import { listVersions, revisionsOfVersion, syncNoticeVersions } from './versions.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

const documentQuery = z.object({
  lang: z.string().max(35).optional(),
  format: z.enum(['html', 'md', 'pdf', 'fragment']).default('html'),
  version: versionQuery.optional(),
});

/** The stylesheets of notice pages: the shared one and each site's theme colours. */
export function registerNoticeStyleRoutes(app: FastifyInstance, context: AppContext) {
  const { db } = context;
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
}

/** The notice and the cookie policy of a site as pages: HTML, Markdown, PDF or a fragment, any version. */
export function registerNoticeDocumentRoutes(app: FastifyInstance, context: AppContext) {
  const { db, config } = context;
  const hasBanner = () => app.hasRoute({ method: 'GET', url: '/banner.js' });
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
}

/** The version history page of a notice, with what changed in each version. */
export function registerNoticeHistoryRoute(app: FastifyInstance, context: AppContext) {
  const { db } = context;
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
}
