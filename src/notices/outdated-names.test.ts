/**
 * Lint for outdated names in every language, in URLs and in free text (issue 18, item 7), and for placeholders left
 * in a text. One charter that triggers and one that does not per rule, and every example charter stays clean.
 */
import { describe, expect, it } from 'vitest';
import { buildCharter, exampleCharterNames } from '../../test/support/charter.js';
import { loadCharterFile } from '../charter/template-files.js';
import { lintCharter } from '../lint.js';
import type { Charter } from '../charter/schema.js';
import { projectFile } from '../platform/project.js';

const now = new Date('2026-12-01');
const lint = (charter: Charter, rule: string) => lintCharter(charter, { now }).filter((f) => f.rule === rule);
const withDescription = (text: Charter['purposes'][number]['description']) =>
  buildCharter((c) => {
    c.purposes[0]!.description = text;
  });

describe('outdated names', () => {
  it.each([
    [
      'NL Privacy Shield',
      { en: 'Orders.', nl: 'Wij vertrouwen op het privacyscherm.' },
      'Data Privacy Framework',
      ['purposes', 0, 'description', 'nl'],
    ],
    [
      'FR short name of the Privacy Commission',
      { en: 'Orders.', fr: 'Plainte auprès de la Commission vie privée.' },
      'Autorité de protection des données',
      ['purposes', 0, 'description', 'fr'],
    ],
    [
      'NL full name of the Privacy Commission',
      { en: 'Orders.', nl: 'Klacht bij de Commissie voor de bescherming van de persoonlijke levenssfeer.' },
      'Gegevensbeschermingsautoriteit',
      ['purposes', 0, 'description', 'nl'],
    ],
    [
      'the former URL',
      'See https://www.privacycommission.be for your rights.',
      'dataprotectionauthority.be',
      ['purposes', 0, 'description'],
    ],
    [
      'the misnomer',
      'We comply with the Global Data Protection Regulation.',
      'General Data Protection Regulation (GDPR)',
      ['purposes', 0, 'description'],
    ],
  ] as const)('reports %s with the path and the replacement', (_name, text, replacement, path) => {
    const found = lint(withDescription(text), 'outdated-reference');
    expect(found).toEqual([expect.objectContaining({ path })]);
    expect(found[0]!.message).toContain(replacement);
  });

  it('reports the former URL in a URL field too', () => {
    const charter = buildCharter((c) => {
      c.recipients[0]!.privacyUrl = 'https://www.privacycommission.be/nl';
    });
    expect(lint(charter, 'outdated-reference')).toEqual([
      expect.objectContaining({
        path: ['recipients', 0, 'privacyUrl'],
        message: expect.stringContaining('dataprotectionauthority.be'),
      }),
    ]);
  });

  it('does not report the current names in any language', () => {
    const charter = withDescription({
      en: 'Complaints: the Data Protection Authority, www.dataprotectionauthority.be, under the General Data Protection Regulation.',
      nl: 'Klachten: de Gegevensbeschermingsautoriteit, www.gegevensbeschermingsautoriteit.be; privacy van onze klanten is belangrijk.',
      fr: 'Plaintes : l’Autorité de protection des données ; la vie privée de nos clients compte.',
      de: 'Beschwerden: die Datenschutzbehörde; die Nutzung dieser Website ist freiwillig.',
    });
    expect(lint(charter, 'outdated-reference')).toEqual([]);
  });
});

describe('consent by browsing', () => {
  it.each([
    ['en', 'By using this website you agree to our use of cookies.'],
    ['en', 'By continuing to browse the site, you consent to cookies.'],
    ['nl', 'Door deze website te gebruiken, gaat u akkoord met het gebruik van cookies.'],
    ['nl', 'Door verder te surfen stemt u in met cookies.'],
    ['fr', 'En poursuivant votre navigation, vous acceptez l’utilisation de cookies.'],
    ['fr', 'En utilisant ce site, vous consentez aux cookies.'],
    ['de', 'Durch die weitere Nutzung dieser Website stimmen Sie der Verwendung von Cookies zu.'],
    ['de', 'Wenn Sie diese Website weiter nutzen, erklären Sie sich mit Cookies einverstanden.'],
  ] as const)('is an error in %s: "%s"', (language, sentence) => {
    const charter = buildCharter((c) => {
      c.cookies[1]!.purpose = { en: 'Distinguishes visitors', [language]: sentence };
    });
    expect(lint(charter, 'outdated-reference')).toEqual([
      expect.objectContaining({ severity: 'error', path: ['cookies', 1, 'purpose', language] }),
    ]);
  });

  it('does not report consent asked by the banner', () => {
    const charter = buildCharter((c) => {
      c.cookies[1]!.purpose = {
        en: 'Set only if you accept analytics in the banner.',
        nl: 'Alleen als u in de banner analytische cookies aanvaardt.',
        fr: 'Uniquement si vous acceptez les cookies de mesure.',
        de: 'Nur wenn Sie im Banner zustimmen.',
      };
    });
    expect(lint(charter, 'outdated-reference')).toEqual([]);
  });
});

describe('placeholders', () => {
  it.each([
    ['TODO: describe what this cookie does', ['cookies', 1, 'purpose']],
    ['TBD', ['cookies', 1, 'purpose']],
    ['Lorem ipsum dolor sit amet', ['cookies', 1, 'purpose']],
    ['Kept by xxx for analytics', ['cookies', 1, 'purpose']],
    ['Set by <vendor name>', ['cookies', 1, 'purpose']],
  ] as const)('is an error: "%s"', (text, path) => {
    const charter = buildCharter((c) => {
      c.cookies[1]!.purpose = text;
    });
    expect(lint(charter, 'placeholder')).toEqual([expect.objectContaining({ severity: 'error', path })]);
  });

  it('finds a placeholder in one language of a text and in a name', () => {
    const charter = buildCharter((c) => {
      c.purposes[0]!.name = { en: 'Orders', nl: 'FIXME' };
      c.recipients[0]!.name = '<processor>';
    });
    expect(lint(charter, 'placeholder').map((f) => f.path)).toEqual([
      ['purposes', 0, 'name', 'nl'],
      ['recipients', 0, 'name'],
    ]);
  });

  it('does not report real texts, an address in angle brackets, or table names in stores', () => {
    const charter = buildCharter((c) => {
      c.cookies[1]!.purpose = 'Distinguishes visitors (a todolist app is not a marker; neither is Taxxon)';
      c.organisation.dpo = { name: 'Jan Peeters <dpo@testco.example>' };
      c.stores = [
        {
          id: 'app',
          kind: 'postgres',
          connection: 'APP_DB',
          tables: [{ name: 'todo', primaryKey: 'id', columns: [], references: [], holds: [] }],
        },
      ];
    });
    expect(lint(charter, 'placeholder')).toEqual([]);
  });
});

describe('every example', () => {
  it.each(exampleCharterNames())('%s has no outdated name and no placeholder', async (name) => {
    const loaded = await loadCharterFile(projectFile(`examples/${name}.yaml`));
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    expect(
      lintCharter(loaded.charter, { now }).filter((f) => f.rule === 'outdated-reference' || f.rule === 'placeholder'),
    ).toEqual([]);
  });
});
