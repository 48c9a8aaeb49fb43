import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build-banner.mjs';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { buildCharter } from '../../test/support/charter.js';
import { applyCharter } from '../charter/repository.js';
import type { Charter } from '../charter/schema.js';
import { consentRevision } from '../charter/revision.js';
import { projectFile, projectRoot } from '../platform/project.js';
import { bannerConfigSchema } from './banner-config.js';
import { bannerConfigForRevision } from './banner-routes.js';

/** The field paths a 4xx answer names, sorted. */
const errorPaths = (response: { json(): { error: { details: { path: string }[] } } }) =>
  response
    .json()
    .error.details.map((d) => d.path)
    .sort();

const charter = buildCharter((c) => {
  c.consent.categories.push({
    id: 'external-media',
    name: { en: 'Embedded videos', nl: "Ingesloten video's", fr: 'Vidéos intégrées' },
    description: 'Shows videos',
    gpc: false,
    googleConsentMode: [],
  });
});
const revision = consentRevision(charter, 'main');

let test: TestApp;

/** A GET of `url` by a browser that holds `earlier`'s answer (If-None-Match with its ETag). */
const revalidate = (url: string, earlier: { headers: Record<string, unknown> }) =>
  test.app.inject({ method: 'GET', url, headers: { 'if-none-match': String(earlier.headers.etag) } });
/** Applies `next` as the test organisation's charter (the tests that change it put the file's `charter` back). */
const applyToTestOrganisation = (next: Charter) =>
  applyCharter(
    test.database.db,
    { organisationId: test.organisationId! },
    { charter: next, source: '{}', format: 'json', actor: 'test' },
  );

/** Renames the first consent category "Visit counting" and applies that charter; answers its new consent revision. */
async function applyRenamedCategory(): Promise<string> {
  const changed = buildCharter(
    (c) =>
      (c.consent.categories[0]!.name = { en: 'Visit counting', nl: 'Bezoeken tellen', fr: 'Comptage des visites' }),
  );
  await applyToTestOrganisation(changed);
  return consentRevision(changed, 'main');
}

beforeAll(async () => {
  await build(projectRoot);
  test = await buildTestApp({ charter });
}, 120_000);
afterAll(async () => test?.close());

describe('GET /banner.js and /banner.css', () => {
  it('serves the built bundle as JavaScript, cacheable and revalidated by ETag', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/banner.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.rawPayload.equals(readFileSync(projectFile('dist/banner/banner.js')))).toBe(true);
    expect(response.headers['cache-control']).toContain('max-age=3600');
    const again = await revalidate('/banner.js', response);
    expect(again.statusCode).toBe(304);
    const css = await test.app.inject({ method: 'GET', url: '/banner.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });
});

describe('GET /api/v1/banner/{site}/config', () => {
  it("answers the current revision's configuration in the first language the site offers, for any origin", async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/banner/main/config?lang=de,fr,en' });
    expect(response.statusCode).toBe(200);
    const config = bannerConfigSchema.parse(response.json());
    expect(config.language).toBe('fr');
    expect(config.revision).toBe(revision);
    expect(config.texts.acceptAll).toBe('Tout accepter');
    expect(config.categories.map((c) => c.name)).toEqual(['Statistiques', 'Vidéos intégrées']);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('public, max-age=0, s-maxage=60');
  });

  it('answers 304 to a browser that has the same configuration', async () => {
    const first = await test.app.inject({ method: 'GET', url: '/api/v1/banner/main/config?lang=nl' });
    const second = await revalidate('/api/v1/banner/main/config?lang=nl', first);
    expect(second.statusCode).toBe(304);
    expect(second.body).toBe('');
    const other = await revalidate('/api/v1/banner/main/config?lang=en', first);
    expect(other.statusCode).toBe(200);
  });

  it('uses Accept-Language when the banner sends no languages, and says the answer varies with it', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/banner/main/config',
      headers: { 'accept-language': 'nl-BE,nl;q=0.9,en;q=0.5' },
    });
    expect(response.json()).toMatchObject({ language: 'nl' });
    expect(response.headers.vary).toBe('accept-language');
  });

  it('answers 404 for an unknown site and 422 with the field path for a malformed one', async () => {
    const unknown = await test.app.inject({ method: 'GET', url: '/api/v1/banner/elsewhere/config' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    const malformed = await test.app.inject({
      method: 'GET',
      url: '/api/v1/banner/Not_A_Site/config?lang=%3Cscript%3E',
    });
    expect(malformed.statusCode).toBe(422);
    expect(errorPaths(malformed)).toEqual(['params.site', 'query.lang']);
  });
});

