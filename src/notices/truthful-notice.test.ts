/**
 * The notice says only what the charter declares (issue 18, item 6): the law's Art. 8 ages apart from the
 * organisation's own limit, no legal conclusions, no references to content that is not there, one rule for "last
 * updated", the processor role, all four Art. 18 grounds, and one typography per language.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCharterInEveryLanguage as everyLanguage,
  noticeSectionText as sectionText,
} from '../../test/support/notices.js';
import { exampleCharter } from '../../test/support/charter.js';
import { languages, type Language } from '../charter/schema.js';
import { buildCookiePolicy } from './build-cookie-policy.js';
import { buildNotice } from './build-notice.js';
import { blockRuns, plainText } from './document.js';
import { renderPage } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { typeset } from './typography.js';

const runs = blockRuns;

describe('the notice says only what was declared', () => {
  it('states the law’s Art. 8 age per country apart from the organisation’s own higher limit', () => {
    const charter = everyLanguage((c) => (c.children = { collects: false, minimumAge: { BE: 16 } }));
    const children = sectionText(buildNotice(charter, 'main', 'en'), 'children');
    expect(children).toContain(
      'Under the law, a child can consent on their own to online services offered directly to them from the following age: 13 in Belgium.',
    );
    expect(children).toContain('We apply a higher age ourselves: 16 in Belgium.');
    expect(sectionText(buildNotice(charter, 'main', 'nl'), 'children')).toContain('13 jaar in België');
    expect(sectionText(buildNotice(charter, 'main', 'nl'), 'children')).toContain(
      'Zelf hanteren we een hogere leeftijd: 16 jaar in België.',
    );
    expect(sectionText(buildNotice(charter, 'main', 'fr'), 'children')).toContain('13\u00a0ans en Belgique');
    expect(sectionText(buildNotice(charter, 'main', 'de'), 'children')).toContain(
      'Wir selbst wenden ein höheres Alter an: 16 Jahre in Belgien.',
    );
  });

  it('does not invent a "not meant for children" statement when the charter declares no policy', () => {
    const charter = everyLanguage((c) => (c.children = { collects: false, minimumAge: {} }));
    const invented = {
      en: 'not meant for children',
      nl: 'niet bedoeld voor kinderen',
      fr: 'pas destinés aux enfants',
      de: 'richten sich nicht an Kinder',
    };
    for (const language of languages) {
      const children = sectionText(buildNotice(charter, 'main', language), 'children');
      expect(children).not.toContain(invented[language]);
      expect(children).not.toMatch(/higher age|hogere leeftijd|plus élevé|höheres Alter/);
    }
  });

  it('says no DPO was appointed without the legal conclusion that none is required', () => {
    const charter = everyLanguage((c) => delete c.organisation.dpo);
    const conclusion = { en: 'does not require', nl: 'niet vereist', fr: 'ne l’exige pas', de: 'nicht verlangt' };
    for (const language of languages) {
      const dpo = sectionText(buildNotice(charter, 'main', language), 'dpo');
      expect(dpo.length).toBeGreaterThan(20);
      expect(dpo).not.toContain(conclusion[language]);
    }
  });

  it('points to nothing below when no purpose lists a consequence, and to the list when one does', () => {
    const below = /below|hieronder|ci-dessous|folgenden/;
    const none = everyLanguage((c) => (c.purposes = c.purposes.map((p) => ({ ...p, requirement: { kind: 'none' } }))));
    for (const language of languages) {
      const notice = buildNotice(none, 'main', language);
      expect(sectionText(notice, 'requirements')).not.toMatch(below);
      expect(notice.sections.find((s) => s.id === 'requirements')?.blocks.map((b) => b.type)).toEqual(['paragraph']);
    }
    const one = everyLanguage((c) => {
      c.purposes = c.purposes.map((p) => ({ ...p, requirement: { kind: 'none' } }));
      const [first] = c.purposes;
      if (first) first.requirement = { kind: 'none', consequence: 'Without an address we cannot deliver.' };
    });
    for (const language of languages) {
      const section = buildNotice(one, 'main', language).sections.find((s) => s.id === 'requirements');
      expect(section?.blocks.map((b) => b.type)).toEqual(['paragraph', 'definitions']);
      expect(plainText(section?.blocks[0]?.type === 'paragraph' ? section.blocks[0].content : [])).toMatch(below);
    }
  });

  it('does not refer to a version number or date "at the top"', () => {
    const charter = everyLanguage();
    for (const language of languages) {
      expect(sectionText(buildNotice(charter, 'main', language), 'changes')).not.toMatch(
        /at the top|bovenaan|en haut|oben/,
      );
    }
  });

  it('shows one "last updated": the charter’s date when given, else the published version’s, in every format', () => {
    const dated = everyLanguage((c) => (c.lastUpdated = '2026-10-01'));
    const undated = everyLanguage((c) => delete c.lastUpdated);
    const version = { version: 3, date: '2026-11-02' };
    const declared = buildNotice(dated, 'main', 'en');
    expect(renderMarkdown(declared, { version })).toContain('Version 3 · Last updated: 1 October 2026');
    expect(renderMarkdown(declared)).toContain('Last updated: 1 October 2026');
    expect(renderPage(declared, { version, languages: ['en'] })).toContain('Last updated: 1 October 2026');
    const revision = buildNotice(undated, 'main', 'en');
    expect(renderMarkdown(revision, { version })).toContain('Version 3 · Last updated: 2 November 2026');
    expect(renderPage(revision, { version, languages: ['en'] })).toContain('Last updated: 2 November 2026');
    expect(renderMarkdown(revision)).not.toContain('Last updated');
    expect(renderMarkdown(buildCookiePolicy(dated, 'main', 'en'), { version })).toContain(
      'Last updated: 1 October 2026',
    );
  });

  it('states the processor activity with role both, even without customers listed', () => {
    const charter = everyLanguage((c) => {
      c.organisation.role = 'both';
      c.customers = [];
    });
    expect(sectionText(buildNotice(charter, 'main', 'en'), 'controller')).toContain(
      'We also process personal data on behalf of our customers, as their processor.',
    );
    expect(sectionText(buildNotice(charter, 'main', 'nl'), 'controller')).toContain('als hun verwerker');
    const controller = everyLanguage((c) => (c.organisation.role = 'controller'));
    expect(sectionText(buildNotice(controller, 'main', 'en'), 'controller')).not.toContain('as their processor');
  });

  it('names all four Art. 18 grounds of restriction, as the privacy center offers them', () => {
    const charter = everyLanguage();
    const grounds: Record<Language, RegExp[]> = {
      en: [/contest as inaccurate/, /unlawful/, /legal claim/, /objection/],
      nl: [/juistheid betwist/, /onrechtmatig/, /rechtsvordering/, /bezwaar/],
      fr: [/contestez l’exactitude/, /illicite/, /en justice/, /opposition/],
      de: [/Richtigkeit Sie bestreiten/, /unrechtmäßig/, /Rechtsansprüchen/, /Widerspruch/],
    };
    for (const language of languages) {
      const rights = buildNotice(charter, 'main', language).sections.find((s) => s.id === 'rights');
      const definitions = rights?.blocks.find((b) => b.type === 'definitions');
      const restriction = definitions?.type === 'definitions' ? definitions.items[3] : undefined;
      const said = (restriction?.paragraphs ?? []).map(plainText).join(' ');
      for (const ground of grounds[language]) expect(said).toMatch(ground);
    }
  });
});

describe('French and Dutch typography', () => {
  it('sets a no-break space before high punctuation and French quotes, and leaves URLs and times alone', () => {
    expect(typeset('Pas de transfert : destinataire ; voir https://example.be/a?b=c à 10:30. Vraiment ?', 'fr')).toBe(
      'Pas de transfert\u00a0: destinataire\u00a0; voir https://example.be/a?b=c à 10:30. Vraiment\u00a0?',
    );
    expect(typeset("la catégorie “Statistiques” et l'analyse", 'fr')).toBe(
      'la catégorie «\u00a0Statistiques\u00a0» et l’analyse',
    );
    expect(typeset('foto\'s van "Mollie"', 'nl')).toBe('foto’s van “Mollie”');
    expect(typeset('Don\'t "touch"', 'en')).toBe('Don\'t "touch"');
  });

  it('leaves no ordinary space before : ; ? ! and no straight apostrophe in any French or Dutch example notice', () => {
    for (const name of ['lumen-av', 'kamer-west', 'flashbooth'] as const) {
      const charter = exampleCharter(name);
      for (const site of charter.sites) {
        for (const language of site.languages ?? charter.languages) {
          if (language !== 'fr' && language !== 'nl') continue;
          for (const document of [
            buildNotice(charter, site.id, language),
            buildCookiePolicy(charter, site.id, language),
          ]) {
            const own = document.sections
              .flatMap((s) => runs(s.blocks))
              .filter((r) => !r.href && !r.url && (!r.lang || r.lang === language));
            for (const run of own) {
              expect(run.text, `${name}/${site.id}/${language}`).not.toMatch(/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/);
              if (language === 'fr') expect(run.text, `${name}/${site.id}/${language}`).not.toMatch(/ [:;?!]/);
            }
          }
        }
      }
    }
  });

  it('prints a French definition term with a no-break space before its colon in Markdown', () => {
    const charter = everyLanguage();
    expect(renderMarkdown(buildNotice(charter, 'main', 'fr'))).toMatch(/\*\*Base juridique\*\*\u00a0: /);
  });
});
