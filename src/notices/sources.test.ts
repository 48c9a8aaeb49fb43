/**
 * Several sources per purpose (issue 18, item 5): "the representatives' data come from the customer, the rest from
 * the person". The schema takes a list beside the single form; the notice (Art. 14(2)(f)), the records (Art. 30) and
 * lint read every source; references check that a source names only the purpose's own data and subjects.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCharterInEveryLanguage as everyLanguage,
  noticeSectionText as sectionText,
} from '../../test/support/notices.js';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { loadCharter } from '../charter/loader.js';
import { languages, type Charter } from '../charter/schema.js';
import { deriveRecords } from '../records/record.js';
import { buildNotice } from './build-notice.js';
import { noticeCompletenessRule } from './lint-rules.js';

const customer = {
  en: 'the customer that employs you',
  nl: 'de klant die u tewerkstelt',
  fr: 'le client qui vous emploie',
  de: 'der Kunde, der Sie beschäftigt',
};

/** The test charter whose orders purpose has representatives whose name and email come from the customer. */
function withTwoSources(edit?: (charter: Charter) => void): Charter {
  return everyLanguage((charter) => {
    charter.subjects.push({
      id: 'representative',
      name: {
        en: 'Customer representatives',
        nl: 'Vertegenwoordigers van klanten',
        fr: 'Représentants des clients',
        de: 'Vertreter von Kunden',
      },
    });
    const orders = charter.purposes.find((p) => p.id === 'orders');
    if (!orders) throw new Error('orders purpose missing');
    orders.subjects = ['customer', 'representative'];
    orders.source = [
      {
        kind: 'third-party',
        subjects: ['representative'],
        data: ['identity.name', 'contact.email'],
        description: customer,
      },
      { kind: 'subject', subjects: ['customer'] },
    ];
    edit?.(charter);
  });
}

