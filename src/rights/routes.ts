/**
 * The privacy center's HTTP side, `/privacy/{site}` and below (the notice and cookie policy pages belong to the
 * notices domain): the center, the request form, a request's status (visible only to the browser holding its status
 * cookie), code entry, confirmation and cancellation, mailed links, and package downloads. Forms post
 * `application/x-www-form-urlencoded`, parsed only inside this module's scope.
 */
import { charterForSite } from '../charter/site-controller.js';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { activeCharter, findSite } from '../charter/repository.js';
import type { Language } from '../charter/schema.js';
import { AppError, invalidInput, notFound } from '../platform/errors.js';
import { negotiateLanguage } from '../platform/http/html.js';
import { defineRoute, documentRoute, zodDetails, type RouteSpec } from '../platform/http/routes.js';
import { projectFile } from '../platform/project.js';
import type { RightsContext } from './context.js';
import {
  download,
  downloadWithSession,
  peekPackage,
  sendDownloadCode,
  sessionDownloadWindowMs,
  sessionPackage,
} from './download.js';
import {
  cancel,
  confirm,
  peekLink,
  requestForStatus,
  siteLanguages,
  submit,
  useLink,
  verifiedConsents,
  verifyCode,
  withdrawVerifiedConsent,
  type LinkState,
  type StatusView,
} from './intake.js';
import { notificationsOf } from './notifications.js';
import { forThePerson } from './recipients.js';
import {
  centerPage,
  downloadPage,
  linkPage,
  messagePage,
  statusPage,
  themeCss,
  type FormState,
  type MessageKind,
  type PageFrame,
} from './pages.js';
import { codeFormSchema, requestFormSchema, type CreateRequestInput, type RequestForm } from './schemas.js';
import { uiLanguages } from './texts.js';
import { filerMayCancel } from './workflow.js';

export const statusCookie = 'charter_request';
const siteParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'a site id');
const idParam = z.string().uuid();
const secretParam = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'a link');
const langQuery = z.object({ lang: z.string().max(10).optional() });

interface SiteContext {
  scope: { organisationId: string };
  frame: PageFrame;
}

async function siteContext(
  context: RightsContext,
  siteId: string,
  request: FastifyRequest,
  lang: string | undefined,
  banner: boolean,
): Promise<SiteContext> {
  const found = await findSite(context.db, siteId);
  if (!found) throw notFound('site');
  const scope = { organisationId: found.organisationId };
  const stored = await activeCharter(context.db, scope);
  const site = stored?.charter.sites.find((s) => s.id === siteId);
  if (!stored || !site) throw notFound('site');
  const languages = siteLanguages(stored.charter, siteId).filter((l) => (uiLanguages as readonly string[]).includes(l));
  const fallback =
    stored.charter.defaultLanguage && languages.includes(stored.charter.defaultLanguage)
      ? stored.charter.defaultLanguage
      : (languages[0] ?? 'en');
  const language = negotiateLanguage<Language>(
    languages.length ? languages : ['en'],
    fallback,
    lang,
    request.headers['accept-language'],
  );
  // The privacy center of a site with its own controller names that controller (charter/site-controller.ts).
  return { scope, frame: { charter: charterForSite(stored.charter, siteId), site, language, languages, banner } };
}

function html(reply: FastifyReply, body: string, status = 200) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(body);
}

function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * The status cookie: this browser's own session on one request (random per browser: the browser that filed the
 * request and the one that used the mailed link hold different ones). Scoped to the one request's path, unreadable by
 * scripts, sent on same-site navigation only — so a form posted from another site carries none (CSRF).
 */
function setStatusCookie(reply: FastifyReply, request: FastifyRequest, site: string, requestId: string, token: string) {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  reply.header(
    'set-cookie',
    `${statusCookie}=${token}; Path=/privacy/${site}/requests/${requestId}; Max-Age=${120 * 86_400}; HttpOnly; SameSite=Lax${secure}`,
  );
}

/** A page for a mailed link that does not work (any more): 404 for an unknown link, 410 Gone for the rest. */
const linkMessages: Record<Exclude<LinkState, 'usable'>, { kind: MessageKind; status: number }> = {
  unknown: { kind: 'link-invalid', status: 404 },
  used: { kind: 'link-used', status: 410 },
  expired: { kind: 'link-expired', status: 410 },
  closed: { kind: 'link-closed', status: 410 },
};

