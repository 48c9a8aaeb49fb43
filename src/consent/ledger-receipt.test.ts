import { describe, expect, it } from 'vitest';
import { consentCharter } from './ledger-fixtures.js';
import { consentTexts } from './ledger-directory.js';
import { buildReceipt, renderReceiptHtml, type StoredRecord } from './ledger-receipt.js';

const charter = consentCharter((c) => {
  c.organisation.legalName = 'Testco <BV>';
});
const site = charter.sites[0]!;
const record: StoredRecord = {
  receiptId: '01JDZ8Q7W5Z9X3Y4V6T8R2M0K1',
  recordedAt: new Date('2026-11-23T10:00:00.123Z'),
  siteId: 'main',
  visitorId: 'visitor-0123456789',
  revision: '0123456789abcdef',
  method: 'custom',
  language: 'nl',
  choices: { analytics: true, marketing: false },
  gpc: true,
  pageUrl: 'https://www.testco.example/',
  ipHash: 'ab'.repeat(16),
  userAgent: 'firefox',
  mobile: false,
};

describe('consent receipts', () => {
  it('carry controller, timestamp, method, language, policy version, purposes with consent type and third parties', () => {
    const receipt = buildReceipt(record, consentTexts(charter, site, 3));
    expect(receipt).toMatchObject({
      receiptId: record.receiptId,
      consentTimestamp: '2026-11-23T10:00:00.123Z',
      jurisdiction: 'BE',
      collectionMethod: 'consent banner, choices made per category',
      language: 'nl',
      policyVersion: { consentRevision: '0123456789abcdef', charterSeq: 3 },
      controller: { name: 'Testco <BV>', companyNumber: 'BE0999.999.999', address: 'Teststraat 1, 1000 Brussel, BE' },
      globalPrivacyControl: true,
    });
    expect(receipt.purposes.map((p) => [p.category, p.name, p.granted, p.consentType])).toEqual([
      ['analytics', 'Statistieken', true, 'explicit'],
      ['marketing', 'Marketing', false, 'explicit'],
    ]);
    expect(receipt.purposes[0]?.thirdParties).toEqual([
      { id: 'stats', name: 'Stats Inc.', country: 'US', transfer: 'eu-us-dpf' },
    ]);
    expect(receipt.strictlyNecessary.cookies.map((c) => c.name)).toEqual(['charter_consent']);
  });

  it('render as an escaped HTML page in the asked language', () => {
    const page = renderReceiptHtml(buildReceipt(record, consentTexts(charter, site, 3)), 'fr');
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Preuve de consentement');
    expect(page).toContain('Testco &lt;BV&gt;');
    expect(page).not.toContain('Testco <BV>');
  });
});
