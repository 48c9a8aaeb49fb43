import { describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import type { LintFinding } from '../charter/lint.js';
import { lintCharter } from '../lint.js';
import type { Charter } from '../charter/schema.js';

const now = new Date('2026-11-23T10:00:00Z');
const findings = (charter: Charter, rule: string): LintFinding[] =>
  lintCharter(charter, { now }).filter((f) => f.rule === rule);

/** A charter the notice rules have nothing to say about: mapped stores for every purpose, all texts translated. */
const clean = (edit?: (c: Charter) => void) =>
  buildCharter((c) => {
    c.purposes[1]!.name = { en: 'Analytics', nl: 'Analyse', fr: 'Mesure d’audience' };
    c.purposes[1]!.description = {
      en: 'We count visits.',
      nl: 'We tellen bezoeken.',
      fr: 'Nous comptons les visites.',
    };
    c.recipients[0]!.service = { en: 'Sends our mail', nl: 'Verstuurt onze post', fr: 'Envoie notre courrier' };
    c.recipients[1]!.service = { en: 'Counts visits', nl: 'Telt bezoeken', fr: 'Compte les visites' };
    c.cookies.forEach(
      (k) => (k.purpose = { en: 'Remembers a choice', nl: 'Onthoudt een keuze', fr: 'Mémorise un choix' }),
    );
    c.purposes[1]!.recipients = ['stats'];
    c.stores = [
      {
        id: 'shop',
        kind: 'postgres',
        connection: 'SHOP_DATABASE_URL',
        tables: [
          {
            name: 'orders',
            primaryKey: 'id',
            purpose: 'orders',
            anchor: 'closed_at',
            columns: [{ name: 'email', category: 'contact.email', erase: 'null', secret: false }],
            references: [],
            holds: [],
          },
          {
            name: 'visits',
            primaryKey: 'id',
            purpose: 'analytics',
            anchor: 'at',
            columns: [{ name: 'ip', category: 'online.ip-address', erase: 'null', secret: false }],
            references: [],
            holds: [],
          },
        ],
      },
    ];
    edit?.(c);
  });

describe('the clean test charter', () => {
  it('has no finding of any notice rule', () => {
    expect(lintCharter(clean(), { now })).toEqual([]);
  });
});

describe('notice-missing-item (Art. 13/14)', () => {
  it('reports a charter that gives no way to exercise rights', () => {
    const found = findings(
      clean((c) => (c.rights.channels = { web: false })),
      'notice-missing-item',
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        article: 'GDPR Art. 12(2), 13(2)(b)',
        path: ['rights', 'channels'],
      }),
    ]);
  });

  it('reports a DPO without contact details, automated decisions without logic, a requirement without consequence, a source not described', () => {
    const charter = clean((c) => {
      c.organisation.dpo = { name: 'Dana Officer' };
      c.purposes[0]!.automatedDecisions = { exists: true };
      c.purposes[0]!.requirement = { kind: 'contractual' };
      c.purposes[0]!.source = { kind: 'third-party' };
    });
    expect(findings(charter, 'notice-missing-item').map((f) => [f.severity, f.article])).toEqual([
      ['error', 'GDPR Art. 13(1)(b), 37(7)'],
      ['error', 'GDPR Art. 13(2)(f)'],
      ['warning', 'GDPR Art. 13(2)(e)'],
      ['warning', 'GDPR Art. 14(2)(f)'],
    ]);
  });

  it('is quiet when the same items are complete', () => {
    const charter = clean((c) => {
      c.organisation.dpo = { name: 'Dana Officer', email: 'dpo@testco.example' };
      c.purposes[0]!.automatedDecisions = { exists: true, logic: 'A score.', consequences: 'Prepayment.' };
      c.purposes[0]!.requirement = { kind: 'contractual', consequence: 'We cannot deliver.' };
      c.purposes[0]!.source = { kind: 'third-party', description: 'Our partner shop' };
    });
    expect(findings(charter, 'notice-missing-item')).toEqual([]);
  });
});

describe('notice-untranslated (Art. 12(1))', () => {
  it('reports a text missing in a language the site shows, with its path', () => {
    const found = findings(
      clean((c) => (c.purposes[1]!.description = { en: 'We count visits.', nl: 'We tellen bezoeken.' })),
      'notice-untranslated',
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: ['purposes', 1, 'description'],
        message: expect.stringContaining('fr'),
      }),
    ]);
  });

  it('takes a plain string as written for every language, and ignores languages no site shows', () => {
    expect(
      findings(
        clean((c) => (c.purposes[1]!.description = 'We count visits.')),
        'notice-untranslated',
      ),
    ).toEqual([]);
    expect(
      findings(
        clean((c) => {
          c.sites[0]!.languages = ['en', 'nl'];
          c.purposes[1]!.description = { en: 'We count visits.', nl: 'We tellen bezoeken.' };
        }),
        'notice-untranslated',
      ),
    ).toEqual([]);
  });
});

