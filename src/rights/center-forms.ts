/**
 * The privacy center's forms (POST, `application/x-www-form-urlencoded`, parsed only inside their own scope): the
 * request form, the steps on a request the status cookie's browser may take (code, confirmation, cancellation, consent
 * withdrawal, download), and the mailed links' buttons. Cross-site posts are refused; rate limits answer with a page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Language } from '../charter/schema.js';
import { AppError, invalidInput } from '../platform/errors.js';
import { defineRoute, documentRoute, zodDetails, type RouteSpec } from '../platform/http/routes.js';
import {
  crossSite,
  html,
  idParam,
  linkMessages,
  readCookie,
  secretParam,
  seeOther,
  sendPackage,
  setStatusCookie,
  siteContext,
  siteParam,
  statusCookie,
} from './center-http.js';
import type { RightsContext } from './context.js';
import { download, downloadWithSession, peekPackage, sendDownloadCode } from './download.js';
import { cancel, confirm, submit, verifyCode } from './intake.js';
import { useLink } from './links.js';
import { requestForStatus, withdrawVerifiedConsent, type StatusView } from './status-view.js';
import { centerPage, messagePage, type FormState } from './pages.js';
import { codeFormSchema, requestFormSchema, type CreateRequestInput, type RequestForm } from './schemas.js';
import { filerMayCancel } from './workflow.js';

/** What a step on a request needs from the browser asking for it. */
type Needs = 'status' | 'proof' | 'cancel';

function allowed(view: StatusView, needs: Needs): boolean {
  if (needs === 'status') return true;
  if (needs === 'cancel') return view.proven || filerMayCancel(view.request);
  return view.proven;
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

type FormHandler = (input: {
  params: Record<string, string>;
  fields: Record<string, string>;
  request: FastifyRequest;
  reply: FastifyReply;
}) => Promise<unknown>;

/** Registers one form route: on `scope` (its form parser), documented in the app's OpenAPI document. */
type FormRoute = (url: string, summary: string, params: z.ZodType, handler: FormHandler) => void;

function formRoutes(app: FastifyInstance, scope: FastifyInstance, context: RightsContext): FormRoute {
  return (url, summary, params, handler) => {
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
      const message = async (kind: 'foreign-form' | 'too-many', status: number) => {
        const site = (p as { site: string }).site;
        const { frame } = await siteContext(context, site, request, formBody(request.body).lang, false);
        return html(reply, messagePage(frame, kind), status);
      };
      if (crossSite(request)) return message('foreign-form', 403);
      try {
        return await handler({ params: p as Record<string, string>, fields: formBody(request.body), request, reply });
      } catch (error) {
        if (error instanceof AppError && error.code === 'rate_limited') return message('too-many', 429);
        throw error;
      }
    });
  };
}

/** The privacy center's forms, in a scope of their own that alone parses urlencoded bodies. */
export function registerFormRoutes(app: FastifyInstance, context: RightsContext, banner: () => boolean) {
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 32 * 1024 },
      (_request, body, done) => done(null, body),
    );

    const pageRoute = formRoutes(app, scope, context);
    registerRequestForm(pageRoute, context, banner);
    registerStatusForms(pageRoute, context);
    registerLinkForms(pageRoute, context);
  });
}

function registerRequestForm(pageRoute: FormRoute, context: RightsContext, banner: () => boolean) {
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
}

/** A step on a request, taken in the browser holding its status cookie, when that browser may take it. */
async function withStatus(
  context: RightsContext,
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
) {
  const site = params.site ?? '';
  const id = params.id ?? '';
  const { scope: org, frame } = await siteContext(context, site, request, fields.lang, false);
  const session = readCookie(request, statusCookie);
  const view = await requestForStatus(context, org, id, session);
  if (!view || !session || view.request.siteId !== site) return html(reply, messagePage(frame, 'not-found'), 404);
  if (!allowed(view, needs)) return html(reply, messagePage(frame, 'proof-needed'), 403);
  return seeOther(reply, await act(org, id, frame.language, session, view.proven));
}

/** The steps on a request its status page offers: code, confirmation, cancellation, consent withdrawal, download. */
function registerStatusForms(pageRoute: FormRoute, context: RightsContext) {
  const requestParams = z.object({ site: siteParam, id: idParam });

  pageRoute(
    '/privacy/:site/requests/:id/verify',
    'Enter the one-time code of a request',
    requestParams,
    ({ params, fields, request, reply }) =>
      withStatus(context, 'status', params, fields, request, reply, async (org, id, language, session) => {
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
      withStatus(context, 'proof', params, fields, request, reply, async (org, id, language) => {
        await confirm(context, org, id);
        return `/privacy/${params.site}/requests/${id}?lang=${language}`;
      }),
  );

  pageRoute(
    '/privacy/:site/requests/:id/cancel',
    'Withdraw a request before it is executed',
    requestParams,
    ({ params, fields, request, reply }) =>
      withStatus(context, 'cancel', params, fields, request, reply, async (org, id, language, _session, proven) => {
        await cancel(context, org, id, 'subject', { asFiler: !proven });
        return `/privacy/${params.site}/requests/${id}?lang=${language}`;
      }),
  );

  pageRoute(
    '/privacy/:site/requests/:id/consents',
    'Withdraw a purpose consent (for a person verified in the last 24 hours, in the browser that used the code or link from the mail)',
    requestParams,
    ({ params, fields, request, reply }) =>
      withStatus(context, 'proof', params, fields, request, reply, async (org, id, language) => {
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
      return sendPackage(reply, file);
    },
  );
}

/** The buttons behind mailed links: use a verify or cancel link, ask for a download code, download with it. */
function registerLinkForms(pageRoute: FormRoute, context: RightsContext) {
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
      return sendPackage(reply, file);
    },
  );
}
