/**
 * Personal data inside free text: generated valid and invalid values (checksums off by one, phone numbers too short,
 * addresses without a domain) embedded in random text — the scan finds exactly the valid ones, and shows them only
 * masked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInText, isIban, isNationalPhone, isPhone, maskValue } from './detectors.js';
import { classifyColumn } from './scan.js';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const upper = (n: number) =>
  fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const alphanumeric = (n: number) =>
  fc
    .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), { minLength: n, maxLength: n })
    .map((a) => a.join(''));

function mod97(numeric: string): number {
  return Number(BigInt(numeric) % 97n);
}
const lettersToDigits = (text: string) =>
  [...text].map((c) => (c >= 'A' && c <= 'Z' ? String(c.charCodeAt(0) - 55) : c)).join('');

interface Sample {
  kind: string;
  text: string;
  valid: boolean;
}

// IBANs of four countries, valid, or with check digits one off (a one-digit change is always caught by mod 97).
const ibans = fc
  .tuple(
    fc.oneof(
      fc.record({ country: fc.constant('BE'), bban: digits(12) }),
      fc.record({ country: fc.constant('NL'), bban: fc.tuple(upper(4), digits(10)).map(([a, b]) => a + b) }),
      fc.record({ country: fc.constant('DE'), bban: digits(18) }),
      fc.record({
        country: fc.constant('FR'),
        bban: fc.tuple(digits(10), alphanumeric(11), digits(2)).map(([a, b, c]) => a + b + c),
      }),
    ),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([{ country, bban }, valid, spaced]): Sample => {
    const check = 98 - mod97(lettersToDigits(`${bban}${country}00`));
    const used = valid ? check : check === 98 ? 97 : check + 1;
    const compact = `${country}${String(used).padStart(2, '0')}${bban}`;
    return { kind: 'iban', text: spaced ? compact.replace(/(.{4})/g, '$1 ').trim() : compact, valid };
  });

// Belgian national register numbers, before and after 2000, with a wrong check for the invalid ones.
const nationalNumbers = fc
  .tuple(
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 1, max: 997 }),
    fc.boolean(),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([year, month, day, serial, after2000, valid, dotted]): Sample => {
    const base = `${String(year).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
    const checks = [97 - mod97(base), 97 - mod97(`2${base}`)];
    const right = checks[after2000 ? 1 : 0]!;
    let check = right;
    if (!valid) while (checks.includes(check)) check = (check % 97) + 1;
    const digitsOnly = `${base}${String(check).padStart(2, '0')}`;
    const text = dotted
      ? `${digitsOnly.slice(0, 2)}.${digitsOnly.slice(2, 4)}.${digitsOnly.slice(4, 6)}-${digitsOnly.slice(6, 9)}.${digitsOnly.slice(9)}`
      : digitsOnly;
    return { kind: 'be-national-number', text, valid };
  });

// Belgian company (enterprise / VAT) numbers in their usual notations.
const companyNumbers = fc
  .tuple(fc.constantFrom('0', '1'), digits(7), fc.boolean(), fc.constantFrom('BE0', 'BE ', 'dotted', 'BEdotted'))
  .map(([first, rest, valid, style]): Sample => {
    const base = `${first}${rest}`;
    const right = 97 - mod97(base);
    const check = valid ? right : (right % 97) + 1;
    const number = `${base}${String(check).padStart(2, '0')}`;
    const dotted = `${number.slice(0, 4)}.${number.slice(4, 7)}.${number.slice(7)}`;
    const text =
      style === 'BE0' ? `BE${number}` : style === 'BE ' ? `BE ${dotted}` : style === 'dotted' ? dotted : `BE${dotted}`;
    return { kind: 'company-number', text, valid };
  });

const emails = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,8}(\.[a-z0-9]{1,6})?$/),
    fc.stringMatching(/^[a-z]{2,10}$/),
    fc.constantFrom('be', 'nl', 'fr', 'de', 'com', 'eu'),
    fc.boolean(),
  )
  .map(([local, domain, tld, valid]): Sample => ({
    kind: 'email',
    text: valid ? `${local}@${domain}.${tld}` : `${local}@${domain}`,
    valid,
  }));

// Phone numbers as people write them, international and national; the invalid ones are too short.
const phones = fc
  .tuple(
    fc.constantFrom(
      (d: string) => `04${d[0]}${d[1]} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6, 8)}`, // BE mobile
      (d: string) => `02 ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)}`, // BE landline
      (d: string) => `+32 4${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6, 8)}`,
      (d: string) => `06 ${d.slice(0, 8)}`, // NL mobile
      (d: string) => `+31 6 ${d.slice(0, 8)}`,
      (d: string) => `06 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6, 8)}`, // FR
      (d: string) => `+33 6 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6, 8)}`,
      (d: string) => `0171 ${d.slice(0, 7)}`, // DE mobile
      (d: string) => `030/${d.slice(0, 8)}`, // DE landline
      (d: string) => `+49 171 ${d.slice(0, 7)}`,
    ),
    digits(8),
    fc.boolean(),
  )
  .map(([format, d, valid]): Sample => {
    const text = format(d);
    if (valid) return { kind: 'phone', text, valid };
    // Too short to be a number anywhere: cut after six digits.
    let seen = 0;
    const end = [...text].findIndex((c) => /\d/.test(c) && ++seen === 6);
    return { kind: 'phone', text: text.slice(0, end + 1), valid };
  });

const words = fc
  .array(fc.stringMatching(/^[a-zéèàüöäç]{1,9}[,.;:!?]?$/), { minLength: 1, maxLength: 4 })
  .map((w) => w.join(' '));
const punctuation = fc.constantFrom('', '', ',', '.', ';', ')', '!');

const documents = fc
  .array(fc.tuple(words, fc.oneof(ibans, nationalNumbers, companyNumbers, emails, phones), punctuation), {
    minLength: 1,
    maxLength: 8,
  })
  .chain((parts) =>
    words.map((tail) => ({
      parts,
      text: `${parts.map(([before, sample, after]) => `${before} ${sample.text}${after}`).join(' ')} ${tail}`,
    })),
  );

describe('personal data inside free text', () => {
  it('finds exactly the valid values embedded in random text, and no invalid one', () => {
    fc.assert(
      fc.property(documents, ({ parts, text }) => {
        const expected = parts
          .filter(([, sample]) => sample.valid)
          .map(([, sample]) => `${sample.kind} ${sample.text}`);
        const found = findInText(text).map((m) => `${m.detector} ${m.value}`);
        expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('finds an IBAN in a note, a phone number in a comment, and reports the column with masked examples only', () => {
    expect(findInText('pays by transfer from BE68 5390 0754 7034, thanks')).toMatchObject([
      { detector: 'iban', category: 'financial.bank-account', value: 'BE68 5390 0754 7034' },
    ]);
    expect(findInText('bel me op 0470 12 34 56 of mail an@example.be').map((m) => m.detector)).toEqual([
      'phone',
      'email',
    ]);
    expect(findInText('ondernemingsnummer BE 0403.170.701 (KBO)').map((m) => m.detector)).toEqual(['company-number']);
    expect(findInText('order 2024-05-06, 3 items, total 120.50 EUR, ticket #4711')).toEqual([]);

    const notes = [
      'pays by transfer from BE68 5390 0754 7034',
      'prefers mornings',
      'call +32 470 12 34 56 before delivery',
      'VIP',
      null,
    ];
    const finding = classifyColumn({ name: 'notes', family: 'text' }, notes);
    expect(finding).toMatchObject({
      category: 'financial.bank-account',
      categories: ['financial.bank-account', 'contact.phone'],
      evidence: ['in-text:iban', 'in-text:phone'],
      matched: 2,
      sampled: 4,
    });
    expect(finding!.confidence).toBeGreaterThanOrEqual(0.8);
    expect(finding!.examples).toEqual(['BE** **** **** **34', '+** *** ** ** 56']);
    expect(JSON.stringify(finding)).not.toMatch(/5390|0754|470 12/);
  });

  it('leaves free text without personal data alone', () => {
    expect(
      classifyColumn({ name: 'notes', family: 'text' }, [
        'prefers mornings',
        'ring twice',
        'order 2024-05-06 of 3 items',
      ]),
    ).toBeUndefined();
  });
});

describe('masking', () => {
  it('keeps the kind and the last two characters, never the value', () => {
    expect(maskValue('iban', 'BE68539007547034')).toBe('BE************34');
    expect(maskValue('email', 'an.peeters@example.be')).toBe('a***@***.be');
    expect(maskValue('be-national-number', '85.07.30-033.28')).toBe('**.**.**-***.28');
    expect(maskValue('company-number', 'BE 0403.170.701')).toBe('BE ****.***.*01');
    expect(maskValue('phone', '0470 12 34 56')).toBe('**** ** ** 56');
  });

  it('never shows more than two characters of any value found', () => {
    fc.assert(
      fc.property(documents, ({ text }) => {
        for (const match of findInText(text)) {
          const masked = maskValue(match.detector, match.value);
          const shown = masked.replace(/[^\p{L}\p{N}]/gu, '');
          const prefix =
            match.detector === 'email'
              ? masked.slice(masked.lastIndexOf('.') + 1).length + 1
              : /^[A-Z]{2}/.test(match.value)
                ? 2
                : 0;
          expect(shown.length).toBeLessThanOrEqual(prefix + 2);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('phone numbers and IBAN lengths', () => {
  it('reads Belgian, Dutch, French and German national formats', () => {
    for (const phone of [
      '0470 12 34 56',
      '02 123 45 67',
      '06 12345678',
      '020 123 4567',
      '06 12 34 56 78',
      '030 12345678',
      '0171/1234567',
      '089-1234567',
    ])
      expect(isNationalPhone(phone)).toBe(true);
    for (const other of ['01711234567', '470 12 34 56', '0470 12', '00 12 34 56 78', '2024-05-06'])
      expect(isNationalPhone(other)).toBe(false);
    expect(isPhone('+49 171 1234567')).toBe(true);
  });

  it('knows the length of an IBAN per country', () => {
    expect(isIban('BE68 5390 0754 7034')).toBe(true);
    // Same checksum arithmetic, wrong length for Belgium.
    expect(isIban('BE71 0961 2345 6769 0')).toBe(false);
  });
});
