/**
 * HTTP routes of purpose consents: the public form endpoint (always confirmed by email, since the address is unproven),
 * the staff API (`consent:write`) to record consents collected offline and to withdraw, the lists (`consent:read`),
 * and the confirmation pages behind the double opt-in link.
 */
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import type { AppContext } from '../platform/app-context.js';
import { consentView } from './tables.js';
import { languages, type Language } from '../charter/schema.js';
import { publicUrl } from '../platform/config.js';
import { invalidInput } from '../platform/errors.js';
import { negotiateLanguage } from '../platform/http/html.js';
import { defineRoute, documentRoute } from '../platform/http/routes.js';
import type { ConsentLedger } from './ledger.js';
import {
  confirmPurposeConsent,
  emailInputSchema,
  grantedEmails,
  inspectConfirmation,
  purposeConsentInputSchema,
  purposeConsentsOf,
  recordPurposeConsent,
  requestPurposeConsent,
  withdrawPurposeConsent,
  type PurposeConsentPorts,
} from './purpose-consent.js';
import { renderConfirmPage, type ConfirmPage } from './purpose-consent-pages.js';

/** How a consent reached the organisation, for staff records. */
export const staffMethods = ['signed-form', 'online-form', 'event-registration', 'verbal', 'email', 'api'] as const;

const tokenParams = z.object({
  token: z
    .string()
    .min(10)
    .max(200)
    .regex(/^[A-Za-z0-9_.-]+$/, 'a confirmation token'),
});

const summarySchema = z.object({
  purpose: z.string(),
  status: z.enum(['granted', 'withdrawn', 'pending', 'none']),
  since: z.string().nullable(),
  textVersion: z.string().nullable(),
  events: z.array(
    z.object({
      action: z.string(),
      at: z.string(),
      method: z.string(),
      textVersion: z.string(),
      language: z.string(),
      parental: z.unknown(),
    }),
  ),
});

export function registerPurposeConsentRoutes(
  app: FastifyInstance,
  context: AppContext,
  ledger: ConsentLedger,
  facts: (request: FastifyRequest) => { origin: string | undefined; sameOrigin: boolean },
  gate: onRequestHookHandler,
) {
  const ports: PurposeConsentPorts = {
    db: consentView(context.db),
    mailer: context.mailer,
    clock: context.clock,
    publicUrl: publicUrl(context.config),
  };

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/consent/purposes',
      summary: "A consent given on one of the organisation's sites (newsletter form…): the person confirms it by email",
      tags: ['consent'],
      auth: 'public',
      body: purposeConsentInputSchema.extend({ site: z.string().max(100) }),
      bodyLimit: 8192,
      onRequest: gate,
      status: 202,
      response: z.object({ status: z.literal('confirmation-sent') }),
      errors: [413, 415, 429],
    },
    async ({ body, request }) => {
      const site = ledger.siteFor(body.site, facts(request));
      return requestPurposeConsent(ports, { organisationId: site.organisationId }, body, {
        actor: 'subject',
        method: 'online-form',
      });
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/consent/purposes/records',
      summary:
        'Record a purpose consent the organisation collected itself (double opt-in purposes are confirmed by email first)',
      tags: ['consent'],
      auth: { scopes: ['consent:write'] },
      body: purposeConsentInputSchema.extend({
        method: z.enum(staffMethods).describe('how the consent was collected'),
      }),
      status: 201,
      response: z.object({ status: z.enum(['granted', 'confirmation-sent']), id: z.string().optional() }),
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      const { method, ...input } = body;
      return recordPurposeConsent(ports, caller, input, { actor: caller.actor, method });
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/consent/purposes/withdraw',
      summary: "Withdraw a person's consent for one purpose (Art. 7(3))",
      tags: ['consent'],
      auth: { scopes: ['consent:write'] },
      body: z.strictObject({ email: emailInputSchema, purpose: z.string().max(100) }),
      response: z.object({ withdrawn: z.boolean() }),
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      return withdrawPurposeConsent(context.db, caller, body, {
        actor: caller.actor,
        method: 'staff',
        now: context.clock(),
      });
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/consent/purposes',
      summary: "A person's purpose consents with their history",
      tags: ['consent'],
      auth: { scopes: ['consent:read'] },
      query: z.object({ email: emailInputSchema }),
      response: z.object({ purposes: z.array(summarySchema) }),
    },
    async ({ query, request }) => ({ purposes: await purposeConsentsOf(context.db, callerOf(request), query.email) }),
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/consent/purposes/:purpose/granted',
      summary: 'The email addresses whose consent for a purpose currently stands (e.g. the newsletter list)',
      tags: ['consent'],
      auth: { scopes: ['consent:read'] },
      params: z.object({
        purpose: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]*$/, 'a purpose id')
          .max(100),
      }),
      response: z.object({ purpose: z.string(), emails: z.array(z.string()) }),
    },
    async ({ params, request }) => ({
      purpose: params.purpose,
      emails: await grantedEmails(context.db, callerOf(request), params.purpose),
    }),
  );
  registerConfirmationRoutes(app, ports);
}

