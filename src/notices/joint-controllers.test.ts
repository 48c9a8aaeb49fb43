/**
 * Groups and joint controllers (issue 18, item 2): how a group shares data is said in its own words instead of a
 * default sentence that contradicts it; a joint controller is named with the essence of the arrangement (Art. 26(2))
 * and the right to exercise rights with each (Art. 26(3)); lint warns for a joint controller without arrangement.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCharterInEveryLanguage as everyLanguage,
  noticeSectionText as sectionText,
} from '../../test/support/notices.js';
import { languages } from '../charter/schema.js';
import { buildNotice } from './build-notice.js';
import { jointControllerRule } from './lint-rules.js';

const now = { now: new Date('2026-12-01') };

describe('groups and joint controllers', () => {
  it('says the group stores data centrally instead of the default sentence when the charter says how it shares', () => {
    const charter = everyLanguage((c) => {
      c.organisation.group = [{ legalName: 'Testco Services BV', country: 'BE' }];
      c.organisation.groupSharing = {
        centralStorage: true,
        description: {
          en: 'The entities of our group are not third parties to each other.',
          nl: 'De entiteiten van onze groep zijn geen derden voor elkaar.',
        },
      };
    });
    const en = sectionText(buildNotice(charter, 'main', 'en'), 'controller');
    expect(en).toContain('We belong to a group with Testco Services BV (Belgium).');
    expect(en).toContain('The data is stored centrally, for all entities of the group.');
    expect(en).toContain('The entities of our group are not third parties to each other.');
    expect(en).not.toContain('only where this notice says so');
    expect(sectionText(buildNotice(charter, 'main', 'nl'), 'controller')).toContain(
      'De entiteiten van onze groep zijn geen derden voor elkaar.',
    );
  });

  it('names a joint controller with the essence of the arrangement and the right to go to each, in every language', () => {
    const charter = everyLanguage((c) => {
      c.organisation.group = [
        {
          legalName: 'Testco Consulting BV',
          country: 'BE',
          relation: 'joint-controller',
          arrangement: {
            en: 'Testco Consulting answers all requests; both keep the same retention.',
            nl: 'Testco Consulting beantwoordt alle verzoeken.',
          },
        },
      ];
    });
    const en = sectionText(buildNotice(charter, 'main', 'en'), 'controller');
    expect(en).toContain('We are joint controllers with Testco Consulting BV (Art. 26 GDPR)');
    expect(en).toMatch(/The essence of our arrangement: +Testco Consulting answers all requests/);
    expect(en).toContain('You can exercise your rights with each of us');
    const marks = { en: 'Art. 26 GDPR', nl: 'art. 26 AVG', fr: 'art. 26 RGPD', de: 'Art. 26 DSGVO' };
    for (const language of languages)
      expect(sectionText(buildNotice(charter, 'main', language), 'controller')).toContain(marks[language]);
    expect(jointControllerRule(charter, now)).toEqual([]);
  });

  it('lint warns for a joint controller without an arrangement, in the group or among the recipients', () => {
    const charter = everyLanguage((c) => {
      c.organisation.group = [{ legalName: 'Testco Consulting BV', country: 'BE', relation: 'joint-controller' }];
      const mailer = c.recipients.find((r) => r.id === 'mailer');
      if (mailer) mailer.role = 'joint-controller';
    });
    const findings = jointControllerRule(charter, now);
    expect(findings.map((f) => [f.severity, f.path.join('.')])).toEqual([
      ['warning', 'organisation.group.0.arrangement'],
      ['warning', 'recipients.0.arrangement'],
    ]);
    // The notice still names them as joint controllers, without inventing an arrangement.
    expect(sectionText(buildNotice(charter, 'main', 'en'), 'controller')).not.toContain(
      'The essence of our arrangement',
    );
  });
});
