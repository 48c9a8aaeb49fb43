import { exampleCharterNames } from '../../test/support/charter.js';
import { describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import { loadCharterFile } from '../charter/template-files.js';
import type { Charter } from '../charter/schema.js';
import { projectFile } from '../platform/project.js';
import { buildCookiePolicy } from './build-cookie-policy.js';
import { buildNotice } from './build-notice.js';
import { blockRuns, documentHash, plainText, type NoticeDocument } from './document.js';
import { missingItems, requiredItems } from './lint-rules.js';
import { renderFragment, renderPage } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { article13ItemsOfTheLaw } from './testing/fixtures.js';

// Every example charter, the agency's client charters (which extend its template) included.
const examples = exampleCharterNames();

async function example(name: string): Promise<Charter> {
  const loaded = await loadCharterFile(projectFile(`examples/${name.includes('/') ? name : `${name}/charter`}.yaml`));
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return loaded.charter;
}

const runs = blockRuns;

const sectionText = (document: NoticeDocument, id: string) =>
  runs(document.sections.find((s) => s.id === id)?.blocks ?? [])
    .map((r) => r.text)
    .join(' ')
    .replace(/\u00a0/g, ' ');

describe('the privacy notice of every example charter', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples)(
    '%s: every site, in every language, has every Art. 13 item (and Art. 14 where data comes from elsewhere), non-empty',
    async (name) => {
      const charter = await example(name);
      for (const site of charter.sites) {
        for (const language of site.languages ?? charter.languages) {
          const notice = buildNotice(charter, site.id, language);
          const required = requiredItems(charter, site.id);
          expect(required).toEqual(expect.arrayContaining(article13ItemsOfTheLaw));
          expect({ site: site.id, language, missing: missingItems(notice, required) }).toEqual({
            site: site.id,
            language,
            missing: [],
          });
          expect(notice.language).toBe(language);
          // Written in the notice language: no text of the example falls back to another language.
          const fallbacks = notice.sections.flatMap((s) => runs(s.blocks)).filter((r) => r.lang);
          expect({ site: site.id, language, fallbacks }).toEqual({ site: site.id, language, fallbacks: [] });
        }
      }
    },
  );
});

