/**
 * The demo website at `/demo/{site}`: a small sample site that carries the real banner, so a newcomer sees it work
 * right after `npm start`. Every consent category of the charter gets a gated, real external script that sets the
 * cookies the charter declares for that category (so revoking visibly deletes them), and a video placeholder served
 * from here sits in a gated iframe. Nothing reaches the internet. Pages in EN, NL, FR and DE.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ConsentDb } from './tables.js';
import { z } from 'zod';
import { activeCharter, findSite } from '../charter/repository.js';
import { approximateDays, duration } from '../charter/duration.js';
import { languages, type Charter } from '../charter/schema.js';
import { notFound } from '../platform/errors.js';
import { html, negotiateLanguage, page } from '../platform/http/html.js';
import { defineRoute } from '../platform/http/routes.js';
import { localText } from './banner-config.js';

const demoLanguages = languages;
type DemoLanguage = (typeof demoLanguages)[number];

const texts: Record<
  DemoLanguage,
  {
    title: string;
    intro: string;
    statusTitle: string;
    waiting: string;
    ran: string;
    cookiesTitle: string;
    cookiesNone: string;
    videoTitle: string;
    videoFrame: string;
    videoText: string;
    tryTitle: string;
    steps: string[];
    choices: string;
    notice: string;
    home: string;
    skip: string;
    language: string;
  }
> = {
  en: {
    title: 'demo website',
    intro:
      "This is a small sample website that carries Charter's consent banner. The scripts below are real external scripts that set the cookies declared in the charter, but only once you allow their category.",
    statusTitle: 'Scripts on this page',
    waiting: 'not run: waiting for your consent',
    ran: 'ran and set its cookies',
    cookiesTitle: 'Cookies this page can see',
    cookiesNone: 'none',
    videoTitle: 'Embedded video',
    videoFrame: 'Demo video player',
    videoText: 'A video player of another party stands here. It loads only with your consent.',
    tryTitle: 'Things to try',
    steps: [
      'Reject all: nothing runs and no cookie other than your choice is set.',
      'Accept all: the scripts run, set their cookies, and the video loads.',
      'Open “Privacy choices” at the bottom and switch a category off: its cookies are deleted.',
      'Turn on Global Privacy Control in your browser: advertising categories stay off.',
    ],
    choices: 'Privacy choices',
    notice: 'Privacy notice',
    home: 'Charter home',
    skip: 'Skip to content',
    language: 'Language',
  },
  nl: {
    title: 'demowebsite',
    intro:
      'Dit is een kleine voorbeeldwebsite met de toestemmingsbanner van Charter. De scripts hieronder zijn echte externe scripts die de cookies uit de charter plaatsen, maar pas nadat u hun categorie toestaat.',
    statusTitle: 'Scripts op deze pagina',
    waiting: 'niet uitgevoerd: wacht op uw toestemming',
    ran: 'uitgevoerd en cookies geplaatst',
    cookiesTitle: 'Cookies die deze pagina ziet',
    cookiesNone: 'geen',
    videoTitle: 'Ingesloten video',
    videoFrame: 'Demovideospeler',
    videoText: 'Hier staat een videospeler van een andere partij. Die laadt alleen met uw toestemming.',
    tryTitle: 'Probeer dit',
    steps: [
      'Alles weigeren: er wordt niets uitgevoerd en er komt geen cookie bij behalve uw keuze.',
      'Alles accepteren: de scripts worden uitgevoerd, plaatsen hun cookies en de video laadt.',
      'Open onderaan “Privacykeuzes” en zet een categorie uit: haar cookies worden verwijderd.',
      'Zet Global Privacy Control aan in uw browser: advertentiecategorieën blijven uit.',
    ],
    choices: 'Privacykeuzes',
    notice: 'Privacyverklaring',
    home: 'Startpagina van Charter',
    skip: 'Naar de inhoud',
    language: 'Taal',
  },
  fr: {
    title: 'site de démonstration',
    intro:
      "Ceci est un petit site d'exemple qui porte le bandeau de consentement de Charter. Les scripts ci-dessous sont de vrais scripts externes qui déposent les cookies déclarés dans la charte, mais seulement après que vous avez autorisé leur catégorie.",
    statusTitle: 'Scripts de cette page',
    waiting: 'non exécuté : en attente de votre consentement',
    ran: 'exécuté, cookies déposés',
    cookiesTitle: 'Cookies visibles par cette page',
    cookiesNone: 'aucun',
    videoTitle: 'Vidéo intégrée',
    videoFrame: 'Lecteur vidéo de démonstration',
    videoText: "Un lecteur vidéo d'un tiers se trouve ici. Il ne se charge qu'avec votre consentement.",
    tryTitle: 'À essayer',
    steps: [
      'Tout refuser : rien ne s’exécute et aucun cookie n’est déposé hormis votre choix.',
      'Tout accepter : les scripts s’exécutent, déposent leurs cookies et la vidéo se charge.',
      'Ouvrez « Choix de confidentialité » en bas et désactivez une catégorie : ses cookies sont supprimés.',
      'Activez Global Privacy Control dans votre navigateur : les catégories publicitaires restent désactivées.',
    ],
    choices: 'Choix de confidentialité',
    notice: 'Déclaration de confidentialité',
    home: 'Accueil de Charter',
    skip: 'Aller au contenu',
    language: 'Langue',
  },
  de: {
    title: 'Demo-Website',
    intro:
      'Dies ist eine kleine Beispiel-Website mit dem Einwilligungsbanner von Charter. Die Skripte unten sind echte externe Skripte, die die in der Charta erklärten Cookies setzen, aber erst, wenn Sie ihre Kategorie erlauben.',
    statusTitle: 'Skripte auf dieser Seite',
    waiting: 'nicht ausgeführt: wartet auf Ihre Einwilligung',
    ran: 'ausgeführt, Cookies gesetzt',
    cookiesTitle: 'Cookies, die diese Seite sieht',
    cookiesNone: 'keine',
    videoTitle: 'Eingebettetes Video',
    videoFrame: 'Demo-Videoplayer',
    videoText: 'Hier steht ein Videoplayer eines anderen Anbieters. Er lädt nur mit Ihrer Einwilligung.',
    tryTitle: 'Zum Ausprobieren',
    steps: [
      'Alle ablehnen: nichts wird ausgeführt und außer Ihrer Wahl wird kein Cookie gesetzt.',
      'Alle akzeptieren: die Skripte laufen, setzen ihre Cookies, und das Video lädt.',
      'Öffnen Sie unten „Datenschutz-Einstellungen“ und schalten Sie eine Kategorie aus: ihre Cookies werden gelöscht.',
      'Schalten Sie Global Privacy Control in Ihrem Browser ein: Werbekategorien bleiben aus.',
    ],
    choices: 'Datenschutz-Einstellungen',
    notice: 'Datenschutzerklärung',
    home: 'Startseite von Charter',
    skip: 'Zum Inhalt springen',
    language: 'Sprache',
  },
};

const siteParams = z.object({
  site: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'a site id')
    .max(100),
});
const langQuery = z.object({ lang: z.string().max(10).optional() });

async function demoCharter(db: Kysely<ConsentDb>, siteId: string): Promise<Charter> {
  const site = await findSite(db, siteId);
  const stored = site ? await activeCharter(db, { organisationId: site.organisationId }) : undefined;
  if (!stored || !stored.charter.sites.some((s) => s.id === siteId)) throw notFound('site');
  return stored.charter;
}

/** The category that gates the embedded video: a media one when the charter has it, else marketing, else the last. */
export function videoCategory(charter: Charter): string | undefined {
  const categories = charter.consent.categories;
  return (
    categories.find((c) => /media|video|embed/.test(c.id)) ??
    categories.find((c) => c.id === 'marketing') ??
    categories.at(-1)
  )?.id;
}

