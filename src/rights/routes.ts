/**
 * The privacy center's HTTP side, `/privacy/{site}` and below (the notice and cookie policy pages belong to the
 * notices domain): the center, the request form, a request's status (visible only to the browser holding its status
 * cookie), code entry, confirmation and cancellation, mailed links, and package downloads. Forms post
 * `application/x-www-form-urlencoded`, parsed only inside this module's scope.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../platform/http/routes.js';
import { projectFile } from '../platform/project.js';
import { registerFormRoutes } from './center-forms.js';
import {
  html,
  idParam,
  langQuery,
  linkMessages,
  readCookie,
  secretParam,
  siteContext,
  siteParam,
  statusCookie,
} from './center-http.js';
import type { RightsContext } from './context.js';
import { peekPackage, sessionDownloadWindowMs, sessionPackage } from './download.js';
import { peekLink } from './links.js';
import { requestForStatus, verifiedConsents } from './status-view.js';
import { notificationsOf } from './notifications.js';
import { forThePerson } from './recipients.js';
import { centerPage, downloadPage, linkPage, messagePage, statusPage, themeCss } from './pages.js';

/** Serves a built asset from dist/privacy, building it in memory from web/privacy when dist is missing (development). */
function privacyAsset(file: 'privacy.js' | 'privacy.css') {
  let cached: Promise<string> | undefined;
  return () =>
    (cached ??= readFile(projectFile(`dist/privacy/${file}`), 'utf8').catch(async () => {
      const esbuild = await import('esbuild');
      if (file === 'privacy.css')
        return (
          await esbuild.transform(await readFile(projectFile('web/privacy/privacy.css'), 'utf8'), {
            loader: 'css',
            minify: true,
          })
        ).code;
      return (
        await esbuild.transform(await readFile(projectFile('web/privacy/privacy.ts'), 'utf8'), {
          loader: 'ts',
          minify: true,
          format: 'iife',
        })
      ).code;
    }));
}

export function registerPrivacyCenterRoutes(app: FastifyInstance, context: RightsContext) {
  const banner = () => app.hasRoute({ method: 'GET', url: '/banner.js' });
  registerAssetRoutes(app, context);
  registerCenterPage(app, context, banner);
  registerRequestPages(app, context);
  registerFormRoutes(app, context, banner);
}

/** The privacy center's script and stylesheet, and a site's colours. */
function registerAssetRoutes(app: FastifyInstance, context: RightsContext) {
  for (const [file, type] of [
    ['privacy.js', 'text/javascript; charset=utf-8'],
    ['privacy.css', 'text/css; charset=utf-8'],
  ] as const) {
    const load = privacyAsset(file);
    defineRoute(
      app,
      {
        method: 'GET',
        url: `/assets/privacy/${file}`,
        summary: `The privacy center's ${file.endsWith('.js') ? 'script' : 'stylesheet'}`,
        tags: ['privacy center'],
        auth: 'public',
        produces: type.split(';')[0],
      },
      async ({ reply }) =>
        reply
          .header('cache-control', 'public, max-age=3600')
          .type(type)
          .send(await load()),
    );
  }

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/privacy/:site/theme.css',
      summary: "The site's colours for the privacy center",
      tags: ['privacy center'],
      auth: 'public',
      params: z.object({ site: siteParam }),
      produces: 'text/css',
    },
    async ({ params, request, reply }) => {
      const { frame } = await siteContext(context, params.site, request, undefined, false);
      return reply
        .header('cache-control', 'public, max-age=300')
        .type('text/css; charset=utf-8')
        .send(themeCss(frame.site));
    },
  );
}

