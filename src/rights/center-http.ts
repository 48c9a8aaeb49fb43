/**
 * What the privacy center's pages and forms share: the site a request reaches (its organisation, charter, language),
 * the status cookie that ties a browser to a request, and the few HTML answers (page, 303, link messages).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { activeCharter, findSite } from '../charter/repository.js';
import type { Language } from '../charter/schema.js';
import { charterForSite } from '../charter/site-controller.js';
import { notFound } from '../platform/errors.js';
import { negotiateLanguage } from '../platform/http/html.js';
import type { RightsContext } from './context.js';
import { siteLanguages } from './intake.js';
import type { LinkState } from './links.js';
import type { MessageKind, PageFrame } from './pages.js';
import { uiLanguages } from './texts/index.js';

export const statusCookie = 'charter_request';
export const siteParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'a site id');
export const idParam = z.string().uuid();
export const secretParam = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'a link');
export const langQuery = z.object({ lang: z.string().max(10).optional() });

export interface SiteContext {
  scope: { organisationId: string };
  frame: PageFrame;
}

export async function siteContext(
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

export function html(reply: FastifyReply, body: string, status = 200) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(body);
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
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
export function setStatusCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  site: string,
  requestId: string,
  token: string,
) {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  reply.header(
    'set-cookie',
    `${statusCookie}=${token}; Path=/privacy/${site}/requests/${requestId}; Max-Age=${120 * 86_400}; HttpOnly; SameSite=Lax${secure}`,
  );
}

/** A page for a mailed link that does not work (any more): 404 for an unknown link, 410 Gone for the rest. */
export const linkMessages: Record<Exclude<LinkState, 'usable'>, { kind: MessageKind; status: number }> = {
  unknown: { kind: 'link-invalid', status: 404 },
  used: { kind: 'link-used', status: 410 },
  expired: { kind: 'link-expired', status: 410 },
  closed: { kind: 'link-closed', status: 410 },
};

/**
 * A form posted from another site (the browser says so in Sec-Fetch-Site): refused whatever it carries. Same-origin
 * and same-site posts pass, and so do clients that send no such header (the SameSite cookie still protects them).
 */
export function crossSite(request: FastifyRequest): boolean {
  return request.headers['sec-fetch-site'] === 'cross-site';
}

export function seeOther(reply: FastifyReply, location: string) {
  return reply.code(303).header('location', location).header('cache-control', 'no-store').send();
}

/** A package, downloaded once: never cached, saved under its file name. */
export function sendPackage(reply: FastifyReply, file: { fileName: string; content: Buffer }) {
  return reply
    .code(200)
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .type('application/zip')
    .send(file.content);
}
