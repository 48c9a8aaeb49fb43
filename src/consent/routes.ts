/**
 * HTTP routes of the consent domain. Public: `POST /api/v1/consent` (the banner's record), its "shown" beacon, the
 * purpose-consent form endpoint, and their CORS preflights — allowed only for the origins of the charter's sites (https and http on the domain and its
 * aliases) and Charter's own origin (demo pages). Protected (`consent:read`): a visitor's history, receipts (JSON and
 * HTML), daily statistics. Purpose consents and suppression have their own route files, registered from here.
 *
 * The route pipeline of the hot path: CORS + content type + rate limit by IP hash (onRequest, before the body is read)
 * → body schema (422 with field paths) → site, revision, categories → group commit → 201.
 */
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../platform/app-context.js';
import { consentView } from './tables.js';
import { callerOf } from '../accounts/caller.js';
import { AppError, forbidden, notFound, tooManyRequests, unsupportedMediaType } from '../platform/errors.js';
import { negotiateLanguage } from '../platform/http/html.js';
import { defineRoute } from '../platform/http/routes.js';
import { ConsentLedger } from './ledger.js';
import type { RateLimiter } from './ledger-rate-limit.js';
import { findReceipt, historyLimit, visitorHistory } from './ledger-history.js';
import { receiptLanguages, receiptSchema, renderReceiptHtml } from './ledger-receipt.js';
import { consentPostSchema, consentReceiptResponseSchema, receiptIdPattern } from './ledger-rules.js';
import { visitorHistorySchema } from './schemas.js';
import { registerPurposeConsentRoutes } from './purpose-consent-routes.js';
import { consentStatistics } from './statistics.js';
import { registerSuppressionRoutes } from './suppression-routes.js';

const ledgers = new WeakMap<FastifyInstance, ConsentLedger>();

/** The consent ledger service of an app (tests and benchmarks read its figures; `directory.invalidate()` after apply). */
export function consentLedgerOf(app: FastifyInstance): ConsentLedger {
  const ledger = ledgers.get(app);
  if (!ledger) throw new Error('consent routes are not registered on this app');
  return ledger;
}

const publicPosts = new Set(['/api/v1/consent', '/api/v1/consent/shown', '/api/v1/consent/purposes']);
const ipHashes = new WeakMap<FastifyRequest, string>();