/**
 * The demo script of one category: sets every cookie (and storage key) the charter declares for it on this site, then
 * marks the page. A wildcard name (`_ga_*`) gets a sample suffix.
 */
export function categoryScript(charter: Charter, siteId: string, categoryId: string): string {
  const site = charter.sites.find((s) => s.id === siteId);
  const cookies = charter.cookies
    .filter((c) => c.category === categoryId && (!site?.cookies || site.cookies.includes(c.name)))
    .map((c) => ({
      name: c.name.replace(/\*$/, 'demo'),
      type: c.type,
      seconds: c.duration === 'session' ? 0 : Math.round(approximateDays(duration(c.duration)) * 86400),
    }));
  return `// Charter demo: what a ${categoryId} tag would do. Runs only after consent for "${categoryId}".
(function () {
  var cookies = ${JSON.stringify(cookies)};
  cookies.forEach(function (c) {
    var value = "demo-" + Date.now().toString(36);
    if (c.type === "local-storage") localStorage.setItem(c.name, value);
    else if (c.type === "session-storage") sessionStorage.setItem(c.name, value);
    else if (c.type === "cookie") document.cookie = c.name + "=" + value + "; path=/; SameSite=Lax" + (c.seconds ? "; max-age=" + c.seconds : "");
  });
  (window.dataLayer = window.dataLayer || []).push({ event: ${JSON.stringify(`demo-${categoryId}`)} });
  var runs = (window.demoRuns = window.demoRuns || {});
  runs[${JSON.stringify(categoryId)}] = (runs[${JSON.stringify(categoryId)}] || 0) + 1;
  var status = document.querySelector('[data-demo-status=${JSON.stringify(categoryId)}]');
  if (status) { status.textContent = status.getAttribute("data-ran-text"); status.classList.add("demo-ran"); }
  document.dispatchEvent(new CustomEvent("demo:ran", { detail: ${JSON.stringify(categoryId)} }));
})();
`;
}

