import { describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import type { Charter } from '../charter/schema.js';
import { diffCookiePolicies, diffNotices } from './diff.js';
import { withMailchimp } from './testing/fixtures.js';

const texts = (before: Charter | undefined, after: Charter, language: 'en' | 'nl' | 'fr' | 'de' = 'en') =>
  diffNotices(before, after, 'main', language).map((c) => c.text.replace(/\u00a0/g, ' '));

describe('diffNotices', () => {
  it('reports nothing between identical charters, and nothing for a first version', () => {
    expect(texts(buildCharter(), buildCharter())).toEqual([]);
    expect(texts(undefined, buildCharter())).toEqual([]);
  });

  it('tells an added recipient with its country and safeguard, in each language', () => {
    const after = buildCharter(withMailchimp);
    expect(texts(buildCharter(), after)).toEqual([
      'added recipient: Mailchimp (United States, EU-US Data Privacy Framework)',
    ]);
    expect(texts(buildCharter(), after, 'nl')).toEqual([
      'nieuwe ontvanger: Mailchimp (Verenigde Staten, EU-VS-kader voor gegevensbescherming (Data Privacy Framework))',
    ]);
    expect(texts(buildCharter(), after, 'fr')).toEqual([
      'nouveau destinataire : Mailchimp (États-Unis, Cadre de protection des données UE–États-Unis (Data Privacy Framework))',
    ]);
    expect(texts(buildCharter(), after, 'de')).toEqual([
      'neuer Empfänger: Mailchimp (Vereinigte Staaten, EU-US-Datenschutzrahmen (Data Privacy Framework))',
    ]);
  });

  it('tells a changed retention period "from 1 year to 2 years"', () => {
    const before = buildCharter(
      (c) => (c.purposes[0]!.retention = { ...c.purposes[0]!.retention, duration: 'P1Y', from: 'receipt' }),
    );
    const after = buildCharter(
      (c) => (c.purposes[0]!.retention = { ...c.purposes[0]!.retention, duration: 'P2Y', from: 'receipt' }),
    );
    expect(texts(before, after)).toEqual(['retention for Orders changed from 1 year to 2 years after we receive it']);
    expect(texts(before, after, 'nl')).toEqual([
      'bewaartermijn voor Bestellingen gewijzigd van 1 jaar naar 2 jaar na ontvangst',
    ]);
    expect(texts(before, after, 'de')).toEqual([
      'Speicherdauer für Orders jetzt: 2 Jahre nach ihrem Eingang (bisher: 1 Jahr)',
    ]);
  });

  it('gives both periods in full when the anchor changes, and reports a switch to anonymisation', () => {
    const after = buildCharter(
      (c) => (c.purposes[0]!.retention = { ...c.purposes[0]!.retention, from: 'last-contact', action: 'anonymise' }),
    );
    expect(texts(buildCharter(), after)).toEqual([
      'retention for Orders changed from 10 years after our contract with you ends to 10 years after our last meaningful contact with you',
      'Orders: at the end of the retention period the data is now anonymised',
    ]);
  });

  it('tells added and removed purposes, a changed legal basis and changed data', () => {
    const after = buildCharter((c) => {
      c.purposes = c.purposes.filter((p) => p.id !== 'analytics');
      c.purposes[0]!.legalBasis = 'legitimate-interests';
      c.purposes[0]!.legitimateInterest = 'Keeping our customers informed about their orders and deliveries.';
      c.purposes[0]!.data.push('contact.phone');
      c.purposes.push({
        ...c.purposes[0]!,
        id: 'support',
        name: 'Support',
        legalBasis: 'contract',
        legitimateInterest: undefined,
        data: ['contact.email'],
        recipients: [],
      });
    });
    expect(texts(buildCharter(), after)).toEqual([
      'added purpose: Support (legal basis: a contract)',
      'removed purpose: Analytics',
      'legal basis for Orders changed from a contract to legitimate interests',
      'Orders now also uses: phone number',
    ]);
  });

  it('tells a recipient that moved country or changed safeguard, and a new sub-processor', () => {
    const after = buildCharter((c) => {
      c.recipients[0]!.country = 'DE';
      c.recipients[1]!.transfer = 'sccs';
      c.recipients[0]!.subProcessors.push({ name: 'Cloudy GmbH', country: 'DE' });
    });
    expect(texts(buildCharter(), after)).toEqual([
      'Mailer SA now processes the data in Germany instead of France',
      'Mailer SA now uses Cloudy GmbH (Germany)',
      'safeguard for Stats Inc. changed from EU-US Data Privacy Framework to Standard contractual clauses (2021)',
    ]);
  });

  it("tells changes to the controller, the DPO, the authority, the rights channels and the children's ages", () => {
    const before = buildCharter((c) => (c.children.minimumAge = { BE: 13 }));
    const after = buildCharter((c) => {
      c.organisation.contact.phone = '+32 2 000 00 00';
      c.organisation.dpo = { email: 'dpo@testco.example' };
      c.organisation.authority = 'fr-cnil';
      c.rights.channels.email = 'rights@testco.example';
      c.children.minimumAge = { BE: 14 };
    });
    expect(texts(before, after)).toEqual([
      'our contact details changed',
      'we appointed a data protection officer',
      'our lead supervisory authority is now French Data Protection Authority (National Commission on Informatics and Liberty) (CNIL) (before: Data Protection Authority (APD/GBA))',
      'you can now also exercise your rights by email',
      'the age from which a child consents alone in Belgium changed from 13 to 14',
    ]);
  });

  it('reports a reworded text by section when nothing structural explains it', () => {
    const after = buildCharter((c) => (c.organisation.security = 'Everything is encrypted at rest.'));
    const before = buildCharter((c) => (c.organisation.security = 'Backups are kept for 30 days.'));
    expect(texts(before, after)).toEqual(['wording changed in: How we protect your data']);
  });

  it('does not report the changes of one site on another', () => {
    const before = buildCharter((c) =>
      c.sites.push({ id: 'shop', name: 'Shop', domain: 'shop.testco.example', purposes: ['analytics'] }),
    );
    const after = buildCharter((c) => {
      c.sites.push({ id: 'shop', name: 'Shop', domain: 'shop.testco.example', purposes: ['analytics'] });
      c.purposes[0]!.data.push('contact.phone');
    });
    expect(diffNotices(before, after, 'shop', 'en')).toEqual([]);
    expect(diffNotices(before, after, 'main', 'en').map((c) => c.kind)).toEqual(['purpose.data-added']);
  });
});

describe('diffCookiePolicies', () => {
  it('tells added and removed cookies, a new lifetime and a new consent expiry', () => {
    const after = buildCharter((c) => {
      c.cookies[1]!.duration = 'P6M';
      c.cookies.push({
        name: '_pref',
        category: 'necessary',
        vendor: 'first-party',
        purpose: 'Remembers your display preferences',
        duration: 'P1Y',
        type: 'local-storage',
      });
      c.consent.expiry = 'P12M';
    });
    expect(diffCookiePolicies(buildCharter(), after, 'main', 'en').map((c) => c.text.replace(/\u00a0/g, ' '))).toEqual([
      'added cookie: _pref (Testco BV, 1 year)',
      'cookie _stats now lasts 6 months instead of 13 months',
      'we now ask for your cookie choice again after 12 months instead of 6 months',
    ]);
  });
});