describe('buildNotice', () => {
  it('is deterministic, so versions can hash it', () => {
    const charter = buildCharter();
    expect(documentHash(buildNotice(charter, 'main', 'en'))).toBe(documentHash(buildNotice(charter, 'main', 'en')));
    expect(documentHash(buildNotice(charter, 'main', 'en'))).not.toBe(documentHash(buildNotice(charter, 'main', 'nl')));
  });

  it('does not hash the "last updated" date', () => {
    const a = buildNotice(
      buildCharter((c) => (c.lastUpdated = '2026-01-01')),
      'main',
      'en',
    );
    const b = buildNotice(
      buildCharter((c) => (c.lastUpdated = '2026-02-01')),
      'main',
      'en',
    );
    expect(documentHash(a)).toBe(documentHash(b));
  });

  it('names the controller with its address and contact details', () => {
    const notice = buildNotice(buildCharter(), 'main', 'en');
    const text = sectionText(notice, 'controller');
    expect(text).toContain('Testco BV');
    expect(text).toContain('BE0999.999.999');
    expect(text).toContain('privacy@testco.example');
    expect(text).toContain('Teststraat 1');
  });

  it("says there is no DPO when none is appointed, and gives the DPO's contact when there is one", () => {
    expect(sectionText(buildNotice(buildCharter(), 'main', 'en'), 'dpo')).toContain('not appointed');
    const withDpo = buildNotice(
      buildCharter((c) => (c.organisation.dpo = { name: 'Dana Officer', email: 'dpo@testco.example' })),
      'main',
      'nl',
    );
    expect(sectionText(withDpo, 'dpo')).toContain('dpo@testco.example');
    expect(sectionText(withDpo, 'dpo')).toContain('functionaris voor gegevensbescherming');
  });

  it('gives the supervisory authority in the notice language, with its address and complaint page', () => {
    const fr = sectionText(buildNotice(buildCharter(), 'main', 'fr'), 'complaint');
    expect(fr).toContain('Autorité de protection des données');
    expect(fr).toContain('Rue de la Presse 35');
    expect(fr).toContain('1000 Bruxelles');
    expect(fr).toContain('https://www.autoriteprotectiondonnees.be/citoyen/agir/introduire-une-plainte');
    expect(sectionText(buildNotice(buildCharter(), 'main', 'nl'), 'complaint')).toContain(
      'Gegevensbeschermingsautoriteit',
    );
  });

  it('marks an authority name in another language when the catalog has none in the notice language', () => {
    const notice = buildNotice(
      buildCharter((c) => (c.organisation.authority = 'nl-ap')),
      'main',
      'fr',
    );
    const name = runs(notice.sections.find((s) => s.id === 'complaint')!.blocks).find(
      (r) => r.text === 'Autoriteit Persoonsgegevens',
    );
    expect(name?.lang).toBe('nl');
  });

  it('states retention per purpose in words, and every recipient with country and safeguard', async () => {
    const charter = await example('lumen-av');
    const notice = buildNotice(charter, 'main', 'en');
    expect(sectionText(notice, 'retention')).toContain('3 years after our last meaningful contact with you');
    expect(sectionText(notice, 'retention')).toContain('1 year after we receive it');
    const recipients = notice.sections.find((s) => s.id === 'recipients')!.blocks.find((b) => b.type === 'table');
    expect(recipients?.type === 'table' && recipients.rows.map((row) => row.map(plainText))).toContainEqual([
      'Metricsmith Inc. (privacy policy)',
      'Processor, working on our instructions',
      'Website analytics',
      'United States',
      'EU-US Data Privacy Framework',
    ]);
    expect(sectionText(notice, 'transfers')).toContain(
      'Faultline Software Inc. (United States): Standard contractual clauses (2021).',
    );
  });

  it('says there are no transfers, no automated decisions and no legitimate interests when there are none', () => {
    const charter = buildCharter((c) => {
      c.recipients = c.recipients.filter((r) => r.country !== 'US');
      c.cookies = c.cookies.filter((k) => k.vendor !== 'stats');
    });
    const notice = buildNotice(charter, 'main', 'de');
    expect(sectionText(notice, 'transfers')).toContain('Wir übermitteln Ihre Daten nicht');
    expect(sectionText(notice, 'automated-decisions')).toContain('keine Entscheidungen');
    expect(sectionText(notice, 'legitimate-interests')).toContain('stützt sich auf berechtigte Interessen');
  });

  it('describes automated decisions with their logic and consequences', () => {
    const notice = buildNotice(
      buildCharter((c) => {
        c.purposes[0]!.automatedDecisions = {
          exists: true,
          logic: 'A score from your payment history.',
          consequences: 'A low score means we ask for prepayment.',
        };
      }),
      'main',
      'en',
    );
    expect(sectionText(notice, 'automated-decisions')).toContain('A score from your payment history.');
    expect(notice.sections.find((s) => s.id === 'automated-decisions')!.gdpr).toEqual(['13(2)(f)']);
  });

  it('adds the Art. 14 section only when some data does not come from the person', () => {
    expect(buildNotice(buildCharter(), 'main', 'en').sections.some((s) => s.id === 'sources')).toBe(false);
    const notice = buildNotice(
      buildCharter((c) => (c.purposes[0]!.source = { kind: 'third-party', description: { en: 'Our partner shop' } })),
      'main',
      'en',
    );
    const sources = notice.sections.find((s) => s.id === 'sources');
    expect(sources?.gdpr).toEqual(['14(1)(d)', '14(2)(f)']);
    expect(sectionText(notice, 'sources')).toContain('our partner shop');
    expect(
      requiredItems(
        buildCharter((c) => (c.purposes[0]!.source = { kind: 'public' })),
        'main',
      ),
    ).toContain('14(2)(f)');
  });

  it('states the Art. 8 ages of the countries concerned, never below the law', () => {
    const notice = buildNotice(
      buildCharter((c) => (c.children.minimumAge = { FR: 15, NL: 16 })),
      'main',
      'en',
    );
    const text = sectionText(notice, 'children');
    expect(text).toContain('13 in Belgium');
    expect(text).toContain('15 in France');
    expect(text).toContain('16 in Netherlands');
  });

  it('links the rights to the privacy center, and lists each right', () => {
    const notice = buildNotice(buildCharter(), 'main', 'en');
    const links = runs(notice.sections.find((s) => s.id === 'rights')!.blocks).filter((r) => r.href);
    expect(links.map((l) => l.href)).toContain('/privacy/main?lang=en');
    for (const right of [
      'Access',
      'Rectification',
      'Erasure',
      'Restriction',
      'Data portability',
      'Objection',
      'Withdrawal of consent',
    ]) {
      expect(
        notice.sections
          .find((s) => s.id === 'rights')!
          .blocks.some((b) => b.type === 'definitions' && b.items.some((i) => i.term === right)),
      ).toBe(true);
    }
  });

  it('limits a site to its own purposes, recipients and cookies', async () => {
    const charter = await example('kamer-west');
    const wifi = buildNotice(charter, 'wifi', 'en');
    const purposes = wifi.sections
      .find((s) => s.id === 'purposes')!
      .blocks.filter((b) => b.type === 'subsection')
      .map((b) => (b.type === 'subsection' ? b.id : ''));
    expect(purposes).toEqual(['purpose-wifi-login', 'purpose-wifi-logs']);
    expect(sectionText(wifi, 'recipients')).not.toContain('Ledenlink');
  });
});

