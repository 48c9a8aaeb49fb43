import { describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import { loadCharterFile } from '../charter/template-files.js';
import { consentRevision } from '../charter/revision.js';
import { languages, type Charter } from '../charter/schema.js';
import { projectFile } from '../platform/project.js';
import {
  bannerConfig,
  bannerConfigSchema,
  bannerTexts,
  contrastWithWhite,
  durationInWords,
  pickBannerLanguage,
} from './banner-config.js';

async function example(name: string): Promise<Charter> {
  const result = await loadCharterFile(projectFile('examples', name, 'charter.yaml'));
  if (!result.ok) throw new Error(`example ${name} is invalid`);
  return result.charter;
}

describe('bannerConfig', () => {
  it.each(['lumen-av', 'kamer-west', 'flashbooth'])(
    'fits the schema for every site and language of the %s example',
    async (name) => {
      const charter = await example(name);
      for (const site of charter.sites) {
        for (const language of site.languages ?? charter.languages) {
          const config = bannerConfig(charter, site.id, language);
          expect(bannerConfigSchema.parse(config)).toEqual(config);
          expect(config.revision).toBe(consentRevision(charter, site.id));
          expect(config.categories.map((c) => c.id)).toEqual(charter.consent.categories.map((c) => c.id));
        }
      }
    },
  );

  it('describes each category with its vendors and cookies in the banner language', async () => {
    const config = bannerConfig(await example('lumen-av'), 'main', 'nl');
    const analytics = config.categories.find((c) => c.id === 'analytics');
    expect(analytics?.name).toBe('Statistieken');
    expect(analytics?.cookies.map((c) => [c.name, c.duration])).toEqual([
      ['_mx_id', '13 maanden'],
      ['_mx_sess', '1 dag'],
    ]);
    expect(analytics?.cookies[0]?.purpose).toBe('Onderscheidt bezoekers zodat bezoeken kunnen worden geteld.');
    expect(analytics?.vendors).toEqual([expect.objectContaining({ country: 'Verenigde Staten' })]);
    expect(analytics?.signals).toEqual(['analytics_storage']);
    const marketing = config.categories.find((c) => c.id === 'marketing');
    expect(marketing?.gpc).toBe(true);
    expect(marketing?.signals).toEqual(['ad_storage', 'ad_user_data', 'ad_personalization']);
    expect(config.texts).toEqual(bannerTexts.nl);
    expect(config.notice).toBe('/privacy/main/notice?lang=nl');
    expect(config.expiry).toEqual({ months: 6, days: 0 });
  });

  it('lists strictly necessary cookies, adding the two the banner sets itself when the charter forgets them', () => {
    const config = bannerConfig(buildCharter(), 'main', 'en');
    expect(config.necessary.map((c) => [c.name, c.vendor, c.duration])).toEqual([
      ['charter_consent', 'this website', '6 months'],
      ['charter_visitor', 'this website', '6 months'],
    ]);
    // The declared one keeps the charter's own words.
    expect(config.necessary[0]?.purpose).toBe('Remembers your consent choice');
  });

  it('only lists the cookies a site uses, and no consent-mode signals when the charter does not use Google Consent Mode', async () => {
    const charter = await example('kamer-west');
    const main = bannerConfig(charter, 'main', 'en');
    const events = bannerConfig(charter, 'events', 'en');
    const names = (config: typeof main) =>
      [...config.necessary, ...config.categories.flatMap((c) => c.cookies)].map((c) => c.name);
    expect(names(main)).not.toContain('evt_cart');
    expect(names(events)).toContain('evt_cart');
    expect(main.googleConsentMode).toBe(false);
    expect(main.categories.every((c) => c.signals.length === 0)).toBe(true);
  });

  it('falls back to the default language, then English, for a text not given in the banner language', () => {
    const charter = buildCharter((c) => {
      c.consent.categories[0]!.name = { en: 'Statistics', nl: 'Statistieken' };
      c.defaultLanguage = 'nl';
    });
    expect(bannerConfig(charter, 'main', 'fr').categories[0]?.name).toBe('Statistieken');
  });

  it('keeps a theme colour only when white text on it reaches 4.5:1', () => {
    const dark = buildCharter((c) => (c.sites[0]!.theme = { primaryColor: '#1F3A5F' }));
    const light = buildCharter((c) => (c.sites[0]!.theme = { primaryColor: '#ff9900' }));
    expect(bannerConfig(dark, 'main', 'en').accent).toBe('#1f3a5f');
    expect(bannerConfig(light, 'main', 'en').accent).toBe('#1d4ed8');
    expect(contrastWithWhite('#1d4ed8')).toBeGreaterThanOrEqual(4.5);
  });

  it('throws for a site the charter does not have', () => {
    expect(() => bannerConfig(buildCharter(), 'elsewhere', 'en')).toThrow(/not in the charter/);
  });
});

describe('pickBannerLanguage', () => {
  const charter = buildCharter((c) => {
    c.languages = ['en', 'nl', 'fr'];
    c.defaultLanguage = 'nl';
  });

  it('takes the first preference the site offers: the page language, then the browser languages', () => {
    expect(pickBannerLanguage(charter, 'main', ['fr-BE', 'nl'])).toBe('fr');
    expect(pickBannerLanguage(charter, 'main', ['de', 'en-GB'])).toBe('en');
  });

  it("falls back to the charter's default language, or the site's first when the site does not offer it", () => {
    expect(pickBannerLanguage(charter, 'main', ['de', 'es'])).toBe('nl');
    const english = buildCharter((c) => (c.sites[0]!.languages = ['fr', 'en']));
    expect(pickBannerLanguage(english, 'main', [])).toBe('fr');
  });
});

describe('banner texts', () => {
  it('exist in EN, NL, FR and DE, complete, with their placeholders', () => {
    for (const language of languages) {
      const texts = bannerTexts[language];
      expect(Object.keys(texts).sort()).toEqual(Object.keys(bannerTexts.en).sort());
      expect(Object.values(texts).every((t) => t.trim().length > 0)).toBe(true);
      expect(texts.gpc).toContain('{categories}');
      expect(texts.blocked).toContain('{category}');
      expect(texts.allow).toContain('{category}');
    }
  });

  it('say "accept" and "reject" in words of the same weight (no "maybe later")', () => {
    expect([bannerTexts.en.acceptAll, bannerTexts.en.rejectAll]).toEqual(['Accept all', 'Reject all']);
    expect([bannerTexts.nl.acceptAll, bannerTexts.nl.rejectAll]).toEqual(['Alles accepteren', 'Alles weigeren']);
    expect([bannerTexts.fr.acceptAll, bannerTexts.fr.rejectAll]).toEqual(['Tout accepter', 'Tout refuser']);
    expect([bannerTexts.de.acceptAll, bannerTexts.de.rejectAll]).toEqual(['Alle akzeptieren', 'Alle ablehnen']);
  });
});

describe('durationInWords', () => {
  it.each([
    ['en', { years: 1, months: 6, weeks: 0, days: 0 }, '1 year and 6 months'],
    ['nl', { years: 0, months: 13, weeks: 0, days: 0 }, '13 maanden'],
    ['fr', { years: 2, months: 0, weeks: 1, days: 3 }, '2 ans, 1 semaine et 3 jours'],
    ['de', { years: 0, months: 0, weeks: 0, days: 1 }, '1 Tag'],
  ] as const)('%s: %o is "%s"', (language, value, words) => {
    expect(durationInWords(value, language)).toBe(words);
  });
});
