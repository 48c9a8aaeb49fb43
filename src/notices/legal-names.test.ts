/**
 * Every human-readable text per language (issue 18, item 4): the organisation's legal name and a hold's law accept a
 * plain string (as before) or one per language; the notice, the records and the diff use the reader's language; a
 * proper noun given per language keeps its case inside a sentence like a plain one.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCharterInEveryLanguage as everyLanguage,
  noticeSectionText as sectionText,
} from '../../test/support/notices.js';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { loadCharter } from '../charter/loader.js';
import { deriveRecords } from '../records/record.js';
import { buildNotice } from './build-notice.js';
import { diffNotices } from './diff.js';

const legalName = {
  en: 'West Chamber of Commerce',
  nl: 'Kamer van Koophandel West',
  fr: 'Chambre de commerce Ouest',
  de: 'Handelskammer West',
};

describe('legal names and laws per language', () => {
  it('accepts a legal name and a law per language in the file, and plain strings as before', () => {
    const yaml = minimalCharterYaml
      .replace('  legalName: Testco BV', '  legalName: { en: Testco Ltd, nl: Testco BV, fr: Testco SRL }')
      .concat(
        'holds:\n  - { id: vat, reason: Accounts, law: { en: "Belgian VAT Code, art. 60", nl: "Btw-wetboek, art. 60", fr: "Code de la TVA, art. 60" }, duration: P10Y }\n',
      );
    const loaded = loadCharter(yaml);
    expect(loaded.ok ? [loaded.charter.organisation.legalName, loaded.charter.holds[0]?.law] : loaded.problems).toEqual(
      [
        { en: 'Testco Ltd', nl: 'Testco BV', fr: 'Testco SRL' },
        { en: 'Belgian VAT Code, art. 60', nl: 'Btw-wetboek, art. 60', fr: 'Code de la TVA, art. 60' },
      ],
    );
    const plain = loadCharter(minimalCharterYaml);
    expect(plain.ok ? plain.charter.organisation.legalName : plain.problems).toBe('Testco BV');
  });

  it('names the controller in the notice language, in the title and the controller section', () => {
    const charter = everyLanguage((c) => {
      c.organisation.legalName = legalName;
    });
    for (const language of ['en', 'nl', 'fr', 'de'] as const) {
      const notice = buildNotice(charter, 'main', language);
      expect(notice.title).toContain(legalName[language]);
      expect(sectionText(notice, 'controller')).toContain(legalName[language]);
      const others = Object.entries(legalName)
        .filter(([l]) => l !== language)
        .map(([, name]) => name);
      for (const other of others) expect(sectionText(notice, 'controller')).not.toContain(other);
    }
  });

  it("states a hold's law in the notice language", () => {
    const law = {
      en: 'Belgian VAT Code, art. 60',
      nl: 'Btw-wetboek, art. 60',
      fr: 'Code de la TVA, art. 60',
      de: 'Belgisches Mehrwertsteuergesetzbuch, Art. 60',
    };
    const charter = everyLanguage((c) => {
      c.holds = [
        {
          id: 'vat',
          reason: { en: 'Invoices', nl: 'Facturen', fr: 'Factures', de: 'Rechnungen' },
          law,
          duration: 'P7Y',
        },
      ];
      const orders = c.purposes[0];
      if (orders) orders.retention = { ...orders.retention, holds: ['vat'] };
    });
    for (const language of ['en', 'nl', 'fr', 'de'] as const) {
      expect(sectionText(buildNotice(charter, 'main', language), 'purposes')).toContain(law[language]);
    }
  });

  it('names the keeper of the records in the record language', () => {
    const charter = everyLanguage((c) => {
      c.organisation.legalName = legalName;
    });
    expect(deriveRecords(charter, { language: 'fr', now: new Date('2026-01-01') }).keeper.legalName).toBe(legalName.fr);
    expect(deriveRecords(charter, { language: 'nl', now: new Date('2026-01-01') }).keeper.legalName).toBe(legalName.nl);
  });

  it("reports a renamed controller in the diff with the name in the reader's language", () => {
    const before = everyLanguage();
    const after = everyLanguage((c) => {
      c.organisation.legalName = legalName;
    });
    const changes = diffNotices(before, after, 'main', 'nl');
    expect(changes.map((c) => c.text).join(' ')).toContain('Kamer van Koophandel West');
  });

  it('keeps the case of a recipient named per language inside a sentence ("Mollie", never "mollie")', () => {
    const charter = everyLanguage((c) => {
      c.recipients.push({
        id: 'mollie',
        name: { en: 'Mollie', nl: 'Mollie', fr: 'Mollie', de: 'Mollie' },
        role: 'controller',
        service: 'Payments',
        country: 'NL',
        subProcessors: [],
        notifyOnErasure: false,
      });
      const orders = c.purposes[0];
      if (orders)
        orders.source = {
          kind: 'third-party',
          description: {
            en: 'Mollie, our payment provider',
            nl: 'Mollie, onze betaaldienst',
            fr: 'Mollie, notre prestataire de paiement',
            de: 'Mollie, unser Zahlungsdienst',
          },
        };
    });
    for (const language of ['en', 'nl', 'fr'] as const) {
      const purposes = sectionText(buildNotice(charter, 'main', language), 'purposes');
      expect(purposes).toContain('Mollie,');
      expect(purposes).not.toContain('mollie');
    }
  });
});
