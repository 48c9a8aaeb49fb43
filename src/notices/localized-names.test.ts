/**
 * Every text a person reads per language (issue 18, item 4): recipient, sub-processor and group entity names given
 * per language reach the notice, the records and the diff in that language; the authority's address and complaint
 * page follow the notice's language; a proper noun the charter declares keeps its case inside a sentence.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCharterInEveryLanguage as everyLanguage,
  noticeSectionText as sectionText,
} from '../../test/support/notices.js';
import { languages } from '../charter/schema.js';
import { loadCharter } from '../charter/loader.js';
import { deriveRecords } from '../records/record.js';
import { buildNotice } from './build-notice.js';
import { diffNotices } from './diff.js';
import { untranslatedTextRule } from './lint-rules.js';

const categories = {
  en: 'IT service providers',
  nl: 'IT-dienstverleners',
  fr: 'Prestataires informatiques',
  de: 'IT-Dienstleister',
};

describe('names per language', () => {
  it('accepts a recipient name per language in the charter file, and a plain one as before', () => {
    const yaml = (name: string) => `charter: 1
organisation: { id: x, legalName: X BV, addresses: [{ street: S 1, postalCode: "1000", city: Brussel, country: BE }], contact: { email: a@x.example }, authority: be-apd }
languages: [en, nl]
sites: [{ id: main, name: X, domain: x.example }]
subjects: [{ id: customer, name: Customers }]
purposes: [{ id: p, name: P, description: D, legalBasis: contract, subjects: [customer], data: [contact.email], recipients: [it], retention: { duration: P1Y, from: collection } }]
recipients: [{ id: it, name: ${name}, role: processor, service: IT, country: BE }]
`;
    const localized = loadCharter(yaml('{ en: IT service providers, nl: IT-dienstverleners }'));
    expect(localized.ok ? localized.charter.recipients[0]?.name : localized.problems).toEqual({
      en: 'IT service providers',
      nl: 'IT-dienstverleners',
    });
    const plain = loadCharter(yaml('Mollie'));
    expect(plain.ok ? plain.charter.recipients[0]?.name : plain.problems).toBe('Mollie');
  });

  it('shows recipient, sub-processor and group entity names in the notice’s language', () => {
    const charter = everyLanguage((c) => {
      const mailer = c.recipients.find((r) => r.id === 'mailer');
      if (!mailer) throw new Error('no mailer');
      mailer.name = categories;
      mailer.subProcessors = [
        {
          name: { en: 'Their hosting company', nl: 'Hun hostingbedrijf', fr: 'Leur hébergeur', de: 'Ihr Hoster' },
          country: 'US',
          transfer: 'eu-us-dpf',
        },
      ];
      c.organisation.group = [
        {
          legalName: {
            en: 'the other Belgian entities',
            nl: 'de andere Belgische entiteiten',
            fr: 'les autres entités belges',
            de: 'die anderen belgischen Gesellschaften',
          },
          country: 'BE',
        },
      ];
    });
    for (const language of languages) {
      const notice = buildNotice(charter, 'main', language);
      expect(sectionText(notice, 'recipients')).toContain(categories[language]);
      expect(sectionText(notice, 'purposes')).toContain(categories[language]);
      expect(sectionText(notice, 'transfers')).toContain(`(${categories[language]})`);
    }
    expect(sectionText(buildNotice(charter, 'main', 'nl'), 'controller')).toContain('de andere Belgische entiteiten');
    expect(sectionText(buildNotice(charter, 'main', 'fr'), 'recipients')).toContain('Leur hébergeur');
    const records = deriveRecords(charter, { language: 'nl', now: new Date('2026-12-01') });
    expect(JSON.stringify(records.controller)).toContain('IT-dienstverleners');
    const before = everyLanguage();
    expect(
      diffNotices(before, charter, 'main', 'fr')
        .map((c) => c.text)
        .join('\n'),
    ).toContain('Leur hébergeur');
  });

  it('gives the Belgian authority’s address and complaint page in the notice’s language', () => {
    const charter = everyLanguage();
    const nl = sectionText(buildNotice(charter, 'main', 'nl'), 'complaint');
    expect(nl).toContain('Drukpersstraat 35');
    expect(nl).toContain('1000 Brussel');
    expect(nl).toContain('https://www.gegevensbeschermingsautoriteit.be/burger/acties/klacht-indienen');
    const fr = sectionText(buildNotice(charter, 'main', 'fr'), 'complaint');
    expect(fr).toContain('1000 Bruxelles');
    expect(fr).toContain('https://www.autoriteprotectiondonnees.be/citoyen/agir/introduire-une-plainte');
    expect(sectionText(buildNotice(charter, 'main', 'de'), 'complaint')).toContain('1000 Brüssel');
    expect(sectionText(buildNotice(charter, 'main', 'en'), 'complaint')).toContain(
      'https://www.dataprotectionauthority.be/citizen/actions/lodge-a-complaint',
    );
  });

  it('keeps the case of a proper noun the charter declares ("Mollie", never "mollie")', () => {
    const charter = everyLanguage((c) => {
      c.recipients.push({
        id: 'mollie',
        name: 'Mollie',
        role: 'controller',
        service: 'Payments',
        country: 'NL',
        subProcessors: [],
        notifyOnErasure: false,
      });
      const [orders] = c.purposes;
      if (!orders) throw new Error('no purpose');
      orders.source = { kind: 'third-party', description: 'Mollie, our payment provider' };
      c.holds = [
        {
          id: 'vat',
          reason: 'Mollie payment references are part of the accounts',
          law: 'Belgian VAT Code, art. 60',
          duration: 'P10Y',
        },
      ];
      orders.retention = { ...orders.retention, holds: ['vat'] };
    });
    for (const language of ['en', 'nl', 'fr'] as const) {
      const purposes = sectionText(buildNotice(charter, 'main', language), 'purposes');
      expect(purposes).toContain('Mollie, our payment provider');
      expect(purposes).not.toContain('mollie');
    }
    // Text that starts with an ordinary word is still set in running text as before.
    const ordinary = everyLanguage((c) => {
      const [orders] = c.purposes;
      if (orders) orders.source = { kind: 'third-party', description: 'Your employer' };
    });
    expect(sectionText(buildNotice(ordinary, 'main', 'en'), 'purposes')).toContain('your employer');
  });

  it('lint names a recipient name given per language but missing one the site shows', () => {
    const charter = everyLanguage((c) => {
      const mailer = c.recipients.find((r) => r.id === 'mailer');
      if (mailer) mailer.name = { en: 'IT service providers', nl: 'IT-dienstverleners' };
    });
    const findings = untranslatedTextRule(charter, { now: new Date('2026-12-01') }).filter(
      (f) => f.path.join('.') === 'recipients.0.name',
    );
    expect(findings.length).toBe(1);
    expect(findings[0]?.message).toMatch(/fr/);
  });
});