describe('weak-legitimate-interest (Art. 6(1)(f), 13(1)(d))', () => {
  const withInterest = (interest: string) =>
    clean((c) => {
      c.purposes[0]!.legalBasis = 'legitimate-interests';
      c.purposes[0]!.legitimateInterest = interest;
    });

  it.each(['Legitimate interest', 'gerechtvaardigd belang', 'N/A', 'Orders', 'Business purposes', 'Marketing.'])(
    'reports "%s"',
    (interest) => {
      expect(findings(withInterest(interest), 'weak-legitimate-interest')).toEqual([
        expect.objectContaining({ severity: 'warning', path: ['purposes', 0, 'legitimateInterest'] }),
      ]);
    },
  );

  it('accepts an interest that says what it is', () => {
    expect(
      findings(
        withInterest('Keeping our customers informed about the status of their orders and deliveries.'),
        'weak-legitimate-interest',
      ),
    ).toEqual([]);
  });
});

describe('consent-without-withdrawal-route (Art. 7(3))', () => {
  it('reports consent purposes when rights can only be exercised by post or phone', () => {
    const charter = clean((c) => (c.rights.channels = { web: false, phone: '+32 2 000 00 00' }));
    expect(findings(charter, 'consent-without-withdrawal-route')).toEqual([
      expect.objectContaining({
        severity: 'error',
        article: 'GDPR Art. 7(3)',
        message: expect.stringContaining('analytics'),
      }),
    ]);
  });

  it('is quiet with the privacy center or an email address', () => {
    expect(
      findings(
        clean((c) => (c.rights.channels = { web: false, email: 'privacy@testco.example' })),
        'consent-without-withdrawal-route',
      ),
    ).toEqual([]);
    expect(findings(clean(), 'consent-without-withdrawal-route')).toEqual([]);
  });
});

describe('transfers outside the EEA (Art. 44–46)', () => {
  it('reports a recipient outside the EEA without a mechanism, and a sub-processor under Privacy Shield', () => {
    const charter = clean((c) => {
      c.recipients[0]!.country = 'IN';
      c.recipients[1]!.subProcessors = [{ name: 'Old Cloud Inc.', country: 'US', transfer: 'privacy-shield' }];
    });
    expect(findings(charter, 'transfer-without-mechanism')).toEqual([
      expect.objectContaining({ severity: 'error', path: ['recipients', 0, 'country'] }),
    ]);
    expect(findings(charter, 'invalid-transfer-mechanism')).toEqual([
      expect.objectContaining({
        path: ['recipients', 1, 'subProcessors', 0, 'transfer'],
        message: expect.stringContaining('2020-07-16'),
      }),
    ]);
  });

  it('reports a mechanism that does not fit the destination', () => {
    const charter = clean((c) => {
      c.recipients[0]!.country = 'US';
      c.recipients[0]!.transfer = 'adequacy';
      c.recipients[1]!.country = 'IN';
      c.recipients[1]!.transfer = 'eu-us-dpf';
    });
    expect(findings(charter, 'transfer-mechanism-mismatch').map((f) => f.path)).toEqual([
      ['recipients', 0, 'transfer'],
      ['recipients', 1, 'transfer'],
    ]);
  });

  it('accepts the DPF for a US recipient, SCCs anywhere, and an adequate country without a mechanism', () => {
    const charter = clean((c) => {
      c.recipients[0]!.country = 'JP';
      c.recipients[0]!.transfer = undefined;
      c.recipients[1]!.subProcessors = [{ name: 'Backup Ltd', country: 'IN', transfer: 'sccs' }];
    });
    expect(lintCharter(charter, { now }).filter((f) => f.rule.includes('transfer'))).toEqual([]);
  });

  it('refuses the DPF before it existed', () => {
    expect(
      lintCharter(clean(), { now: new Date('2023-01-01') }).filter((f) => f.rule === 'invalid-transfer-mechanism'),
    ).toEqual([expect.objectContaining({ message: expect.stringContaining('2023-07-10') })]);
  });
});

