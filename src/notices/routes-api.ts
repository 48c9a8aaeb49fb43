/**
 * The JSON API of the notices (`/api/v1/notices/…`): the structured documents, versions and changes for anyone, and
 * for the privacy team the subscriber counts and "mark as significant and tell subscribers".
 */
import { callerOf } from '../accounts/caller.js';
import { findSite } from '../charter/repository.js';
import { languages } from '../charter/schema.js';
import type { AppContext } from '../platform/app-context.js';
import { publicUrl } from '../platform/config.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { notFound } from '../platform/errors.js';
import { defineRoute } from '../platform/http/routes.js';
import { diffDocuments } from './diff.js';
import { type DocumentKind, documentKinds, noticeDocumentSchema } from './document.js';
import { kindParam, siteParam, versionQuery } from './route-shared.js';
import { noticeChangesSchema, noticeSubscribersSchema, noticeVersionsSchema } from './schemas.js';
import { pickLanguage, publishedDocument, siteContext } from './service.js';
import { deliverAnnouncements } from './announcements.js';
import { markSignificant, subscriptionSummary } from './subscriptions.js';
import { listVersions, revisionsOfVersion, syncNoticeVersions } from './versions.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

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

/** The public JSON API: the documents, their versions, and what changed in a version. */
export function registerNoticeApiRoutes(app: FastifyInstance, context: AppContext) {
  const { db } = context;
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
      response: noticeVersionsSchema,
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
      response: noticeChangesSchema,
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
}

/** The privacy team's routes: subscriber counts, and marking a version significant (which tells subscribers). */
export function registerNoticeTeamRoutes(app: FastifyInstance, context: AppContext) {
  const { db, config } = context;
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
      response: noticeSubscribersSchema,
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
