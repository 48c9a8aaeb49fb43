import { describe, expect, it } from 'vitest';
import {
  detectByName,
  isBelgianCompanyNumber,
  isBelgianNationalNumber,
  isE164Phone,
  isEmail,
  isEuVatNumber,
  isIban,
  isIpAddress,
  isPaymentCard,
  isPlausibleBirthDate,
} from './detectors.js';
import { classifyColumn } from './scan.js';

describe('value detectors', () => {
  it('recognises emails and E.164 phone numbers', () => {
    expect(isEmail('an.peeters+shop@example.be')).toBe(true);
    expect(isEmail('not an email')).toBe(false);
    expect(isE164Phone('+32 470 12 34 56')).toBe(true);
    expect(isE164Phone('0032470123456')).toBe(true);
    expect(isE164Phone('470123456')).toBe(false);
  });

  it('checks the IBAN mod-97 checksum', () => {
    expect(isIban('BE68 5390 0754 7034')).toBe(true);
    expect(isIban('NL91ABNA0417164300')).toBe(true);
    expect(isIban('BE68 5390 0754 7035')).toBe(false);
  });

  it('checks the Belgian national register number, before and after 2000', () => {
    expect(isBelgianNationalNumber('85.07.30-033.28')).toBe(true);
    expect(isBelgianNationalNumber('01.02.03-123.45')).toBe(true);
    expect(isBelgianNationalNumber('85.07.30-033.29')).toBe(false);
    expect(isBelgianNationalNumber('12345678901')).toBe(false);
  });

  it('checks Belgian company numbers and knows other EU VAT formats', () => {
    expect(isBelgianCompanyNumber('BE 0403.170.701')).toBe(true);
    expect(isBelgianCompanyNumber('0403.170.702')).toBe(false);
    expect(isEuVatNumber('NL123456789B01')).toBe(true);
    expect(isEuVatNumber('XX123')).toBe(false);
  });

  it('recognises IPv4 and IPv6 addresses', () => {
    expect(isIpAddress('192.0.2.10')).toBe(true);
    expect(isIpAddress('2001:db8::1')).toBe(true);
    expect(isIpAddress('999.1.1.1')).toBe(false);
  });

  it('checks card numbers with Luhn and a known prefix', () => {
    expect(isPaymentCard('4111 1111 1111 1111')).toBe(true);
    expect(isPaymentCard('5555-5555-5555-4444')).toBe(true);
    expect(isPaymentCard('4111111111111112')).toBe(false);
    expect(isPaymentCard('1234567812345670')).toBe(false);
  });

  it('accepts plausible birth dates only', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(isPlausibleBirthDate('1985-07-30', now)).toBe(true);
    expect(isPlausibleBirthDate('30/07/1985', now)).toBe(true);
    expect(isPlausibleBirthDate('2025-06-01', now)).toBe(false);
    expect(isPlausibleBirthDate('1985-02-30', now)).toBe(false);
  });
});

describe('column names', () => {
  it('reads names in several languages and styles', () => {
    expect(detectByName('billingEmail')?.category).toBe('contact.email');
    expect(detectByName('GSM')?.category).toBe('contact.phone');
    expect(detectByName('geboortedatum')?.category).toBe('identity.date-of-birth');
    expect(detectByName('rijksregisternummer')?.category).toBe('identity.national-number');
    expect(detectByName('ip_address')?.category).toBe('online.ip-address');
    expect(detectByName('quantity')).toBeUndefined();
  });
});

describe('classifyColumn', () => {
  it('trusts checksummed values over a misleading name', () => {
    const finding = classifyColumn({ name: 'reference', family: 'text' }, [
      'BE68539007547034',
      'NL91ABNA0417164300',
      null,
    ]);
    expect(finding).toMatchObject({ category: 'financial.bank-account', evidence: ['iban'], matched: 2, sampled: 2 });
  });

  it('finds dates of birth by name and plausible values', () => {
    const finding = classifyColumn({ name: 'dob', family: 'date' }, [new Date('1980-01-02'), new Date('1999-12-31')]);
    expect(finding?.category).toBe('identity.date-of-birth');
    expect(finding?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('stays silent on ordinary data', () => {
    expect(classifyColumn({ name: 'quantity', family: 'integer' }, [1, 2, 3, 41111111])).toBeUndefined();
    expect(classifyColumn({ name: 'status', family: 'text' }, ['paid', 'open'])).toBeUndefined();
  });
});
