/**
 * HTTP side of the consent banner: the built bundle (`/banner.js`, `/banner.css`) and its configuration per site and
 * language, plus the demo website (src/consent/demo.ts).
 *
 * How the configuration is addressed, and why:
 * - `GET /api/v1/banner/{site}/config?lang=nl,en` answers the whole configuration of the CURRENT consent revision,
 *   not a pointer to it. A first-time visitor (the one who sees the banner) thus waits for one round trip instead of
 *   two. It is `max-age=0, s-maxage=60` with an ETag: browsers revalidate on every page (a 304 of a few bytes), so a
 *   new consent revision re-asks at once; a CDN may answer for a minute.
 * - `GET /api/v1/banner/{site}/{revision}/{lang}.json` is addressed by consent revision and cached for a year: what a
 *   visitor was shown under a given revision does not change (categories, cookies, vendors and controller are what the
 *   revision hashes). Receipts and CDNs use it; it also answers for past revisions still in the charter history.
 * - `GET /banner/{site}.js[?lang=nl]` is the banner script with the current configuration inside (src/consent/
 *   banner-script.ts): the one request a first-time visitor waits for. Like `/config` it is `max-age=0, s-maxage=60`
 *   with an ETag (of bundle and configuration), so a new consent revision or a new bundle is served on the next page.
 * - `GET /banner/{site}/{revision}/{lang}.{hash}.js` is the same for one consent revision, content-hashed (bundle and
 *   configuration) and cached for a year as immutable: a new bundle or a new revision is a new URL, never a stale
 *   cache. The `link: <…>; rel="canonical"` header of `/banner/{site}.js` names it. Without the hash, or with a hash
 *   that is no longer the content's, the same script is served revalidated like `/banner/{site}.js`.
 * - `GET /banner/{site}/consent-mode.js` is the blocking Google Consent Mode default (src/consent/consent-mode-
 *   default.ts), for the line before the Google tag; current revision, revalidated like `/banner/{site}.js`.
 * Both are public data, so any origin may read them (`Access-Control-Allow-Origin: *`). The ledger POST, which takes
 * data from visitors, is the one restricted to the charter's site origins (src/consent/ledger side).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { consentView, type ConsentDb } from './tables.js';
import { z } from 'zod';
import { activeCharter, charterRevisionBySeq, findSite, listRevisions } from '../charter/repository.js';
import { consentRevision } from '../charter/revision.js';
import { languageSchema, type Charter, type Language } from '../charter/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { defineRoute } from '../platform/http/routes.js';
import { projectFile } from '../platform/project.js';
import {
  bannerConfig,
  bannerConfigSchema,
  pickBannerLanguage,
  siteLanguages,
  type BannerConfig,
} from './banner-config.js';
import { bannerScript } from './banner-script.js';
import { consentModeDefaultScript } from './consent-mode-default.js';
import { registerDemoRoutes } from './demo.js';

export interface BannerRouteDeps<DB extends ConsentDb = ConsentDb> {
  db: Kysely<DB>;
}

const siteParam = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a site id')
  .max(100);

/** `{site}/{revision}/{lang}.{extension}`: the revision-addressed configuration (.json) or script (.js). */
const revisionParams = (extension: 'js' | 'json') =>
  z.object({
    site: siteParam,
    revision: z.string().regex(/^[0-9a-f]{16}$/, 'a consent revision: 16 hexadecimal characters'),
    file: z
      .string()
      .regex(new RegExp(`^[a-z]{2}\\.${extension}$`), `the language followed by .${extension}, e.g. nl.${extension}`)
      .transform((file) => file.slice(0, 2))
      .pipe(languageSchema),
  });

interface Rendered {
  body: string;
  etag: string;
}

function render(config: BannerConfig, wrap?: (config: BannerConfig) => string): Rendered {
  const body = wrap ? wrap(config) : JSON.stringify(config);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/** The content hash in a script's immutable URL: 16 characters of the SHA-256 the ETag carries. */
const contentHash = (rendered: Rendered) => rendered.etag.slice(1, 17);

/** A small bounded memo: configurations are pure functions of (charter revision, site, language). */
class Memo<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly limit: number) {}
  get(key: string): T | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: T): T {
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }
}