function registerCenterPage(app: FastifyInstance, context: RightsContext, banner: () => boolean) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/privacy/:site',
      summary: 'The privacy center of a site: notice links, consent choices, the request form, rights and contact',
      tags: ['privacy center'],
      auth: 'public',
      params: z.object({ site: siteParam }),
      query: langQuery,
      produces: 'text/html',
    },
    async ({ params, query, request, reply }) => {
      const { frame } = await siteContext(context, params.site, request, query.lang, banner());
      return html(reply, centerPage(frame));
    },
  );
}

/** A request's status page, a mailed link's page and a package link's page (GET: they change nothing). */
function registerRequestPages(app: FastifyInstance, context: RightsContext) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/privacy/:site/requests/:id',
      summary: "A request's status, for the browser holding its status cookie (404 otherwise, like an unknown request)",
      tags: ['privacy center'],
      auth: 'public',
      params: z.object({ site: siteParam, id: idParam }),
      query: langQuery.extend({ error: z.enum(['code']).optional(), withdrawn: z.enum(['1']).optional() }),
      produces: 'text/html',
      errors: [404],
    },
    async ({ params, query, request, reply }) => {
      const { scope, frame } = await siteContext(context, params.site, request, query.lang, false);
      const view = await requestForStatus(context, scope, params.id, readCookie(request, statusCookie));
      if (!view || view.request.siteId !== params.site) return html(reply, messagePage(frame, 'not-found'), 404);
      // Only a browser that presented the mailed secret sees (and may withdraw) the person's consents.
      const consents = view.proven ? await verifiedConsents(context, scope, view.request) : undefined;
      // Recipients only: the officer's restriction tasks name stores and tables, which a person never reads.
      const notifications =
        view.request.state === 'completed'
          ? forThePerson(await notificationsOf(context.db, scope, view.request.id))
          : [];
      // The browser that proved the mailbox takes the package here, without the package link's extra code mail.
      const ready =
        view.request.state === 'completed'
          ? await sessionPackage(context, scope, view.request.id, view.provenAt)
          : undefined;
      const downloadUntil =
        ready && view.provenAt
          ? new Date(Math.min(ready.expiresAt.getTime(), view.provenAt.getTime() + sessionDownloadWindowMs))
          : undefined;
      return html(
        reply,
        statusPage(frame, view.request, {
          error: query.error,
          now: context.now(),
          consents,
          withdrawn: query.withdrawn === '1',
          proven: view.proven,
          notifications,
          downloadUntil,
        }),
      );
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/privacy/:site/link/:secret',
      summary:
        'A mailed link (verify or cancel): shows a button, changes nothing until it is pressed (410 once used or expired)',
      tags: ['privacy center'],
      auth: 'public',
      params: z.object({ site: siteParam, secret: secretParam }),
      query: langQuery,
      produces: 'text/html',
      errors: [404, 410],
    },
    async ({ params, query, request, reply }) => {
      const { scope, frame } = await siteContext(context, params.site, request, query.lang, false);
      const { state, view } = await peekLink(context, scope, params.secret, params.site);
      if (state !== 'usable' || !view) {
        const message = linkMessages[state === 'usable' ? 'unknown' : state];
        return html(reply, messagePage(frame, message.kind), message.status);
      }
      return html(reply, linkPage(frame, view, params.secret));
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/privacy/:site/download/:secret',
      summary: 'A package download link: asks for a fresh one-time code before the single download',
      tags: ['privacy center'],
      auth: 'public',
      params: z.object({ site: siteParam, secret: secretParam }),
      query: langQuery.extend({ sent: z.enum(['1']).optional(), error: z.enum(['1']).optional() }),
      produces: 'text/html',
      errors: [404],
    },
    async ({ params, query, request, reply }) => {
      const { scope, frame } = await siteContext(context, params.site, request, query.lang, false);
      const view = await peekPackage(context, scope, params.secret);
      if (!view || view.siteId !== params.site) return html(reply, messagePage(frame, 'link-invalid'), 404);
      return html(reply, downloadPage(frame, params.secret, { sent: query.sent === '1', error: query.error === '1' }));
    },
  );
}
