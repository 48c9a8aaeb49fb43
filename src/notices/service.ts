/**
 * What the notice routes share: from a public site id to its organisation, active charter and languages, and the
 * published document a reader asked for (language from `?lang=`, then Accept-Language, then the site's default;
 * the latest version unless `?version=` names one). Versions are brought up to date first.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { activeCharter, findSite } from '../charter/repository.js';
import type { Charter, Language, Site } from '../charter/schema.js';
import type { OrgScope } from '../platform/db/tenancy.js';
import { notFound } from '../platform/errors.js';
import { negotiateLanguage } from '../platform/http/html.js';
import type { DocumentKind } from './document.js';
import { defaultLanguageOf } from './site-view.js';
import { noticesView, type NoticesDb } from './tables.js';
import { syncNoticeVersions, versionDocument, type VersionDocument } from './versions.js';

export interface SiteContext {
  scope: OrgScope;
  charter: Charter;
  site: Site;
  languages: Language[];
  defaultLanguage: Language;
}

/** The organisation, active charter and languages of a public site id; 404 for an unknown site. */
export async function siteContext<DB extends NoticesDb>(anyDb: Kysely<DB>, siteId: string): Promise<SiteContext> {
  const db = noticesView(anyDb);
  const found = await findSite(db, siteId);
  if (!found) throw notFound('site');
  const scope = { organisationId: found.organisationId };
  const stored = await activeCharter(db, scope);
  const site = stored?.charter.sites.find((s) => s.id === siteId);
  if (!stored || !site) throw notFound('site');
  const languages = site.languages ?? stored.charter.languages;
  return {
    scope,
    charter: stored.charter,
    site,
    languages,
    defaultLanguage: defaultLanguageOf({ charter: stored.charter, languages }),
  };
}

/** The language to answer in: `?lang=`, then Accept-Language, then the site's default. */
export function pickLanguage(context: SiteContext, explicit: string | undefined, request: FastifyRequest): Language {
  return negotiateLanguage(context.languages, context.defaultLanguage, explicit, request.headers['accept-language']);
}

export interface Published extends SiteContext {
  language: Language;
  published: VersionDocument;
}

/** The published document of a site in the reader's language: the latest version, or `version`. 404 if none. */
export async function publishedDocument<DB extends NoticesDb>(
  anyDb: Kysely<DB>,
  input: {
    siteId: string;
    kind: DocumentKind;
    lang?: string | undefined;
    version?: number | undefined;
    request: FastifyRequest;
  },
): Promise<Published> {
  const db = noticesView(anyDb);
  const context = await siteContext(db, input.siteId);
  await syncNoticeVersions(db, context.scope);
  const language = pickLanguage(context, input.lang, input.request);
  const published = await versionDocument(db, context.scope, {
    siteId: input.siteId,
    kind: input.kind,
    version: input.version,
    language,
  });
  if (!published) throw notFound(input.version === undefined ? 'notice' : 'notice version');
  return { ...context, language: published.language as Language, published };
}

/** An ISO date (YYYY-MM-DD) of a timestamp. */
export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}
