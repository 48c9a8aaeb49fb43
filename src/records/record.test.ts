import { describe, expect, it } from 'vitest';
import { loadCharterFile } from '../charter/template-files.js';
import type { Charter } from '../charter/schema.js';
import { projectFile } from '../platform/project.js';
import { buildCharter } from '../../test/support/charter.js';
import { durationInWords, localise } from './i18n.js';
import { deriveRecords, recordSheets, retentionInWords } from './record.js';

const now = new Date('2026-11-23T10:00:00Z');

async function example(name: string): Promise<Charter> {
  const result = await loadCharterFile(projectFile(`examples/${name}/charter.yaml`));
  if (!result.ok) throw new Error(`${name} invalid`);
  return result.charter;
}

function asProcessor(charter: Charter) {
  charter.organisation.role = 'both';
  charter.customers = [
    {
      id: 'shops',
      name: 'Webshop owners',
      contact: 'the shop owner named in the order form',
      processing: {
        en: 'We host their shop and its customer database.',
        nl: 'We hosten hun winkel en de klantendatabank.',
      },
      data: ['identity.name', 'contact.email'],
      retention: { minimum: 'P6M', maximum: 'P2Y' },
      recipients: ['stats'],
    },
  ];
}

describe('controller record (Art. 30(1))', () => {
  it('has one entry per purpose with every item (b)–(g)', () => {
    const records = deriveRecords(buildCharter(), { language: 'en', now });
    expect(records.controller.map((a) => a.id)).toEqual(['orders', 'analytics']);
    const orders = records.controller[0]!;
    expect(orders).toMatchObject({
      name: 'Orders',
      purpose: 'We deliver what you order.',
      legalBasis: { code: 'contract', label: 'Performance of a contract (GDPR Art. 6(1)(b))' },
      subjects: ['Customers'],
      recipients: [{ id: 'mailer', name: 'Mailer SA', role: 'processor', country: 'France (FR)' }],
      transfers: [],
      retention: '10 years after the end of the contract, then deleted',
    });
    expect(orders.data.map((d) => d.id)).toEqual(['contact.email', 'identity.name']);
    expect(orders.data[0]!.name).toBe('Email address');
  });

  it('names the controller with its contact details and authority (a)', () => {
    const records = deriveRecords(buildCharter(), { language: 'fr', now, revision: 'abc123' });
    expect(records.keeper).toMatchObject({
      legalName: 'Testco BV',
      companyNumber: 'BE0999.999.999',
      email: 'privacy@testco.example',
      authority: { id: 'be-apd', name: 'Autorité de protection des données' },
      role: 'controller',
    });
    expect(records.keeper.addresses[0]).toBe('Teststraat 1, 1000 Brussel, Belgique (BE)');
    expect(records.revision).toBe('abc123');
  });

  it('lists a transfer outside the EEA with its mechanism, and flags an invalid one', () => {
    const charter = buildCharter((c) => {
      c.purposes[1]!.recipients = ['stats'];
    });
    const analytics = deriveRecords(charter, { language: 'en', now }).controller[1]!;
    expect(analytics.transfers).toEqual([
      {
        recipient: 'Stats Inc.',
        country: 'United States (US)',
        mechanism: { id: 'eu-us-dpf', name: 'EU-US Data Privacy Framework', article: 'Art. 45', valid: true },
      },
    ]);
    charter.recipients[1]!.transfer = 'privacy-shield';
    const sheet = recordSheets(deriveRecords(charter, { language: 'en', now })).controller!;
    expect(sheet.rows[1]![8]).toContain('EU-US Privacy Shield (invalid) (Art. 45) — NOT VALID');
  });

  it('writes legal bases and column headings in each language', () => {
    const charter = buildCharter();
    const headings = (['en', 'nl', 'fr', 'de'] as const).map((language) => {
      const sheet = recordSheets(deriveRecords(charter, { language, now })).controller!;
      return [sheet.columns[3], sheet.rows[1]![3]];
    });
    expect(headings).toEqual([
      ['Legal basis', 'Consent (GDPR Art. 6(1)(a))'],
      ['Rechtsgrond', 'Toestemming (art. 6, lid 1, a) AVG)'],
      ['Base juridique', 'Consentement (art. 6.1.a) RGPD)'],
      ['Rechtsgrundlage', 'Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)'],
    ]);
  });

  it('marks special categories of data (Art. 9)', () => {
    const charter = buildCharter((c) => {
      c.purposes[0]!.data.push('special.health');
    });
    const records = deriveRecords(charter, { language: 'en', now });
    const health = records.controller[0]!.data.find((d) => d.id === 'special.health');
    expect(health?.special).toBe(true);
    expect(recordSheets(records).controller!.rows[0]![6]).toContain('(special category, Art. 9)');
  });

  it('states the legitimate interest or the legal obligation behind a purpose', async () => {
    const charter = await example('lumen-av');
    const records = deriveRecords(charter, { language: 'nl', now });
    const prospects = records.controller.find((a) => a.id === 'prospect-management')!;
    expect(prospects.legalBasis.code).toBe('legitimate-interests');
    expect(prospects.justification).toMatch(/^Een professioneel contact/);
  });

  it('keeps no processor record for a controller, and one entry per customer for a processor (Art. 30(2))', () => {
    expect(deriveRecords(buildCharter(), { language: 'en', now }).processor).toBeUndefined();
    expect(recordSheets(deriveRecords(buildCharter(), { language: 'en', now })).processor).toBeUndefined();
    const charter = buildCharter(asProcessor);
    const records = deriveRecords(charter, { language: 'nl', now });
    expect(records.processor).toEqual([
      {
        id: 'shops',
        controller: 'Webshop owners',
        controllerContact: 'the shop owner named in the order form',
        processing: 'We hosten hun winkel en de klantendatabank.',
        data: [
          { id: 'identity.name', name: 'Naam', special: false, criminal: false },
          { id: 'contact.email', name: 'E-mailadres', special: false, criminal: false },
        ],
        retention: 'minstens 6 maanden, hoogstens 2 jaar',
        subProcessors: [{ id: 'stats', name: 'Stats Inc.', role: 'verwerker', country: 'Verenigde Staten (US)' }],
        transfers: [
          {
            recipient: 'Stats Inc.',
            country: 'Verenigde Staten (US)',
            mechanism: {
              id: 'eu-us-dpf',
              name: 'EU-VS-kader voor gegevensbescherming (Data Privacy Framework)',
              article: 'Art. 45',
              valid: true,
            },
          },
        ],
        security: '',
      },
    ]);
    const sheet = recordSheets(records).processor!;
    expect(sheet.columns).toEqual([
      'Ref.',
      'Verwerkingsverantwoordelijke (klant)',
      'Contactgegevens verantwoordelijke',
      'Categorieën van verwerkingen',
      'Categorieën van persoonsgegevens',
      'Bewaartermijn',
      'Subverwerkers',
      'Doorgiften naar derde landen en waarborgen',
      'Technische en organisatorische beveiligingsmaatregelen',
    ]);
  });

  it('derives the processor record of the Flashbooth example for every customer', async () => {
    const charter = await example('flashbooth');
    const records = deriveRecords(charter, { language: 'fr', now });
    expect(records.processor?.map((p) => p.id)).toEqual(charter.customers.map((c) => c.id));
    expect(records.processor?.every((p) => p.processing.length > 0 && p.security.length > 0)).toBe(true);
  });

  it('is a pure function of the charter, the language and the clock', async () => {
    const charter = await example('kamer-west');
    expect(deriveRecords(charter, { language: 'en', now })).toEqual(
      deriveRecords(structuredClone(charter), { language: 'en', now }),
    );
  });
});