const visitorParams = z.object({ visitor: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a visitor id') });
/** A real calendar day the database accepts (not 2025-77-60 nor the year 0, which reached it as a 500). */
const calendarDay = z.iso
  .date({ error: 'a day as YYYY-MM-DD' })
  .refine((day) => !day.startsWith('0000-'), 'a day as YYYY-MM-DD from the year 1');
const receiptParams = z.object({ receipt: z.string().regex(receiptIdPattern, 'a receipt id') });

/** The "shown" beacon: JSON, sent as text/plain by navigator.sendBeacon (no preflight) or as application/json. */
const beaconSchema = z.strictObject({ site: z.string().max(100), revision: z.string().max(64) });

export function registerConsentRoutes(app: FastifyInstance, context: AppContext) {
  const ledger = new ConsentLedger({
    db: consentView(context.db),
    dbKind: context.dbKind,
    logger: context.logger,
    clock: context.clock,
    secret: context.config.CHARTER_SECRET,
    rateLimitPerMinute: context.config.CONSENT_RATE_LIMIT,
    writer: { delayMs: context.config.CONSENT_BATCH_DELAY_MS },
  });
  ledgers.set(app, ledger);
  // The hot path answers JSON to the banner's fetch: page-oriented security headers (CSP, frame options…) mean nothing
  // there, and @fastify/helmet rebuilds its middleware on every request. Skip it for the public consent endpoints and
  // keep the one header that matters for JSON (nosniff, set in the onRequest hook below).
  app.addHook('onRoute', (route) => {
    if (route.method === 'POST' && publicPosts.has(route.url ?? ''))
      route.config = { ...route.config, helmet: { skipRoute: true } };
  });
  app.addHook('onReady', async () => ledger.start());
  app.addHook('onClose', async () => ledger.close());

  const gates = {
    '/api/v1/consent': gateOf(ledger, '/api/v1/consent', ['application/json'], ledger.limiter),
    // The beacon may come as text/plain (navigator.sendBeacon without a preflight); records must be JSON.
    '/api/v1/consent/shown': gateOf(
      ledger,
      '/api/v1/consent/shown',
      ['application/json', 'text/plain'],
      ledger.limiter,
    ),
    '/api/v1/consent/purposes': gateOf(ledger, '/api/v1/consent/purposes', ['application/json'], ledger.formLimiter),
  };

  for (const [url, onRequest] of Object.entries(gates)) {
    // Answered by the gate; declared so that the router knows the method.
    app.route({ method: 'OPTIONS', url, onRequest, handler: async (_request, reply) => reply.code(204).send() });
  }
  registerPublicConsentRoutes(app, ledger, gates);
  registerConsentReadRoutes(app, context);
  registerPurposeConsentRoutes(app, context, ledger, factsOf, gates['/api/v1/consent/purposes']);
  registerSuppressionRoutes(app, context);
}

/** The banner's endpoints: a visitor's choice, and the count of displays. Each behind its gate. */
function registerPublicConsentRoutes(app: FastifyInstance, ledger: ConsentLedger, gates: ConsentGates) {
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/consent',
      summary: "Record a visitor's consent choice (the banner); answered only once the record is committed",
      tags: ['consent'],
      auth: 'public',
      body: consentPostSchema,
      bodyLimit: 4096,
      onRequest: gates['/api/v1/consent'],
      response: consentReceiptResponseSchema,
      status: 201,
      errors: [409, 413, 415, 429, 503],
    },
    async ({ body, request }) => ledger.record(body, factsOf(request)),
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/consent/shown',
      summary: "Count one display of the banner's first layer (statistics only; nothing about the visitor is stored)",
      tags: ['consent'],
      auth: 'public',
      body: z.union([z.string().max(512), beaconSchema]),
      bodyLimit: 1024,
      onRequest: gates['/api/v1/consent/shown'],
      status: 204,
      consumes: ['text/plain'],
      errors: [413, 415, 429],
    },
    async ({ body, reply }) => {
      const beacon = typeof body === 'string' ? parseBeacon(body) : body;
      ledger.countShown(beacon.site, beacon.revision, factsOf(reply.request));
      reply.code(204).send();
    },
  );
}

/** The privacy team's reads of the ledger: a visitor's history, receipts, daily statistics. */
function registerConsentReadRoutes(app: FastifyInstance, context: AppContext) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/consent/visitors/:visitor',
      summary: "A visitor's consent history, newest first",
      tags: ['consent'],
      auth: { scopes: ['consent:read'] },
      params: visitorParams,
      response: visitorHistorySchema,
    },
    async ({ params, request }) => {
      const records = await visitorHistory(context.db, callerOf(request), params.visitor);
      return {
        visitor: params.visitor,
        truncated: records.length >= historyLimit,
        records: records.map((r) => ({
          receipt: r.receiptId,
          recordedAt: r.recordedAt.toISOString(),
          site: r.siteId,
          revision: r.revision,
          method: r.method,
          language: r.language,
          choices: r.choices,
          gpc: r.gpc,
          pageUrl: r.pageUrl,
        })),
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/consent/receipts/:receipt',
      summary: 'One consent receipt with the texts the visitor saw (Kantara Consent Receipt / ISO/IEC TS 27560 fields)',
      tags: ['consent'],
      auth: { scopes: ['consent:read'] },
      params: receiptParams,
      response: receiptSchema,
      errors: [404],
    },
    async ({ params, request }) => {
      const receipt = await findReceipt(context.db, callerOf(request), params.receipt);
      if (!receipt) throw notFound('receipt');
      return receipt;
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/consent/receipts/:receipt/html',
      summary: 'One consent receipt as a readable page (in the language of the choice unless ?lang= is given)',
      tags: ['consent'],
      auth: { scopes: ['consent:read'] },
      params: receiptParams,
      query: z.object({ lang: z.enum(receiptLanguages).optional() }),
      produces: 'text/html',
      errors: [404],
    },
    async ({ params, query, request, reply }) => {
      const receipt = await findReceipt(context.db, callerOf(request), params.receipt);
      if (!receipt) throw notFound('receipt');
      const language = negotiateLanguage(receiptLanguages, 'en', query.lang ?? receipt.language);
      reply.type('text/html; charset=utf-8').send(renderReceiptHtml(receipt, language));
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/consent/statistics',
      summary:
        'Daily consent statistics per site: shown, accepted all, rejected all, customised, per-category opt-in rate',
      tags: ['consent'],
      auth: { scopes: ['consent:read'] },
      query: z
        .object({
          from: calendarDay.optional(),
          to: calendarDay.optional(),
          site: z.string().max(100).optional(),
        })
        .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] }),
      response: z.object({
        from: z.string(),
        to: z.string(),
        days: z.array(
          z.object({
            site: z.string(),
            day: z.string(),
            shown: z.number(),
            records: z.number(),
            acceptAll: z.number(),
            rejectAll: z.number(),
            custom: z.number(),
            gpc: z.number(),
            gpcSignal: z.number(),
            withdraw: z.number(),
            expiry: z.number(),
            categories: z.record(
              z.string(),
              z.object({ decided: z.number(), granted: z.number(), rate: z.number().nullable() }),
            ),
          }),
        ),
      }),
    },
    async ({ query, request }) => {
      const to = query.to ?? context.clock().toISOString().slice(0, 10);
      const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
      const days = await consentStatistics(context.db, callerOf(request), { from, to, site: query.site });
      return { from, to, days };
    },
  );
}

