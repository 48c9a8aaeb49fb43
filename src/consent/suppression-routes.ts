/**
 * HTTP routes of the marketing suppression list: checks for mail tools (`consent:read`), adding an objection received
 * elsewhere and producing List-Unsubscribe headers (`consent:write`), and the RFC 8058 unsubscribe link: a page for
 * people (GET shows a button, never unsubscribes by itself: link scanners open URLs) and the one-click POST that mail
 * clients send with `List-Unsubscribe=One-Click`.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import type { AppContext } from '../platform/app-context.js';
import { languages } from '../charter/schema.js';
import { publicUrl } from '../platform/config.js';
import { html, negotiateLanguage, page } from '../platform/http/html.js';
import { defineRoute, documentRoute } from '../platform/http/routes.js';
import { emailInputSchema } from './purpose-consent.js';
import {
  isSuppressed,
  listUnsubscribeHeaders,
  openUnsubscribeToken,
  suppress,
  suppressedAmong,
  unsubscribe,
} from './suppression.js';

const tokenParams = z.object({
  token: z
    .string()
    .min(60)
    .max(100)
    .regex(/^[A-Za-z0-9_.-]+$/, 'an unsubscribe token'),
});
const purposeQuery = z.object({
  purpose: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(100)
    .optional(),
  lang: z.string().max(10).optional(),
});
const email = emailInputSchema;

type Label = 'title' | 'skip' | 'lead' | 'button' | 'done' | 'doneText' | 'invalid' | 'invalidText';
const texts: Record<(typeof languages)[number], Record<Label, string>> = {
  en: { title: 'Unsubscribe', skip: 'Skip to content', lead: 'Stop receiving marketing mail from {organisation} at this address?', button: 'Unsubscribe', done: 'You are unsubscribed', doneText: '{organisation} will send no more marketing mail to this address.', invalid: 'This link does not work', invalidText: 'The link is incomplete or was changed. Use the link from the mail again.' },
  nl: { title: 'Uitschrijven', skip: 'Naar de inhoud', lead: 'Geen marketingmails van {organisation} meer ontvangen op dit adres?', button: 'Uitschrijven', done: 'U bent uitgeschreven', doneText: '{organisation} stuurt geen marketingmails meer naar dit adres.', invalid: 'Deze link werkt niet', invalidText: 'De link is onvolledig of werd gewijzigd. Gebruik opnieuw de link uit de e-mail.' },
  fr: { title: 'Se désabonner', skip: 'Aller au contenu', lead: 'Ne plus recevoir d’e-mails de prospection de {organisation} à cette adresse ?', button: 'Me désabonner', done: 'Vous êtes désabonné', doneText: '{organisation} n’enverra plus d’e-mails de prospection à cette adresse.', invalid: 'Ce lien ne fonctionne pas', invalidText: 'Le lien est incomplet ou a été modifié. Utilisez à nouveau le lien de l’e-mail.' },
  de: { title: 'Abmelden', skip: 'Zum Inhalt', lead: 'Keine Werbe-E-Mails von {organisation} mehr an diese Adresse erhalten?', button: 'Abmelden', done: 'Sie sind abgemeldet', doneText: '{organisation} sendet keine Werbe-E-Mails mehr an diese Adresse.', invalid: 'Dieser Link funktioniert nicht', invalidText: 'Der Link ist unvollständig oder wurde verändert. Verwenden Sie erneut den Link aus der E-Mail.' },
}; // prettier-ignore

export function registerSuppressionRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.db;

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/suppression/check',
      summary: 'Whether marketing mail to an address must be suppressed (objection, unsubscribe)',
      tags: ['suppression'],
      auth: { scopes: ['consent:read'] },
      query: z.object({ email }),
      response: z.object({ suppressed: z.boolean() }),
    },
    async ({ query, request }) => ({ suppressed: await isSuppressed(db, callerOf(request), query.email) }),
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/suppression/check',
      summary: 'Which addresses of a send list must be suppressed (up to 1,000 per call)',
      tags: ['suppression'],
      auth: { scopes: ['consent:read'] },
      body: z.strictObject({ emails: z.array(email).min(1).max(1000) }),
      response: z.object({ suppressed: z.array(z.string()) }),
    },
    async ({ body, request }) => {
      const found = await suppressedAmong(db, callerOf(request), body.emails);
      return { suppressed: body.emails.filter((e) => found.has(e)) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/suppression',
      summary: 'Add an address to the suppression list (an objection to direct marketing received by phone, post…)',
      tags: ['suppression'],
      auth: { scopes: ['consent:write'] },
      body: z.strictObject({ email, reason: z.enum(['objection', 'complaint', 'manual']) }),
      response: z.object({ added: z.boolean() }),
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      return suppress(db, caller, body.email, body.reason, {
        actor: caller.actor,
        source: 'staff',
        now: context.clock(),
      });
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/suppression/unsubscribe-headers',
      summary: 'RFC 8058 List-Unsubscribe and List-Unsubscribe-Post headers for one recipient of a marketing mail',
      tags: ['suppression'],
      auth: { scopes: ['consent:write'] },
      body: z.strictObject({
        email,
        purpose: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]*$/)
          .max(100)
          .optional(),
      }),
      response: z.object({ 'List-Unsubscribe': z.string(), 'List-Unsubscribe-Post': z.string() }),
    },
    async ({ body, request }) =>
      listUnsubscribeHeaders(db, callerOf(request), {
        email: body.email,
        purpose: body.purpose,
        baseUrl: publicUrl(context.config),
      }),
  );
  registerUnsubscribeRoutes(app, context);
}

/** The public unsubscribe page behind a List-Unsubscribe link, and its one-click POST (RFC 8058). */
function registerUnsubscribeRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.db;
  const organisationName = async (organisationId: string): Promise<string> => {
    const row = await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirst();
    return row?.name ?? '';
  };

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/unsubscribe/:token',
      summary: 'The unsubscribe page behind a List-Unsubscribe link (a button; opening the page changes nothing)',
      tags: ['suppression'],
      auth: 'public',
      params: tokenParams,
      query: purposeQuery,
      produces: 'text/html',
    },
    async ({ params, query, request, reply }) => {
      const language = negotiateLanguage(languages, 'en', query.lang, request.headers['accept-language']);
      const opened = await openUnsubscribeToken(db, params.token, query.purpose);
      const organisation = opened ? await organisationName(opened.scope.organisationId) : '';
      reply
        .code(opened ? 200 : 404)
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .type('text/html; charset=utf-8')
        .send(
          renderUnsubscribePage(
            opened
              ? {
                  kind: 'ask',
                  organisation,
                  action: `/unsubscribe/${params.token}${query.purpose ? `?purpose=${query.purpose}` : ''}`,
                }
              : { kind: 'invalid' },
            language,
          ),
        );
    },
  );

  // RFC 8058 §3.1: the mail client POSTs `List-Unsubscribe=One-Click` as application/x-www-form-urlencoded or
  // multipart/form-data, without cookies. Both bodies are read as text inside this scope only. The signed URL is
  // what authorises the request; the body marks it as a one-click request.
  void app.register(async (scope) => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
      scope.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 2048 }, (_request, body, done) =>
        done(null, body),
      );
    }
    // Handled by hand (RFC 8058 bodies), documented in the app's OpenAPI document like every other route.
    documentRoute(app, {
      method: 'POST',
      url: '/unsubscribe/:token',
      summary: 'One-click unsubscribe (RFC 8058: List-Unsubscribe=One-Click), or the button of the unsubscribe page',
      tags: ['suppression'],
      auth: 'public',
      params: tokenParams,
      query: purposeQuery,
      consumes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
      errors: [400, 404],
    });
    scope.post('/unsubscribe/:token', async (request, reply) => {
      const parsed = tokenParams.safeParse(request.params);
      const query = purposeQuery.safeParse(request.query);
      const language = negotiateLanguage(languages, 'en', undefined, request.headers['accept-language']);
      const body = typeof request.body === 'string' ? request.body : '';
      const oneClick =
        /List-Unsubscribe=One-Click/i.test(body) || /name="List-Unsubscribe"\s*\r?\n\r?\nOne-Click/i.test(body);
      const fromPage = /(^|&)source=page(&|$)/.test(body);
      const result =
        parsed.success && query.success && (oneClick || fromPage)
          ? await unsubscribe(
              db,
              { token: parsed.data.token, purpose: query.data.purpose },
              { now: context.clock(), source: fromPage ? 'page' : 'one-click' },
            )
          : undefined;
      const wantsHtml = (request.headers.accept ?? '').includes('text/html');
      if (!result) {
        reply.code(parsed.success && query.success && !(oneClick || fromPage) ? 400 : 404);
        return wantsHtml
          ? reply.type('text/html; charset=utf-8').send(renderUnsubscribePage({ kind: 'invalid' }, language))
          : reply.send({
              error: {
                code: 'invalid_unsubscribe',
                message: 'The unsubscribe link is invalid, or the body is not List-Unsubscribe=One-Click.',
                details: [],
              },
            });
      }
      if (!wantsHtml) return reply.code(200).send({ unsubscribed: true });
      const organisation = await organisationName(result.organisationId);
      return reply
        .code(200)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderUnsubscribePage({ kind: 'done', organisation }, language));
    });
  });
}

type UnsubscribePage =
  { kind: 'ask'; organisation: string; action: string } | { kind: 'done'; organisation: string } | { kind: 'invalid' };

export function renderUnsubscribePage(state: UnsubscribePage, language: (typeof languages)[number]): string {
  const t = texts[language];
  const fill = (text: string) => text.replace('{organisation}', 'organisation' in state ? state.organisation : '');
  const content =
    state.kind === 'ask'
      ? html`<h1>${t.title}</h1><p>${fill(t.lead)}</p><form method="post" action="${state.action}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><input type="hidden" name="source" value="page"><button type="submit">${t.button}</button></form>`
      : state.kind === 'done'
        ? html`<h1>${t.done}</h1><p>${fill(t.doneText)}</p>`
        : html`<h1>${t.invalid}</h1><p>${t.invalidText}</p>`;
  return page({ lang: language, title: t.title, body: html`<main id="main">${content}</main>`, skipLinkLabel: t.skip });
}