/** The active charter of the organisation that owns a public site id, or a 404. */
async function charterOfSite(db: Kysely<ConsentDb>, siteId: string) {
  const site = await findSite(db, siteId);
  const stored = site ? await activeCharter(db, { organisationId: site.organisationId }) : undefined;
  if (!site || !stored || !stored.charter.sites.some((s) => s.id === siteId)) throw notFound('site');
  return { organisationId: site.organisationId, stored };
}

/**
 * The banner configuration a visitor of `siteId` was shown under consent revision `revision`, from the newest
 * charter revision whose consent revision for that site matches; undefined when no revision matches. For receipts
 * ("the texts the visitor saw") and the revision-addressed route.
 */
export async function bannerConfigForRevision<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  siteId: string,
  revision: string,
  language: Language,
): Promise<BannerConfig | undefined> {
  const db = consentView(anyDb);
  const site = await findSite(db, siteId);
  if (!site) return undefined;
  const scope = { organisationId: site.organisationId };
  const matches = (charter: Charter) =>
    charter.sites.some((s) => s.id === siteId) && consentRevision(charter, siteId) === revision;
  const active = await activeCharter(db, scope);
  let charter = active && matches(active.charter) ? active.charter : undefined;
  if (!charter) {
    for (const { seq } of await listRevisions(db, scope)) {
      const stored = await charterRevisionBySeq(db, scope, seq);
      if (stored && matches(stored.charter)) {
        charter = stored.charter;
        break;
      }
    }
  }
  if (!charter || !siteLanguages(charter, siteId).includes(language)) return undefined;
  return bannerConfig(charter, siteId, language);
}

function sendJson(
  request: FastifyRequest,
  reply: FastifyReply,
  rendered: Rendered,
  cacheControl: string,
  type = 'application/json; charset=utf-8',
) {
  reply.header('access-control-allow-origin', '*');
  reply.header('cache-control', cacheControl);
  reply.header('etag', rendered.etag);
  if (request.headers['if-none-match'] === rendered.etag) return reply.code(304).send();
  return reply.type(type).send(rendered.body);
}

/** The page language first, then the browser's: the tag's `?lang=` when given, else Accept-Language (and Vary). */
function languagePreferences(lang: string | undefined, request: FastifyRequest, reply: FastifyReply): string[] {
  if (lang) return lang.split(',');
  reply.header('vary', 'accept-language');
  return (request.headers['accept-language'] ?? '').split(',').map((part) => part.split(';')[0] ?? '');
}

const langQuery = z
  .string()
  .max(200)
  .regex(/^[A-Za-z_,-]*$/, 'language tags separated by commas, most preferred first')
  .optional()
  .describe('the page language first, then the browser languages: "nl,en"');

interface Asset {
  body: Buffer;
  etag: string;
}