/**
 * CORS, content type and rate limit for the public endpoints: route hooks, run before the body is read, so a
 * refused request costs no parsing and stores nothing. Written in callback style: the banner's post is the hot path,
 * and the IP hash is synchronous once the day's key is loaded (at start). Built once per endpoint at registration.
 */
function gateOf(
  ledger: ConsentLedger,
  url: string,
  accepted: readonly string[],
  limiter: RateLimiter,
): onRequestHookHandler {
  return function consentGate(request, reply, done) {
    reply.header('x-content-type-options', 'nosniff');
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!isSameOrigin(request, origin) && !ledger.directory.hasOrigin(origin)) {
        if (request.method === 'OPTIONS') return void reply.code(403).send();
        return done(forbidden('This origin may not record consent here.'));
      }
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    }
    if (request.method === 'OPTIONS') {
      return void reply
        .code(204)
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '7200')
        .send();
    }
    const type = mediaType(request.headers['content-type']);
    if (!type || !accepted.includes(type))
      return done(
        unsupportedMediaType(`Send the ${url.endsWith('/shown') ? 'beacon' : 'consent'} as ${accepted.join(' or ')}.`),
      );
    const limit = (ipHash: string) => {
      const wait = limiter.hit(ipHash);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        return done(tooManyRequests());
      }
      ipHashes.set(request, ipHash);
      done();
    };
    const ipHash = ledger.hashIpIfReady(request.ip);
    if (ipHash !== undefined) return limit(ipHash);
    ledger.hashIp(request.ip).then(limit, done);
  };
}

/** The gate of each public endpoint, by its URL. */
type ConsentGates = Record<
  '/api/v1/consent' | '/api/v1/consent/shown' | '/api/v1/consent/purposes',
  onRequestHookHandler
>;

function factsOf(request: FastifyRequest) {
  const ipHash = ipHashes.get(request);
  if (!ipHash) throw new AppError('internal', 500, 'The request was not prepared.');
  return {
    origin: request.headers.origin,
    sameOrigin: request.headers.origin !== undefined && isSameOrigin(request, request.headers.origin),
    ipHash,
    userAgent: request.headers['user-agent'],
    // https://privacycg.github.io/gpc-spec/: the header's only valid value is "1".
    gpc: request.headers['sec-gpc'] === '1',
  };
}

/** Charter's own pages (the demo, the console) post from Charter's origin. */
function isSameOrigin(request: FastifyRequest, origin: string): boolean {
  return origin === `${request.protocol}://${request.host}`;
}

/** The media type of a Content-Type header, lower case, without parameters. */
function mediaType(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const end = header.indexOf(';');
  return (end === -1 ? header : header.slice(0, end)).trim().toLowerCase() || undefined;
}

function parseBeacon(text: string): { site: string; revision: string } {
  const parsed = beaconSchema.safeParse(safeJson(text));
  if (!parsed.success)
    throw new AppError('invalid_input', 422, 'The beacon is not {"site","revision"}.', [
      { path: 'body', message: 'expected {"site","revision"}' },
    ]);
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