describe('buildCookiePolicy', () => {
  it('lists every cookie by category with vendor, purpose, duration in words and type, and a reopen button', async () => {
    const charter = await example('lumen-av');
    const policy = buildCookiePolicy(charter, 'main', 'nl');
    const necessary = policy.sections.find((s) => s.id === 'necessary')!.blocks.find((b) => b.type === 'table');
    // The banner's own visitor cookie is listed although the charter does not declare it.
    expect(necessary?.type === 'table' && necessary.rows.map((r) => plainText(r[0]!))).toEqual([
      'lumen_session',
      'charter_consent',
      'lumen_lang',
      'charter_visitor',
    ]);
    const categories = policy.sections.find((s) => s.id === 'categories')!;
    const marketing = categories.blocks.find((b) => b.type === 'subsection' && b.id === 'category-marketing');
    expect(marketing?.type === 'subsection' && marketing.heading).toBe('Marketing');
    const text = runs(categories.blocks)
      .map((r) => r.text)
      .join(' ')
      .replace(/\u00a0/g, ' ');
    expect(text).toContain('Brightreach Ads Inc. (Verenigde Staten)');
    expect(text).toContain('13 maanden');
    expect(text).toContain('alleen tijdens uw bezoek');
    expect(policy.sections.find((s) => s.id === 'choice')!.blocks.some((b) => b.type === 'consent-button')).toBe(true);
  });

  it("lists the banner's own cookies only when there is a banner (a consent category)", () => {
    const names = (charter: Charter) => {
      const table = buildCookiePolicy(charter, 'main', 'en')
        .sections.find((s) => s.id === 'necessary')!
        .blocks.find((b) => b.type === 'table');
      return table?.type === 'table' ? table.rows.map((r) => plainText(r[0]!)) : [];
    };
    expect(names(buildCharter())).toEqual(['charter_consent', 'charter_visitor']);
    expect(
      names(
        buildCharter((c) => {
          c.consent.categories = [];
          c.cookies = c.cookies.filter((k) => k.category === 'necessary');
        }),
      ),
    ).toEqual(['charter_consent']);
  });

  it('shows the justification of a cookie that lives longer than 13 months', () => {
    const charter = buildCharter((c) => {
      c.cookies[1]!.duration = 'P2Y';
      c.cookies[1]!.justification = 'Required by our fraud-prevention partner.';
    });
    const policy = buildCookiePolicy(charter, 'main', 'en');
    expect(
      runs(policy.sections.flatMap((s) => s.blocks))
        .map((r) => r.text)
        .join(' '),
    ).toContain('Required by our fraud-prevention partner.');
  });
});

describe('renderings', () => {
  const notice = buildNotice(buildCharter(), 'main', 'en');

  it('tags every section of the HTML page with its GDPR items and keeps one h1', () => {
    const page = renderPage(notice, { languages: ['en', 'nl', 'fr'], version: { version: 4, date: '2026-11-02' } });
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    for (const item of ['13(1)(a)', '13(1)(b)', '13(2)(d)', '13(2)(f)'])
      expect(page).toMatch(
        new RegExp(
          `<section class="charter-notice__section" id="[a-z-]+" aria-labelledby="[a-z-]+-heading" data-gdpr="[^"]*${item.replace(/[()]/g, '\\$&')}`,
        ),
      );
    expect(page).toContain('data-notice-version="4"');
    expect(page).toContain('Version 4 · Last updated: 2 November 2026');
    expect(page).toContain('hreflang="nl"');
    expect(page).not.toMatch(/<script>|style="/);
  });

  it('makes a fragment without page chrome, with scoped classes and absolute links', () => {
    const fragment = renderFragment(notice, { baseUrl: 'https://charter.example' });
    expect(fragment).not.toMatch(/<html|<body|<head|skip-link/);
    expect(fragment.startsWith('<div class="charter-notice charter-notice--fragment" lang="en"')).toBe(true);
    expect(fragment).toContain('href="https://charter.example/privacy/main?lang=en"');
    expect(fragment).toContain('>https://charter.example/privacy/main</a>');
    expect(fragment.match(/class="([^"]+)"/g)!.every((c) => c.includes('charter-notice'))).toBe(true);
  });

  it('writes Markdown with headings, tables and absolute links', () => {
    const markdown = renderMarkdown(notice, {
      baseUrl: 'https://charter.example',
      version: { version: 2, date: '2026-03-01' },
    });
    expect(markdown).toMatch(/^# Privacy notice of Testco BV\n\n\*Version 2 · Last updated: 1 March 2026\*/);
    expect(markdown).toContain('## Who is responsible for your data');
    expect(markdown).toContain('| Recipient | Role | What they do | Country | Safeguard for transfers |');
    expect(markdown).toContain('(<https://charter.example/privacy/main?lang=en>)');
  });
});