/** Serves a file of dist/banner; read once, 503 until `npm run build` has made it. */
function assetLoader(file: string) {
  let cached: Promise<Asset> | undefined;
  return () => {
    cached ??= readFile(projectFile('dist/banner', file)).then(
      (body) => ({ body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` }),
      (error: unknown) => {
        cached = undefined;
        throw new AppError('not_built', 503, `The banner is not built (${file}); run "npm run build".`, [
          { message: error instanceof Error ? error.message : String(error) },
        ]);
      },
    );
    return cached;
  };
}

export function registerBannerRoutes<DB extends ConsentDb>(app: FastifyInstance, anyDeps: BannerRouteDeps<DB>) {
  const deps: BannerRouteDeps = { db: consentView(anyDeps.db) };
  const configs = new Memo<Rendered>(500);

  const loadScript = assetLoader('banner.js');
  /** The bundle around a configuration; the ETag covers both, so a new build is served too. */
  const scriptOf: ScriptOf = async (
    key: string,
    config: () => Promise<BannerConfig | undefined>,
  ): Promise<Rendered | undefined> => {
    const asset = await loadScript();
    const memoKey = `script:${asset.etag}:${key}`;
    const known = configs.get(memoKey);
    if (known) return known;
    const value = await config();
    return value
      ? configs.set(
          memoKey,
          render(value, (c) => bannerScript(asset.body.toString('utf8'), c)),
        )
      : undefined;
  };
  registerBannerScriptRoutes(app, deps, configs, scriptOf);
  registerBannerAssetRoutes(app);
  registerBannerConfigRoutes(app, deps, configs);
  registerDemoRoutes(app, deps);
}

const scriptType = 'text/javascript; charset=utf-8';

/** The banner script with a configuration inside, memoised per bundle and configuration. */
type ScriptOf = (key: string, config: () => Promise<BannerConfig | undefined>) => Promise<Rendered | undefined>;

/** The banner script of a site (current revision), its Consent Mode default, and one revision's immutable script. */
function registerBannerScriptRoutes(
  app: FastifyInstance,
  deps: BannerRouteDeps,
  configs: Memo<Rendered>,
  scriptOf: ScriptOf,
) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/banner/:file',
      summary:
        'The consent banner script with the current configuration of a site inside (one tag: <script src=".../banner/main.js" async>)',
      tags: ['consent'],
      auth: 'public',
      params: z.object({
        file: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]*\.js$/, 'the site id followed by .js, e.g. main.js')
          .max(103)
          .transform((file) => file.slice(0, -3)),
      }),
      query: z.object({ lang: langQuery }),
      produces: 'text/javascript',
      errors: [404, 503],
    },
    async ({ params, query, request, reply }) => {
      const site = params.file;
      const { stored } = await charterOfSite(deps.db, site);
      const language = pickBannerLanguage(stored.charter, site, languagePreferences(query.lang, request, reply));
      const rendered = await scriptOf(`${stored.revision}:${site}:${language}`, async () =>
        bannerConfig(stored.charter, site, language),
      );
      reply.header(
        'link',
        `</banner/${site}/${consentRevision(stored.charter, site)}/${language}.${contentHash(rendered!)}.js>; rel="canonical"`,
      );
      return sendJson(request, reply, rendered!, 'public, max-age=0, s-maxage=60', scriptType);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/banner/:site/consent-mode.js',
      summary:
        'The Google Consent Mode default of a site as a tiny blocking script: <script src=".../banner/main/consent-mode.js"></script> before the Google tag',
      tags: ['consent'],
      auth: 'public',
      params: z.object({ site: siteParam }),
      produces: 'text/javascript',
      errors: [404],
    },
    async ({ params, request, reply }) => {
      const { stored } = await charterOfSite(deps.db, params.site);
      const language = pickBannerLanguage(stored.charter, params.site, []);
      const key = `consent-mode:${stored.revision}:${params.site}`;
      const rendered =
        configs.get(key) ??
        configs.set(key, render(bannerConfig(stored.charter, params.site, language), consentModeDefaultScript));
      return sendJson(request, reply, rendered, 'public, max-age=0, s-maxage=60', scriptType);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/banner/:site/:revision/:file',
      summary:
        'The consent banner script with the configuration of one consent revision in one language inside (immutable)',
      tags: ['consent'],
      auth: 'public',
      params: z.object({
        site: siteParam,
        revision: revisionParams('js').shape.revision,
        file: z
          .string()
          .regex(
            /^[a-z]{2}(\.[A-Za-z0-9_-]{16})?\.js$/,
            'the language, optionally the content hash, then .js, e.g. nl.js or nl.Ab3dEf6hIj9kLm2n.js',
          )
          .transform((file, context) => {
            const language = languageSchema.safeParse(file.slice(0, 2));
            if (!language.success) {
              context.issues.push({
                code: 'custom',
                message: 'a language Charter speaks: en, nl, fr or de',
                input: file,
              });
              return z.NEVER;
            }
            return { language: language.data, hash: file.length > 5 ? file.slice(3, -3) : undefined };
          }),
      }),
      produces: 'text/javascript',
      errors: [404, 503],
    },
    async ({ params, request, reply }) => {
      const { language, hash } = params.file;
      const rendered = await scriptOf(`revision:${params.site}:${params.revision}:${language}`, () =>
        bannerConfigForRevision(deps.db, params.site, params.revision, language),
      );
      if (!rendered) throw notFound('banner configuration');
      // Immutable only under the hash of what is served now: the same revision may be served with a newer bundle.
      const current = hash === contentHash(rendered);
      if (!current)
        reply.header(
          'link',
          `</banner/${params.site}/${params.revision}/${language}.${contentHash(rendered)}.js>; rel="canonical"`,
        );
      return sendJson(
        request,
        reply,
        rendered,
        current ? 'public, max-age=31536000, immutable' : 'public, max-age=0, s-maxage=60',
        scriptType,
      );
    },
  );
}

/** The bare bundle and stylesheet (the site named by the tag's data-site), revalidated by ETag. */
function registerBannerAssetRoutes(app: FastifyInstance) {
  for (const [url, file, type] of [
    ['/banner.js', 'banner.js', 'text/javascript; charset=utf-8'],
    ['/banner.css', 'banner.css', 'text/css; charset=utf-8'],
  ] as const) {
    const load = assetLoader(file);
    defineRoute(
      app,
      {
        method: 'GET',
        url,
        summary:
          file === 'banner.js'
            ? 'The consent banner script (one tag: <script src=".../banner.js" data-site="main" async>)'
            : 'The banner stylesheet, for browsers without constructable stylesheets',
        tags: ['consent'],
        auth: 'public',
        produces: type.split(';')[0],
        errors: [503],
      },
      async ({ request, reply }) => {
        const asset = await load();
        // Not revision-addressed (the tag on every site names this URL), so an hour, revalidated by ETag.
        reply.header('cache-control', 'public, max-age=3600, stale-while-revalidate=86400');
        reply.header('access-control-allow-origin', '*');
        reply.header('etag', asset.etag);
        if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
        return reply.type(type).send(asset.body);
      },
    );
  }
}

/** The banner configuration as JSON: current revision of a site, or one revision (immutable). */
function registerBannerConfigRoutes(app: FastifyInstance, deps: BannerRouteDeps, configs: Memo<Rendered>) {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/banner/:site/config',
      summary: "The banner configuration of a site's current consent revision, in the best language for the visitor",
      tags: ['consent'],
      auth: 'public',
      params: z.object({ site: siteParam }),
      query: z.object({ lang: langQuery }),
      response: bannerConfigSchema,
      errors: [404],
    },
    async ({ params, query, request, reply }) => {
      const { stored } = await charterOfSite(deps.db, params.site);
      const language = pickBannerLanguage(stored.charter, params.site, languagePreferences(query.lang, request, reply));
      const key = `${stored.revision}:${params.site}:${language}`;
      const rendered =
        configs.get(key) ?? configs.set(key, render(bannerConfig(stored.charter, params.site, language)));
      return sendJson(request, reply, rendered, 'public, max-age=0, s-maxage=60');
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/banner/:site/:revision/:file',
      summary: 'The banner configuration of one consent revision in one language (immutable; for CDNs and receipts)',
      tags: ['consent'],
      auth: 'public',
      params: revisionParams('json'),
      response: bannerConfigSchema,
      errors: [404],
    },
    async ({ params, request, reply }) => {
      // Only found configurations are kept: a revision unknown now may be applied later.
      const key = `revision:${params.site}:${params.revision}:${params.file}`;
      let rendered = configs.get(key);
      if (!rendered) {
        const config = await bannerConfigForRevision(deps.db, params.site, params.revision, params.file);
        if (!config) throw notFound('banner configuration');
        rendered = configs.set(key, render(config));
      }
      return sendJson(request, reply, rendered, 'public, max-age=31536000, immutable');
    },
  );
}