describe('GET /api/v1/banner/{site}/{revision}/{lang}.json', () => {
  it('serves a consent revision for a year, and still serves an older one after the charter changed', async () => {
    const current = await test.app.inject({ method: 'GET', url: `/api/v1/banner/main/${revision}/nl.json` });
    expect(current.statusCode).toBe(200);
    expect(current.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(current.json()).toMatchObject({ revision, language: 'nl' });

    const newRevision = await applyRenamedCategory();
    expect(newRevision).not.toBe(revision);

    const latest = await test.app.inject({ method: 'GET', url: '/api/v1/banner/main/config?lang=en' });
    expect(latest.json()).toMatchObject({ revision: newRevision, categories: [{ name: 'Visit counting' }] });
    const old = await test.app.inject({ method: 'GET', url: `/api/v1/banner/main/${revision}/en.json` });
    expect(old.statusCode).toBe(200);
    expect(old.json()).toMatchObject({ revision, categories: [{ name: 'Statistics' }, { name: 'Embedded videos' }] });

    const direct = await bannerConfigForRevision(test.database.db, 'main', revision, 'fr');
    expect(direct?.categories[0]?.name).toBe('Statistiques');
    await applyToTestOrganisation(charter);
  });

  it('answers 404 for a revision never applied or a language the site does not offer, 422 for a malformed path', async () => {
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/banner/main/0123456789abcdef/en.json' })).statusCode,
    ).toBe(404);
    expect((await test.app.inject({ method: 'GET', url: `/api/v1/banner/main/${revision}/de.json` })).statusCode).toBe(
      404,
    );
    const malformed = await test.app.inject({ method: 'GET', url: '/api/v1/banner/main/xyz/english.json' });
    expect(malformed.statusCode).toBe(422);
    expect(errorPaths(malformed)).toEqual(['params.file', 'params.revision']);
  });
});

/** The configuration a served script carries, read back by running the wrapper's call with a stand-in bundle. */
function embedded(script: string): { revision: string; language: string; categories: { name: string }[] } {
  const call = script.lastIndexOf('\n})(');
  expect(call).toBeGreaterThan(0);
  return JSON.parse(script.slice(call + 4, script.lastIndexOf(');'))) as {
    revision: string;
    language: string;
    categories: { name: string }[];
  };
}