/** Not gated and sets nothing: shows the cookie names the page can see, after each choice and each demo script. */
const cookieViewer = `// Charter demo: lists the cookie names this page can see (reads only).
(function () {
  function show() {
    var out = document.getElementById("demo-cookies");
    if (!out) return;
    var names = document.cookie.split("; ").filter(Boolean).map(function (p) { return p.split("=")[0]; });
    out.textContent = names.length ? names.join(", ") : out.getAttribute("data-none");
  }
  document.addEventListener("charter:consent", function () { setTimeout(show, 0); });
  document.addEventListener("demo:ran", show);
  document.addEventListener("DOMContentLoaded", show);
  show();
})();
`;

const demoCss = `.demo-brand { font-weight: 700; font-size: 1.2rem; }
.demo-status li { margin: .25rem 0; }
.demo-status .demo-ran { color: #166534; font-weight: 600; }
.demo-frame { display: block; width: 100%; max-width: 560px; height: 315px; border: 1px solid #767676; }
footer.site { border-top: 1px solid #c4c4c4; margin-top: 2rem; }
footer.site ul { list-style: none; padding: 0; display: flex; gap: 1.5rem; flex-wrap: wrap; align-items: center; }
button.link { background: none; border: none; color: var(--accent); text-decoration: underline; padding: 0; font-weight: 400; }
.demo-video { margin: 0; min-height: 100vh; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 1rem; padding: 1rem; background: #111827; color: #f9fafb; font: 16px/1.5 system-ui, sans-serif; text-align: center; }
.demo-video .play { width: 4rem; height: 4rem; border-radius: 50%; background: #f9fafb; position: relative; }
.demo-video .play::after { content: ""; position: absolute; left: 1.6rem; top: 1.2rem; border-style: solid; border-width: .8rem 0 .8rem 1.3rem; border-color: transparent transparent transparent #111827; }
`;

/** The demo page's language: the one asked for, else the visitor's, among the site's (its first as default). */
function language(
  charter: Charter,
  siteId: string,
  explicit: string | undefined,
  accept: string | undefined,
): DemoLanguage {
  const site = charter.sites.find((s) => s.id === siteId);
  const first = (site?.languages ?? charter.languages)[0] ?? 'en';
  return negotiateLanguage(demoLanguages, charter.defaultLanguage ?? first, explicit, accept);
}

export function registerDemoRoutes(app: FastifyInstance, deps: { db: Kysely<ConsentDb> }) {
  for (const [url, summary, type, body] of [
    ['/demo/assets/demo.css', 'Stylesheet of the demo website', 'text/css', demoCss],
    ['/demo/assets/cookies.js', 'Demo website: lists the cookies the page can see', 'text/javascript', cookieViewer],
  ] as const) {
    defineRoute(
      app,
      { method: 'GET', url, summary, tags: ['demo'], auth: 'public', produces: type },
      async ({ reply }) =>
        reply.type(`${type}; charset=utf-8`).header('cache-control', 'public, max-age=3600').send(body),
    );
  }

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/demo/:site/scripts/:file',
      summary: 'Demo website: the script of one consent category (sets the cookies the charter declares for it)',
      tags: ['demo'],
      auth: 'public',
      params: siteParams.extend({
        file: z.string().regex(/^[a-z0-9][a-z0-9-]*\.js$/, 'a category id followed by .js'),
      }),
      produces: 'text/javascript',
      errors: [404],
    },
    async ({ params, reply }) => {
      const charter = await demoCharter(deps.db, params.site);
      const categoryId = params.file.slice(0, -3);
      if (!charter.consent.categories.some((c) => c.id === categoryId)) throw notFound('category');
      return reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(categoryScript(charter, params.site, categoryId));
    },
  );

  defineDemoPage(
    app,
    deps,
    '/demo/:site/video',
    'Demo website: the stand-in video player shown in the gated iframe',
    (_charter, _siteId, lang) => {
      const t = texts[lang];
      return `<!doctype html>${html`<html lang="${lang}"><head><meta charset="utf-8"><title>${t.videoFrame}</title><link rel="stylesheet" href="/demo/assets/demo.css"></head><body class="demo-video"><main><div class="play" role="img" aria-label="${t.videoFrame}"></div><p>${t.videoText}</p></main></body></html>`.value}`;
    },
  );
  defineDemoPage(
    app,
    deps,
    '/demo/:site',
    'Demo website with the consent banner, gated scripts and a gated video (EN/NL/FR/DE)',
    renderDemoPage,
  );
}