describe('words', () => {
  it('writes retention periods in words in four languages', () => {
    const rule = {
      duration: 'P3Y',
      from: 'last-contact' as const,
      action: 'delete' as const,
      renewableByConsent: false,
      holds: [],
    };
    expect(retentionInWords(rule, 'en')).toBe('3 years after the last meaningful contact, then deleted');
    expect(retentionInWords(rule, 'nl')).toBe('3 jaar na het laatste betekenisvolle contact, daarna gewist');
    expect(retentionInWords(rule, 'fr')).toBe('3 ans après le dernier contact significatif, puis supprimées');
    expect(retentionInWords({ ...rule, duration: 'P1Y6M', action: 'anonymise' }, 'de')).toBe(
      '1 Jahr und 6 Monate nach dem letzten maßgeblichen Kontakt, danach anonymisiert',
    );
    expect(durationInWords({ years: 0, months: 1, weeks: 0, days: 0 }, 'fr')).toBe('1 mois');
  });

  it('falls back to the charter default language for text the organisation did not translate', () => {
    expect(localise({ nl: 'Klanten', en: 'Customers' }, 'de', { defaultLanguage: 'nl', languages: ['en', 'nl'] })).toBe(
      'Klanten',
    );
    expect(localise('Same everywhere', 'fr')).toBe('Same everywhere');
  });
});