/**
 * A form posted from another site (the browser says so in Sec-Fetch-Site): refused whatever it carries. Same-origin
 * and same-site posts pass, and so do clients that send no such header (the SameSite cookie still protects them).
 */
function crossSite(request: FastifyRequest): boolean {
  return request.headers['sec-fetch-site'] === 'cross-site';
}

/** What a step on a request needs from the browser asking for it. */
type Needs = 'status' | 'proof' | 'cancel';

function allowed(view: StatusView, needs: Needs): boolean {
  if (needs === 'status') return true;
  if (needs === 'cancel') return view.proven || filerMayCancel(view.request);
  return view.proven;
}

function seeOther(reply: FastifyReply, location: string) {
  return reply.code(303).header('location', location).header('cache-control', 'no-store').send();
}

const formFields: Record<string, string> = {
  'body.type': 'type',
  'body.identity.type': 'identityType',
  'body.identity.value': 'identity',
  'body.contact': 'contact',
  'body.details.rectification.desired': 'desired',
  'body.details.rectification': 'desired',
  'body.details.restriction.ground': 'ground',
  'body.details.objection.kind': 'objectionKind',
  'body.details.objection.purpose': 'objectionPurpose',
  'body.details.withdrawal.purpose': 'withdrawalPurpose',
};

function errorKind(message: string): 'required' | 'email' | 'choose' {
  return message === 'email' ? 'email' : message === 'choose' ? 'choose' : 'required';
}

/** The flat form as the structured request the domain takes. */
export function formToRequest(site: string, form: RequestForm): CreateRequestInput {
  return {
    site,
    type: form.type,
    channel: 'web',
    identity: { type: form.identityType, value: form.identity },
    ...(form.contact ? { contact: form.contact } : {}),
    details: {
      ...(form.type === 'rectification'
        ? { rectification: { desired: form.desired ?? '', ...(form.category ? { category: form.category } : {}) } }
        : {}),
      ...(form.type === 'restriction' && form.ground ? { restriction: { ground: form.ground } } : {}),
      ...(form.type === 'objection' && form.objectionKind
        ? {
            objection: {
              kind: form.objectionKind,
              ...(form.objectionKind === 'legitimate-interest'
                ? { purpose: form.objectionPurpose, explanation: form.explanation }
                : {}),
            },
          }
        : {}),
      ...(form.type === 'withdrawal' && form.withdrawalPurpose
        ? { withdrawal: { purpose: form.withdrawalPurpose } }
        : {}),
      ...(form.message ? { message: form.message } : {}),
    },
  };
}

/** A form has a few dozen short fields; the longest (a message, an explanation) holds 4,000 characters. */
export const formLimits = { fields: 40, characters: 8_000 } as const;

/**
 * The posted fields as plain strings, bounded: a form is flat text. A JSON body sent to a form route with nested
 * arrays or objects where text belongs (whose String() conversion recursed, 10,000 levels deep, into a 500) or with
 * thousands of fields is refused with 422 and the field's path.
 */