/** Double opt-in: the confirmation page behind the mailed link, and its confirm button. */
function registerConfirmationRoutes(app: FastifyInstance, ports: PurposeConsentPorts) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/consent/confirm/:token',
      summary:
        'Double opt-in: the page behind the confirmation link (shows the text and a confirm button; changes nothing)',
      tags: ['consent'],
      auth: 'public',
      params: tokenParams,
      produces: 'text/html',
    },
    async ({ params, request, reply }) => {
      const found = await inspectConfirmation(ports, params.token);
      const fallback = negotiateLanguage(languages, 'en', undefined, request.headers['accept-language']);
      let state: ConfirmPage;
      let language: Language = fallback;
      if (!found) state = { kind: 'invalid' };
      else {
        language = asLanguage(found.request.language, fallback);
        if (found.confirmed)
          state = { kind: 'already', organisation: found.organisation, purposeName: found.texts.name };
        else if (found.expired) state = { kind: 'expired' };
        else {
          state = {
            kind: 'ask',
            organisation: found.organisation,
            purposeName: found.texts.name,
            consentText: found.texts.consent.text,
            parental: found.request.parental !== null && found.request.parental !== undefined,
            action: `/consent/confirm/${params.token}`,
          };
        }
      }
      reply
        .code(state.kind === 'invalid' ? 404 : state.kind === 'expired' ? 410 : 200)
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .type('text/html; charset=utf-8')
        .send(renderConfirmPage(state, language));
    },
  );

  // The confirm button posts an HTML form: a urlencoded body, parsed only inside this scope.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_request, body, done) => done(null, body),
    );
    // Registered in this scope (its form parser), documented in the app's OpenAPI document like every other route.
    documentRoute(app, {
      method: 'POST',
      url: '/consent/confirm/:token',
      summary: 'Double opt-in: the confirm button of the confirmation page records the consent',
      tags: ['consent'],
      auth: 'public',
      params: tokenParams,
      consumes: ['application/x-www-form-urlencoded'],
      produces: 'text/html',
      errors: [404, 410],
    });
    scope.post('/consent/confirm/:token', async (request, reply) => {
      const parsed = tokenParams.safeParse(request.params);
      if (!parsed.success) throw invalidInput([{ path: 'params.token', message: 'a confirmation token' }]);
      const fallback = negotiateLanguage(languages, 'en', undefined, request.headers['accept-language']);
      const result = await confirmPurposeConsent(ports, parsed.data.token);
      const state: ConfirmPage =
        result.outcome === 'granted' || result.outcome === 'already-confirmed'
          ? {
              kind: result.outcome === 'granted' ? 'done' : 'already',
              organisation: result.organisation,
              purposeName: result.purposeName,
            }
          : { kind: result.outcome };
      const language = 'language' in result ? asLanguage(result.language, fallback) : fallback;
      return reply
        .code(state.kind === 'invalid' ? 404 : state.kind === 'expired' ? 410 : 200)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(renderConfirmPage(state, language));
    });
  });
}

function asLanguage(value: string, fallback: Language): Language {
  return (languages as readonly string[]).includes(value) ? (value as Language) : fallback;
}