describe('GET /banner/{site}.js and /banner/{site}/{revision}/{lang}.js (the script with its configuration)', () => {
  it('carries the bundle and the current configuration in the language asked, revalidated by ETag', async () => {
    const bundle = readFileSync(projectFile('dist/banner/banner.js'), 'utf8').trim();
    const response = await test.app.inject({ method: 'GET', url: '/banner/main.js?lang=de,fr' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=0, s-maxage=60');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.body.startsWith('(function(__charterConfig){')).toBe(true);
    expect(response.body).toContain(bundle);
    expect(embedded(response.body)).toMatchObject({
      revision,
      language: 'fr',
      categories: [{ name: 'Statistiques' }, { name: 'Vidéos intégrées' }],
    });
    // The wrapper is a script a browser parses.
    expect(() => new Script(response.body)).not.toThrow();
    const again = await revalidate('/banner/main.js?lang=de,fr', response);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const byHeader = await test.app.inject({
      method: 'GET',
      url: '/banner/main.js',
      headers: { 'accept-language': 'nl-BE,nl;q=0.9' },
    });
    expect(embedded(byHeader.body).language).toBe('nl');
    expect(byHeader.headers.vary).toBe('accept-language');
  });

  it('serves a new consent revision at once at the current URL, and the old one at its own URL for a year', async () => {
    const before = await test.app.inject({ method: 'GET', url: '/banner/main.js?lang=en' });
    const newRevision = await applyRenamedCategory();
    try {
      const after = await revalidate('/banner/main.js?lang=en', before);
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(embedded(after.body)).toMatchObject({ revision: newRevision, categories: [{ name: 'Visit counting' }] });

      const old = await test.app.inject({ method: 'GET', url: `/banner/main/${revision}/en.js` });
      expect(old.statusCode).toBe(200);
      // Without its content hash the revision URL is revalidated: a newer bundle may be served under it.
      expect(old.headers['cache-control']).toBe('public, max-age=0, s-maxage=60');
      expect(embedded(old.body)).toMatchObject({
        revision,
        language: 'en',
        categories: [{ name: 'Statistics' }, { name: 'Embedded videos' }],
      });
      // Its content-hashed URL (named in the link header) is immutable and serves the same script.
      const hashed = /^<([^>]+)>; rel="canonical"$/.exec(String(old.headers.link))?.[1];
      expect(hashed).toMatch(new RegExp(`^/banner/main/${revision}/en\\.[A-Za-z0-9_-]{16}\\.js$`));
      const pinned = await test.app.inject({ method: 'GET', url: hashed! });
      expect(pinned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(pinned.body).toBe(old.body);
      // A hash that is not the content's (an older bundle) is never cached as immutable.
      const stale = await test.app.inject({
        method: 'GET',
        url: hashed!.replace(/\.[A-Za-z0-9_-]{16}\.js$/, '.AAAAAAAAAAAAAAAA.js'),
      });
      expect(stale.statusCode).toBe(200);
      expect(stale.headers['cache-control']).toBe('public, max-age=0, s-maxage=60');
      expect(stale.headers.link).toBe(old.headers.link);
      // The current script names the current revision's hashed URL, which differs from the old one.
      const currentLink = /^<([^>]+)>/.exec(String(after.headers.link))?.[1];
      expect(currentLink).toMatch(new RegExp(`^/banner/main/${newRevision}/en\\.[A-Za-z0-9_-]{16}\\.js$`));
      expect((await test.app.inject({ method: 'GET', url: currentLink! })).body).toBe(after.body);
      const current = await test.app.inject({ method: 'GET', url: `/banner/main/${newRevision}/nl.js` });
      expect(embedded(current.body)).toMatchObject({
        revision: newRevision,
        language: 'nl',
        categories: [{ name: 'Bezoeken tellen' }],
      });
    } finally {
      await applyToTestOrganisation(charter);
    }
  });

  it('answers 404 for an unknown site, revision or language, 422 with the field path for a malformed one', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/banner/elsewhere.js' })).statusCode).toBe(404);
    expect((await test.app.inject({ method: 'GET', url: '/banner/main/0123456789abcdef/en.js' })).statusCode).toBe(404);
    expect((await test.app.inject({ method: 'GET', url: `/banner/main/${revision}/de.js` })).statusCode).toBe(404);
    const malformed = await test.app.inject({ method: 'GET', url: '/banner/Not_A_Site.css?lang=%3Cscript%3E' });
    expect(malformed.statusCode).toBe(422);
    expect(errorPaths(malformed)).toEqual(['params.file', 'query.lang']);
    const badRevision = await test.app.inject({ method: 'GET', url: '/banner/main/xyz/english.js' });
    expect(badRevision.statusCode).toBe(422);
    expect(errorPaths(badRevision)).toEqual(['params.file', 'params.revision']);
  });
});

describe('demo website', () => {
  it.each([
    ['nl', 'Testco: demowebsite', 'Privacykeuzes'],
    ['fr', 'Testco: site de démonstration', 'Choix de confidentialité'],
    ['de', 'Testco: Demo-Website', 'Datenschutz-Einstellungen'],
    ['en', 'Testco: demo website', 'Privacy choices'],
  ])(
    'is served in %s from Accept-Language, with the banner tag, gated scripts and a gated video',
    async (lang, heading, open) => {
      const response = await test.app.inject({
        method: 'GET',
        url: '/demo/main',
        headers: { 'accept-language': `${lang};q=0.9` },
      });
      expect(response.statusCode).toBe(200);
      const page = response.body;
      expect(page).toContain(`<html lang="${lang}">`);
      expect(page).toContain(`<h1>${heading}</h1>`);
      expect(page).toContain(`<script src="/banner/main.js?lang=${lang}" async></script>`);
      expect(page).toContain(
        '<script type="text/plain" data-category="analytics" data-src="/demo/main/scripts/analytics.js"></script>',
      );
      expect(page).toContain(
        '<script type="text/plain" data-category="external-media" data-src="/demo/main/scripts/external-media.js"></script>',
      );
      expect(page).toMatch(
        /<iframe class="demo-frame" data-category="external-media" data-src="\/demo\/main\/video\?lang=\w\w"/,
      );
      expect(page).toContain(`data-charter-open>${open}</button>`);
      expect(response.headers['content-security-policy']).toContain("style-src 'self'");
    },
  );

  it("serves each category's script, which sets exactly the cookies the charter declares for it", async () => {
    const response = await test.app.inject({ method: 'GET', url: '/demo/main/scripts/analytics.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.body).toContain('[{"name":"_stats","type":"cookie","seconds":');
    expect((await test.app.inject({ method: 'GET', url: '/demo/main/scripts/unknown.js' })).statusCode).toBe(404);
    expect((await test.app.inject({ method: 'GET', url: '/demo/elsewhere' })).statusCode).toBe(404);
    const video = await test.app.inject({ method: 'GET', url: '/demo/main/video?lang=fr' });
    expect(video.body).toContain('<html lang="fr">');
  });
});

describe('OpenAPI', () => {
  it('describes the banner and demo routes in a document that validates', async () => {
    const document = (await test.app.inject('/openapi.json')).json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    for (const path of [
      '/banner.js',
      '/banner/{file}',
      '/banner/{site}/{revision}/{file}',
      '/api/v1/banner/{site}/config',
      '/api/v1/banner/{site}/{revision}/{file}',
      '/demo/{site}',
    ]) {
      expect(document.paths[path]?.get, path).toBeDefined();
    }
    expect(Object.keys(document.paths['/api/v1/banner/{site}/config'].get.responses).sort()).toEqual([
      '200',
      '404',
      '422',
    ]);
  });
});