function formBody(body: unknown): Record<string, string> {
  const entries: [string, unknown][] =
    typeof body === 'string'
      ? [...new URLSearchParams(body)]
      : body && typeof body === 'object' && !Array.isArray(body)
        ? Object.entries(body)
        : body === undefined || body === null
          ? []
          : [['', body]];
  if (entries.length > formLimits.fields)
    throw invalidInput([{ path: 'body', message: `at most ${formLimits.fields} fields` }]);
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of entries) {
    if (typeof value !== 'string')
      throw invalidInput([{ path: name ? `body.${name}` : 'body', message: 'a text field' }]);
    if (value.length > formLimits.characters)
      throw invalidInput([{ path: `body.${name}`, message: `at most ${formLimits.characters} characters` }]);
    fields[name] = value;
  }
  return fields;
}

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

  // The forms post urlencoded bodies; that parser exists only inside this scope.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 32 * 1024 },
      (_request, body, done) => done(null, body),
    );

    const pageRoute = (
      url: string,
      summary: string,
      params: z.ZodType,
      handler: (input: {
        params: Record<string, string>;
        fields: Record<string, string>;
        request: FastifyRequest;
        reply: FastifyReply;
      }) => Promise<unknown>,
    ) => {
      const spec: RouteSpec = {
        method: 'POST',
        url,
        summary,
        tags: ['privacy center'],
        auth: 'public',
        params,
        consumes: ['application/x-www-form-urlencoded'],
        produces: 'text/html',
        errors: [303, 403, 404, 410, 422, 429],
      };
      // Registered in this scope (its form parser), documented in the app's OpenAPI document like every other route.
      documentRoute(app, spec);
      defineRoute(scope, spec, async ({ params: p, request, reply }) => {
        if (crossSite(request)) {
          const { frame } = await siteContext(
            context,
            (p as { site: string }).site,
            request,
            formBody(request.body).lang,
            false,
          );
          return html(reply, messagePage(frame, 'foreign-form'), 403);
        }
        try {
          return await handler({ params: p as Record<string, string>, fields: formBody(request.body), request, reply });
        } catch (error) {
          if (error instanceof AppError && error.code === 'rate_limited') {
            const { frame } = await siteContext(
              context,
              (p as { site: string }).site,
              request,
              formBody(request.body).lang,
              false,
            );
            return html(reply, messagePage(frame, 'too-many'), 429);
          }
          throw error;
        }
      });
    };

    pageRoute(
      '/privacy/:site/requests',
      'Submit a request from the privacy center (same answer whether or not the identity is known)',
      z.object({ site: siteParam }),
      async ({ params, fields, request, reply }) => {
        const site = params.site ?? '';
        const { scope: org, frame } = await siteContext(context, site, request, fields.lang, banner());
        const parsed = requestFormSchema.safeParse(fields);
        const state: FormState = { values: fields, errors: {} };
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? '');
            state.errors[field] ??= errorKind(issue.message);
          }
          return html(reply, centerPage(frame, state), 422);
        }
        try {
          const { request: created, statusToken } = await submit(context, org, {
            ...formToRequest(site, parsed.data),
            language: frame.language,
            actor: 'subject',
            ip: request.ip,
          });
          setStatusCookie(reply, request, site, created.id, statusToken);
          return seeOther(reply, `/privacy/${site}/requests/${created.id}?lang=${frame.language}`);
        } catch (error) {
          if (error instanceof AppError && error.code === 'invalid_input') {
            for (const detail of error.details) {
              const field = formFields[detail.path ?? ''];
              if (field) state.errors[field] ??= errorKind(detail.message);
              else state.errors.type ??= 'choose';
            }
            return html(reply, centerPage(frame, state), 422);
          }
          throw error;
        }
      },
    );

    const requestParams = z.object({ site: siteParam, id: idParam });
    const withStatus = async (
      needs: Needs,
      params: Record<string, string>,
      fields: Record<string, string>,
      request: FastifyRequest,
      reply: FastifyReply,
      act: (
        scope: { organisationId: string },
        id: string,
        language: Language,
        session: string,
        proven: boolean,
      ) => Promise<string>,
    ) => {
      const site = params.site ?? '';
      const id = params.id ?? '';
      const { scope: org, frame } = await siteContext(context, site, request, fields.lang, false);
      const session = readCookie(request, statusCookie);
      const view = await requestForStatus(context, org, id, session);
      if (!view || !session || view.request.siteId !== site) return html(reply, messagePage(frame, 'not-found'), 404);
      if (!allowed(view, needs)) return html(reply, messagePage(frame, 'proof-needed'), 403);
      return seeOther(reply, await act(org, id, frame.language, session, view.proven));
    };

    pageRoute(
      '/privacy/:site/requests/:id/verify',
      'Enter the one-time code of a request',
      requestParams,
      ({ params, fields, request, reply }) =>
        withStatus('status', params, fields, request, reply, async (org, id, language, session) => {
          const form = codeFormSchema.safeParse(fields);
          if (!form.success) throw invalidInput(zodDetails(form.error, 'body'));
          const outcome = await verifyCode(context, org, id, form.data.code, request.ip, session);
          return `/privacy/${params.site}/requests/${id}?lang=${language}${outcome === 'invalid' ? '&error=code' : ''}`;
        }),
    );

    pageRoute(
      '/privacy/:site/requests/:id/confirm',
      'Confirm a request that needs an explicit confirmation (erasure); only in the browser that used the code or link from the mail (403 otherwise)',
      requestParams,
      ({ params, fields, request, reply }) =>
        withStatus('proof', params, fields, request, reply, async (org, id, language) => {
          await confirm(context, org, id);
          return `/privacy/${params.site}/requests/${id}?lang=${language}`;
        }),
    );

    pageRoute(
      '/privacy/:site/requests/:id/cancel',
      'Withdraw a request before it is executed',
      requestParams,
      ({ params, fields, request, reply }) =>
        withStatus('cancel', params, fields, request, reply, async (org, id, language, _session, proven) => {
          await cancel(context, org, id, 'subject', { asFiler: !proven });
          return `/privacy/${params.site}/requests/${id}?lang=${language}`;
        }),
    );

    pageRoute(
      '/privacy/:site/requests/:id/consents',
      'Withdraw a purpose consent (for a person verified in the last 24 hours, in the browser that used the code or link from the mail)',
      requestParams,
      ({ params, fields, request, reply }) =>
        withStatus('proof', params, fields, request, reply, async (org, id, language) => {
          const withdrawn = await withdrawVerifiedConsent(context, org, id, fields.purpose ?? '');
          return `/privacy/${params.site}/requests/${id}?lang=${language}${withdrawn ? '&withdrawn=1' : ''}`;
        }),
    );

    pageRoute(
      '/privacy/:site/requests/:id/download',
      'Download the package, once, in the browser that used the code or link from the mail (within a day of it; 403 otherwise)',
      requestParams,
      async ({ params, fields, request, reply }) => {
        const site = params.site ?? '';
        const id = params.id ?? '';
        const { scope: org, frame } = await siteContext(context, site, request, fields.lang, false);
        const view = await requestForStatus(context, org, id, readCookie(request, statusCookie));
        if (!view || view.request.siteId !== site) return html(reply, messagePage(frame, 'not-found'), 404);
        if (!view.proven) return html(reply, messagePage(frame, 'proof-needed'), 403);
        const file = await downloadWithSession(context, org, id, view.provenAt);
        // Taken already (here or through the link), expired, or past the day: the status page says what is left.
        if (!file) return seeOther(reply, `/privacy/${site}/requests/${id}?lang=${frame.language}`);
        return reply
          .code(200)
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .type('application/zip')
          .send(file.content);
      },
    );

    pageRoute(
      '/privacy/:site/link/:secret',
      'Use a mailed link (verify the request, or cancel it in its grace period): proves this browser only; 410 once used or expired',
      z.object({ site: siteParam, secret: secretParam }),
      async ({ params, fields, request, reply }) => {
        const site = params.site ?? '';
        const { scope: org, frame } = await siteContext(context, site, request, fields.lang, false);
        const used = await useLink(context, org, params.secret ?? '', site);
        if (used.state !== 'usable')
          return html(reply, messagePage(frame, linkMessages[used.state].kind), linkMessages[used.state].status);
        // This browser presented the secret from the mail: it gets its own session, proven. No other browser gains anything.
        setStatusCookie(reply, request, site, used.requestId, used.sessionToken);
        return seeOther(reply, `/privacy/${site}/requests/${used.requestId}?lang=${frame.language}`);
      },
    );

    pageRoute(
      '/privacy/:site/download/:secret/code',
      'Send a fresh one-time code for a package download',
      z.object({ site: siteParam, secret: secretParam }),
      async ({ params, fields, request, reply }) => {
        const site = params.site ?? '';
        const { scope: org, frame } = await siteContext(context, site, request, fields.lang, false);
        const view = await peekPackage(context, org, params.secret ?? '');
        if (!view || view.siteId !== site || !(await sendDownloadCode(context, org, params.secret ?? '')))
          return html(reply, messagePage(frame, 'link-invalid'), 404);
        return seeOther(reply, `/privacy/${site}/download/${params.secret}?lang=${frame.language}&sent=1`);
      },
    );

    pageRoute(
      '/privacy/:site/download/:secret',
      'Download a package with its one-time code (once)',
      z.object({ site: siteParam, secret: secretParam }),
      async ({ params, fields, request, reply }) => {
        const site = params.site ?? '';
        const { scope: org, frame } = await siteContext(context, site, request, fields.lang, false);
        const view = await peekPackage(context, org, params.secret ?? '');
        if (!view || view.siteId !== site) return html(reply, messagePage(frame, 'link-invalid'), 404);
        const file = await download(context, org, params.secret ?? '', fields.code ?? '', request.ip);
        if (!file)
          return seeOther(reply, `/privacy/${site}/download/${params.secret}?lang=${frame.language}&sent=1&error=1`);
        return reply
          .code(200)
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .type('application/zip')
          .send(file.content);
      },
    );
  });
}
