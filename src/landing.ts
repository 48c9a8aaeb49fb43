/**
 * The landing page at `/`: what is running here and where to find it (console, privacy centers, demos, API), in the
 * visitor's language.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { languages } from './charter/schema.js';
import type { CharterTables } from './charter/tables.js';
import { html, negotiateLanguage, page } from './platform/http/html.js';
import { defineRoute } from './platform/http/routes.js';
import { viewOf } from './platform/db/view.js';

const uiLanguages = languages;
type UiLanguage = (typeof uiLanguages)[number];

const texts: Record<
  UiLanguage,
  Record<
    | 'title'
    | 'intro'
    | 'console'
    | 'sites'
    | 'privacy'
    | 'demo'
    | 'api'
    | 'openapi'
    | 'health'
    | 'none'
    | 'skip'
    | 'language',
    string
  >
> = {
  en: {
    title: 'Charter is running',
    intro:
      'Charter keeps the promises of your privacy statement: one declaration drives the notice, the consent banner, requests, retention and records.',
    console: 'Console for the privacy team',
    sites: 'Sites',
    privacy: 'privacy center',
    demo: 'demo website with the consent banner',
    api: 'API',
    openapi: 'OpenAPI 3.1 description',
    health: 'Health check',
    none: 'No charter has been applied yet.',
    skip: 'Skip to content',
    language: 'Language',
  },
  nl: {
    title: 'Charter draait',
    intro:
      'Charter houdt de beloften van uw privacyverklaring: één verklaring stuurt de privacyverklaring, de toestemmingsbanner, verzoeken, bewaring en registers aan.',
    console: 'Console voor het privacyteam',
    sites: 'Websites',
    privacy: 'privacycentrum',
    demo: 'demowebsite met de toestemmingsbanner',
    api: 'API',
    openapi: 'OpenAPI 3.1-beschrijving',
    health: 'Statuscontrole',
    none: 'Er is nog geen charter toegepast.',
    skip: 'Naar de inhoud',
    language: 'Taal',
  },
  fr: {
    title: 'Charter est en marche',
    intro:
      'Charter tient les promesses de votre déclaration de confidentialité : une seule déclaration pilote la notice, le bandeau de consentement, les demandes, la conservation et les registres.',
    console: "Console de l'équipe vie privée",
    sites: 'Sites',
    privacy: 'centre de confidentialité',
    demo: 'site de démonstration avec le bandeau de consentement',
    api: 'API',
    openapi: 'Description OpenAPI 3.1',
    health: 'État du service',
    none: "Aucune charte n'a encore été appliquée.",
    skip: 'Aller au contenu',
    language: 'Langue',
  },
  de: {
    title: 'Charter läuft',
    intro:
      'Charter hält die Versprechen Ihrer Datenschutzerklärung: eine einzige Erklärung steuert den Hinweis, das Einwilligungsbanner, Anfragen, Aufbewahrung und Verzeichnisse.',
    console: 'Konsole für das Datenschutzteam',
    sites: 'Websites',
    privacy: 'Datenschutzcenter',
    demo: 'Demo-Website mit dem Einwilligungsbanner',
    api: 'API',
    openapi: 'OpenAPI-3.1-Beschreibung',
    health: 'Statusprüfung',
    none: 'Es wurde noch keine Charta angewendet.',
    skip: 'Zum Inhalt springen',
    language: 'Sprache',
  },
};

/** The one table the landing page reads: the sites, to link each one's privacy center. */
type LandingDb = Pick<CharterTables, 'sites'>;

export function registerLanding<DB extends LandingDb>(app: FastifyInstance, deps: { db: Kysely<DB> }) {
  const db = viewOf<LandingDb>()(deps.db);
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/',
      summary: 'Landing page listing what runs here',
      tags: ['pages'],
      auth: 'public',
      query: z.object({ lang: z.string().max(10).optional() }),
      produces: 'text/html',
    },
    async ({ query, request, reply }) => {
      const lang = negotiateLanguage(uiLanguages, 'en', query.lang, request.headers['accept-language']);
      const t = texts[lang];
      const has = (url: string) =>
        app.hasRoute({ method: 'GET', url }) || app.hasRoute({ method: 'GET', url: `${url}/` });
      const sites = await db.selectFrom('sites').select(['site_id', 'domain']).orderBy('site_id').execute();
      const siteItems = sites.map(
        (site) => html`<li><strong>${site.site_id}</strong> (${site.domain}):
          ${has('/privacy/:site') ? html`<a href="/privacy/${site.site_id}?lang=${lang}">${t.privacy}</a>` : ''}
          ${has('/demo/:site') ? html` · <a href="/demo/${site.site_id}?lang=${lang}">${t.demo}</a>` : ''}</li>`,
      );
      const languageLinks = uiLanguages.map(
        (l) =>
          html`<li><a href="/?lang=${l}" lang="${l}" ${l === lang ? html`aria-current="page"` : ''}>${l.toUpperCase()}</a></li>`,
      );
      const body = html`<header class="site"><nav class="languages" aria-label="${t.language}"><ul>${languageLinks}</ul></nav></header>
        <main id="main"><h1>${t.title}</h1><p>${t.intro}</p>
        <ul>
          ${has('/console') ? html`<li><a href="/console/">${t.console}</a></li>` : ''}
          <li><a href="/openapi.json">${t.openapi}</a>${has('/api/docs') ? html` · <a href="/api/docs">${t.api}</a>` : ''}</li>
          <li><a href="/healthz">${t.health}</a></li>
        </ul>
        <h2>${t.sites}</h2>
        ${sites.length ? html`<ul>${siteItems}</ul>` : html`<p>${t.none}</p>`}
        </main>`;
      reply.type('text/html; charset=utf-8');
      return page({ lang, title: `Charter — ${t.title}`, body, skipLinkLabel: t.skip });
    },
  );
}