describe('several sources per purpose', () => {
  it('accepts a list of sources in the charter file, and the single form as before', () => {
    const list = minimalCharterYaml.replace(
      '    retention: { duration: P10Y, from: end-of-contract, action: delete }',
      '    source:\n      - { kind: third-party, data: [contact.email], description: { en: the customer, nl: de klant } }\n      - { kind: subject, data: [identity.name] }\n    retention: { duration: P10Y, from: end-of-contract, action: delete }',
    );
    const loaded = loadCharter(list);
    expect(loaded.ok ? loaded.charter.purposes[0]?.source : loaded.problems).toEqual([
      { kind: 'third-party', data: ['contact.email'], description: { en: 'the customer', nl: 'de klant' } },
      { kind: 'subject', data: ['identity.name'] },
    ]);
    const single = loadCharter(
      minimalCharterYaml.replace(
        '    retention: { duration: P10Y, from: end-of-contract, action: delete }',
        '    source: { kind: third-party, description: Partner }\n    retention: { duration: P10Y, from: end-of-contract, action: delete }',
      ),
    );
    expect(single.ok ? single.charter.purposes[0]?.source : single.problems).toEqual({
      kind: 'third-party',
      description: 'Partner',
    });
  });

  it('rejects a source that names data or subjects the purpose does not have, with the path', () => {
    const loaded = loadCharter(
      minimalCharterYaml.replace(
        '    retention: { duration: P10Y, from: end-of-contract, action: delete }',
        '    source:\n      - { kind: third-party, data: [contact.phone], subjects: [visitor], description: the customer }\n    retention: { duration: P10Y, from: end-of-contract, action: delete }',
      ),
    );
    expect(loaded.ok).toBe(false);
    const paths = loaded.ok ? [] : loaded.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['purposes[0].source[0].data[0]', 'purposes[0].source[0].subjects[0]']),
    );
  });

  it('states each source with whose data and which data it covers, in every language', () => {
    const charter = withTwoSources();
    const expected = {
      en: [
        'Name and email address of customer representatives: We do not receive this data from you, but from someone else: the customer that employs you',
        'Customers: We receive this data from you.',
      ],
      nl: ['de klant die u tewerkstelt', 'Deze gegevens krijgen we van u.'],
      fr: ['le client qui vous emploie', 'Ces données, nous les recevons de vous.'],
      de: ['der Kunde, der Sie beschäftigt', 'Diese Daten erhalten wir von Ihnen.'],
    } as const;
    for (const language of languages) {
      const notice = buildNotice(charter, 'main', language);
      const purposes = sectionText(notice, 'purposes').replace(/\s+/g, ' ');
      const sources = sectionText(notice, 'sources').replace(/\s+/g, ' ');
      for (const words of expected[language]) {
        expect(purposes.replace(/ :/g, ':')).toContain(words.replace(/ :/g, ':').split(': ').pop());
        expect(sources).toContain(words.split(': ').pop());
      }
    }
    const english = sectionText(buildNotice(charter, 'main', 'en'), 'sources').replace(/\s+/g, ' ');
    expect(english).toContain('of customer representatives');
  });

  it('lists in the sources table only the data that comes from elsewhere', () => {
    const charter = withTwoSources((c) => {
      const orders = c.purposes.find((p) => p.id === 'orders');
      if (orders)
        orders.source = [
          { kind: 'third-party', data: ['contact.email'], description: customer },
          { kind: 'subject', data: ['identity.name'] },
        ];
    });
    const notice = buildNotice(charter, 'main', 'en');
    const table = notice.sections.find((s) => s.id === 'sources')?.blocks.find((b) => b.type === 'table');
    const dataCell = table && table.type === 'table' ? table.rows[0]?.[1]?.map((r) => r.text).join('') : undefined;
    expect(dataCell?.toLowerCase()).toContain('email');
    expect(dataCell?.toLowerCase()).not.toContain('name');
  });

  it('has no sources section when every source is the person', () => {
    const charter = withTwoSources((c) => {
      const orders = c.purposes.find((p) => p.id === 'orders');
      if (orders)
        orders.source = [
          { kind: 'subject', data: ['contact.email'] },
          { kind: 'subject', data: ['identity.name'] },
        ];
    });
    expect(buildNotice(charter, 'main', 'en').sections.some((s) => s.id === 'sources')).toBe(false);
  });

  it('shows every source in the records, in the record language', () => {
    const charter = withTwoSources();
    const en = deriveRecords(charter, { language: 'en', now: new Date('2026-01-01') }).controller.find(
      (a) => a.id === 'orders',
    );
    expect(en?.sources).toEqual([
      'Name, Email address — Customer representatives: a third party (the customer that employs you)',
      'Customers: the data subject',
    ]);
    const fr = deriveRecords(charter, { language: 'fr', now: new Date('2026-01-01') }).controller.find(
      (a) => a.id === 'orders',
    );
    expect(fr?.sources.join(' ')).toContain('un tiers (le client qui vous emploie)');
    const own = deriveRecords(everyLanguage(), { language: 'en', now: new Date('2026-01-01') }).controller.find(
      (a) => a.id === 'orders',
    );
    expect(own?.sources).toEqual([]);
  });

  it('warns, with the path of the source, for a third-party source without description', () => {
    const charter = withTwoSources((c) => {
      const orders = c.purposes.find((p) => p.id === 'orders');
      if (orders) orders.source = [{ kind: 'subject' }, { kind: 'third-party', data: ['contact.email'] }];
    });
    const findings = noticeCompletenessRule(charter, { now: new Date('2026-01-01') }).filter(
      (f) => f.article === 'GDPR Art. 14(2)(f)',
    );
    expect(findings.map((f) => f.path)).toEqual([['purposes', 0, 'source', 1]]);
    expect(
      noticeCompletenessRule(withTwoSources(), { now: new Date('2026-01-01') }).filter(
        (f) => f.article === 'GDPR Art. 14(2)(f)',
      ),
    ).toEqual([]);
  });
});