describe('outdated-reference', () => {
  it.each([
    ['We rely on the EU-US Privacy Shield for analytics.', 'error', 'Privacy Shield'],
    ['Complaints go to the Privacy Commission in Brussels.', 'warning', 'Privacy Commission'],
    [
      'U kunt klacht indienen bij de Commissie voor de bescherming van de persoonlijke levenssfeer.',
      'warning',
      'Commissie voor de bescherming',
    ],
    [
      'Vous pouvez vous adresser à la Commission de la protection de la vie privée.',
      'warning',
      'Commission de la protection',
    ],
    ['Conformément à la loi du 8 décembre 1992 relative à la protection de la vie privée.', 'warning', '1992'],
    ['Volgens de wet van 8 december 1992 tot bescherming van de persoonlijke levenssfeer.', 'warning', '1992'],
    ['As required by the Privacy Act of 1992.', 'warning', '1992'],
  ])('reports "%s"', (sentence, severity, needle) => {
    const found = findings(
      clean((c) => (c.purposes[0]!.description = sentence)),
      'outdated-reference',
    );
    expect(found).toEqual([expect.objectContaining({ severity, path: ['purposes', 0, 'description'] })]);
    expect(found[0]!.message.toLowerCase()).toContain(needle.toLowerCase().split(' ')[0]);
  });

  it('reports each place once, and not the current names', () => {
    const quiet = clean(
      (c) =>
        (c.purposes[0]!.description =
          'Complaints go to the Data Protection Authority (APD/GBA), under the Law of 30 July 2018; transfers under the EU-US Data Privacy Framework.'),
    );
    expect(findings(quiet, 'outdated-reference')).toEqual([]);
    const twice = clean(
      (c) => (c.purposes[0]!.description = 'The Privacy Commission (Privacycommissie) and the Privacy Shield.'),
    );
    expect(findings(twice, 'outdated-reference')).toHaveLength(2);
  });
});

describe('cookie-over-13-months (ePrivacy, CNIL/APD guidance)', () => {
  it('reports a cookie living longer than 13 months even with a justification, and not one of 13 months', () => {
    const long = clean((c) => {
      c.cookies[1]!.duration = 'P2Y';
      c.cookies[1]!.justification = 'Needed for fraud prevention.';
    });
    expect(findings(long, 'cookie-over-13-months')).toEqual([
      expect.objectContaining({ severity: 'warning', path: ['cookies', 1, 'duration'] }),
    ]);
    expect(findings(clean(), 'cookie-over-13-months')).toEqual([]);
  });
});

describe('retention-not-executed (Art. 5(1)(e), 5(2))', () => {
  it('warns about a purpose no store table executes when its data has nowhere else to live', () => {
    const charter = clean((c) => {
      c.stores[0]!.tables = c.stores[0]!.tables.filter((t) => t.purpose !== 'orders');
      c.purposes[0]!.recipients = [];
    });
    expect(findings(charter, 'retention-not-executed')).toEqual([
      expect.objectContaining({ severity: 'warning', path: ['purposes', 0, 'retention'] }),
    ]);
  });

  it('only informs when the data may live at a recipient, or when no store is mapped at all', () => {
    const atRecipient = clean((c) => (c.stores[0]!.tables = c.stores[0]!.tables.filter((t) => t.purpose !== 'orders')));
    expect(findings(atRecipient, 'retention-not-executed').map((f) => f.severity)).toEqual(['info']);
    expect(
      findings(
        clean((c) => (c.stores = [])),
        'retention-not-executed',
      ),
    ).toEqual([expect.objectContaining({ severity: 'info', path: ['stores'] })]);
  });
});

describe('store-category-not-in-notice (Art. 5(1)(a), 13(1)(c))', () => {
  it('warns about a store column whose category no purpose names', () => {
    const charter = clean((c) =>
      c.stores[0]!.tables[0]!.columns.push({
        name: 'iban',
        category: 'financial.bank-account',
        erase: 'null',
        secret: false,
      }),
    );
    expect(findings(charter, 'store-category-not-in-notice')).toEqual([
      expect.objectContaining({ severity: 'warning', path: ['stores', 0, 'tables', 0, 'columns', 1, 'category'] }),
    ]);
  });

  it("only informs when the category belongs to another purpose than the table's", () => {
    const charter = clean((c) =>
      c.stores[0]!.tables[0]!.columns.push({ name: 'ip', category: 'online.ip-address', erase: 'null', secret: false }),
    );
    expect(findings(charter, 'store-category-not-in-notice').map((f) => f.severity)).toEqual(['info']);
  });
});

describe('child-age-below-threshold (Art. 8(1))', () => {
  it("reports an age below the country's law", () => {
    const found = findings(
      clean((c) => (c.children.minimumAge = { NL: 13, FR: 14, BE: 13 })),
      'child-age-below-threshold',
    );
    expect(found.map((f) => f.path)).toEqual([
      ['children', 'minimumAge', 'NL'],
      ['children', 'minimumAge', 'FR'],
    ]);
    expect(found[0]).toEqual(expect.objectContaining({ severity: 'error', article: 'GDPR Art. 8(1)' }));
  });

  it("accepts the law's age or a higher one, and uses 16 where no state chose", () => {
    expect(
      findings(
        clean((c) => (c.children.minimumAge = { BE: 13, DE: 16, LU: 16, FR: 15, NL: 18 })),
        'child-age-below-threshold',
      ),
    ).toEqual([]);
    expect(
      findings(
        clean((c) => (c.children.minimumAge = { CH: 15 })),
        'child-age-below-threshold',
      ),
    ).toHaveLength(1);
  });
});