/** A public HTML page of a site's demo website, in the language asked for (query, then Accept-Language). */
function defineDemoPage(
  app: FastifyInstance,
  deps: { db: Kysely<ConsentDb> },
  url: string,
  summary: string,
  render: (charter: Charter, siteId: string, lang: DemoLanguage) => string,
) {
  defineRoute(
    app,
    {
      method: 'GET',
      url,
      summary,
      tags: ['demo'],
      auth: 'public',
      params: siteParams,
      query: langQuery,
      produces: 'text/html',
      errors: [404],
    },
    async ({ params, query, request, reply }) => {
      const charter = await demoCharter(deps.db, params.site);
      const lang = language(charter, params.site, query.lang, request.headers['accept-language']);
      return reply.type('text/html; charset=utf-8').send(render(charter, params.site, lang));
    },
  );
}

/** The demo website of a site: the banner, scripts gated per category, a gated video, links to the notice. */
function renderDemoPage(charter: Charter, siteId: string, lang: DemoLanguage): string {
  const site = charter.sites.find((s) => s.id === siteId);
  const t = texts[lang];
  const siteName = site?.name ?? siteId;
  const categories = charter.consent.categories;
  const video = videoCategory(charter);
  const videoSrc = `/demo/${siteId}/video?lang=${lang}`;
  const head = html`<link rel="stylesheet" href="/demo/assets/demo.css"><script src="/banner/${siteId}.js?lang=${lang}" async></script><script src="/demo/assets/cookies.js" defer></script>`;
  const languageLinks = demoLanguages.map(
    (l) =>
      html`<li><a href="/demo/${siteId}?lang=${l}" lang="${l}" ${l === lang ? html`aria-current="page"` : ''}>${l.toUpperCase()}</a></li>`,
  );
  const body = html`<header class="site"><p class="demo-brand">${siteName}</p><nav class="languages" aria-label="${t.language}"><ul>${languageLinks}</ul></nav></header>
<main id="main">
<h1>${siteName}: ${t.title}</h1>
<p>${t.intro}</p>
<h2>${t.statusTitle}</h2>
<ul class="demo-status" aria-live="polite">
${categories.map((c) => html`<li>${localText(c.name, lang, charter.defaultLanguage)}: <span data-demo-status="${c.id}" data-ran-text="${t.ran}">${t.waiting}</span></li>`)}
</ul>
${categories.map((c) => html`<script type="text/plain" data-category="${c.id}" data-src="/demo/${siteId}/scripts/${c.id}.js"></script>`)}
<h2>${t.cookiesTitle}</h2>
<p><output id="demo-cookies" data-none="${t.cookiesNone}">${t.cookiesNone}</output></p>
<h2>${t.videoTitle}</h2>
${
  video
    ? html`<iframe class="demo-frame" data-category="${video}" data-src="${videoSrc}" title="${t.videoFrame}" width="560" height="315"></iframe>`
    : html`<iframe class="demo-frame" src="${videoSrc}" title="${t.videoFrame}" width="560" height="315"></iframe>`
}
<h2>${t.tryTitle}</h2>
<ol>${t.steps.map((step) => html`<li>${step}</li>`)}</ol>
</main>
<footer class="site"><ul>
<li><button type="button" class="link" data-charter-open>${t.choices}</button></li>
<li><a href="/privacy/${siteId}/notice?lang=${lang}">${t.notice}</a></li>
<li><a href="/?lang=${lang}">${t.home}</a></li>
</ul></footer>`;
  return page({ lang, title: `${siteName} — ${t.title}`, body, head, skipLinkLabel: t.skip });
}
