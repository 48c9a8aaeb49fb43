import { describe, expect, it } from 'vitest';
import { loadCharterFile } from '../charter/template-files.js';
import type { Charter } from '../charter/schema.js';
import { projectFile } from '../platform/project.js';
import { buildCharter } from '../../test/support/charter.js';
import { processorOverview, processorWarnings } from './processors.js';

const now = new Date('2026-11-23T10:00:00Z');
const codes = (charter: Charter, options = {}) =>
  processorWarnings(charter, now, options).map(
    (w) => `${w.recipient}${w.subProcessor ? `/${w.subProcessor}` : ''}:${w.code}`,
  );

describe('processorWarnings', () => {
  it('finds nothing in a charter with valid transfers and recent agreements', () => {
    expect(codes(buildCharter())).toEqual([]);
  });

  it('flags Privacy Shield as invalid since 16 July 2020, once', () => {
    const charter = buildCharter((c) => {
      c.recipients[1]!.transfer = 'privacy-shield';
    });
    const warnings = processorWarnings(charter, now);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'privacy-shield',
      severity: 'error',
      recipient: 'stats',
      article: 'GDPR Art. 45; CJEU C-311/18 (Schrems II)',
    });
    expect(warnings[0]!.message).toContain('16 July 2020');
    expect(processorWarnings(charter, now, { language: 'nl' })[0]!.message).toContain('16 juli 2020');
  });

  it('flags another mechanism that is no longer valid', () => {
    const charter = buildCharter((c) => {
      c.recipients[1]!.transfer = 'sccs-2010';
    });
    expect(codes(charter)).toEqual(['stats:invalid-mechanism']);
  });

  it('flags a US recipient without DPF or SCCs, but not one with either', () => {
    const without = buildCharter((c) => {
      delete c.recipients[1]!.transfer;
    });
    expect(codes(without)).toEqual(['stats:us-without-dpf-or-sccs']);
    const derogation = buildCharter((c) => {
      c.recipients[1]!.transfer = 'derogation-consent';
    });
    expect(codes(derogation)).toEqual(['stats:us-without-dpf-or-sccs']);
    const sccs = buildCharter((c) => {
      c.recipients[1]!.transfer = 'sccs';
    });
    expect(codes(sccs)).toEqual([]);
  });

  it('flags a recipient in a country without adequacy and without a mechanism, not one in an adequate country', () => {
    const india = buildCharter((c) => {
      c.recipients[0]!.country = 'IN';
    });
    expect(codes(india)).toEqual(['mailer:no-transfer-mechanism']);
    const japan = buildCharter((c) => {
      c.recipients[0]!.country = 'JP';
    });
    expect(codes(japan)).toEqual([]);
  });

  it('flags a processor without a DPA date, but not a public authority', () => {
    const charter = buildCharter((c) => {
      delete c.recipients[0]!.dpaDate;
      c.recipients.push({
        id: 'tax',
        name: 'Tax office',
        role: 'public-authority',
        service: 'Audits',
        country: 'BE',
        subProcessors: [],
        notifyOnErasure: false,
      });
    });
    expect(codes(charter)).toEqual(['mailer:missing-dpa']);
  });

  it('flags a DPA older than the configured review age (default 3 years)', () => {
    const charter = buildCharter((c) => {
      c.recipients[0]!.dpaDate = '2023-11-23';
      c.recipients[1]!.dpaDate = '2023-11-24';
    });
    // 2023-11-23 + 3 years = 2026-11-23 = today: due. 2023-11-24: due tomorrow.
    expect(codes(charter)).toEqual(['mailer:dpa-review-due']);
    expect(codes(charter, { dpaReviewAfter: 'P4Y' })).toEqual([]);
    expect(codes(charter, { dpaReviewAfter: 'P18M' })).toEqual(['mailer:dpa-review-due', 'stats:dpa-review-due']);
    const overview = processorOverview(charter, now, { language: 'fr' });
    expect(overview.recipients[0]!.dpaReviewDue).toBe('2026-11-23');
    expect(overview.warnings[0]!.message).toContain('plus de 3 ans');
  });

  it('refuses a review age that is not a duration', () => {
    expect(() => processorWarnings(buildCharter(), now, { dpaReviewAfter: 'three years' })).toThrow(/ISO 8601/);
  });

  it('checks sub-processors too', () => {
    const charter = buildCharter((c) => {
      c.recipients[0]!.subProcessors = [
        { name: 'Cloudy LLC', country: 'US', transfer: 'privacy-shield' },
        { name: 'Backup GmbH', country: 'DE' },
      ];
    });
    expect(codes(charter)).toEqual(['mailer/Cloudy LLC:privacy-shield']);
  });
});

describe('processorOverview', () => {
  it('describes each recipient with role, country, mechanism, agreement, purposes and sub-processors', async () => {
    const result = await loadCharterFile(projectFile('examples/lumen-av/charter.yaml'));
    if (!result.ok) throw new Error('invalid example');
    const overview = processorOverview(result.charter, now, { language: 'nl' });
    const crm = overview.recipients.find((r) => r.id === 'crm-mail')!;
    expect(crm).toMatchObject({
      name: 'Postduif CRM GmbH',
      role: 'processor',
      roleLabel: 'verwerker',
      country: 'DE',
      countryName: 'Duitsland (DE)',
      inEea: true,
      adequacy: 'eea',
      transfer: { id: 'none-needed', valid: true },
      dpaDate: '2024-02-14',
      dpaReviewDue: '2027-02-14',
    });
    expect(crm.purposes.map((p) => p.id)).toContain('customer-management');
    expect(crm.subProcessors).toEqual([
      {
        name: 'Nordlicht Cloud AG',
        country: 'DE',
        countryName: 'Duitsland (DE)',
        inEea: true,
        service: 'Hosting in een datacenter',
        transfer: expect.objectContaining({ id: 'none-needed' }),
      },
    ]);
    const analytics = overview.recipients.find((r) => r.id === 'analytics')!;
    expect(analytics).toMatchObject({ inEea: false, adequacy: 'dpf-certified-only', transfer: { id: 'eu-us-dpf' } });
    // DPAs of 2023-09-20, 2022-01-10 and 2023-05-08 are past the three-year review on 2026-11-23.
    expect(overview.warnings.map((w) => `${w.recipient}:${w.code}`)).toEqual([
      'invoicing:dpa-review-due',
      'accountant:dpa-review-due',
      'hosting:dpa-review-due',
    ]);
  });
});
