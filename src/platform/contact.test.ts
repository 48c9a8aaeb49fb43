import { describe, expect, it } from 'vitest';
import { checkAddress, checkPhone, isPlainAddress, maskRefused } from './contact.js';

describe('checkAddress', () => {
  it.each(['dave@shop.test', 'a.b+tag@sub.example.be', "o'brien@example.ie", 'jürgen@müller.de', 'x@xn--mller-kva.de'])(
    'accepts one plain address: %s',
    (value) => {
      expect(checkAddress(value)).toEqual({ ok: true, value });
    },
  );

  it.each([
    ['dave@shop.test\r\nBcc: mallory@evil.test', 'control-characters'],
    ['dave@shop.test\n', 'control-characters'],
    ['dave@shop.test\u0000', 'control-characters'],
    ['da\u0085ve@shop.test', 'control-characters'],
    ['dave\u202e@shop.test', 'control-characters'],
    ['erin@shop.test, mallory@evil.test', 'list'],
    ['erin@shop.test; mallory@evil.test', 'list'],
    ['Dave <dave@shop.test>', 'angle-brackets'],
    ['<dave@shop.test>', 'angle-brackets'],
    ['Dave dave@shop.test', 'display-name'],
    ['"Dave" dave@shop.test', 'display-name'],
    ['dave@shop.test mallory@evil.test', 'display-name'],
    ['dave', 'not-an-address'],
    ['dave@shop', 'not-an-address'],
    ['a@b@shop.test', 'not-an-address'],
    ['.dave@shop.test', 'not-an-address'],
    ['dave@-shop.test', 'not-an-address'],
    ['(comment)dave@shop.test', 'not-an-address'],
    ['', 'empty'],
    [`${'a'.repeat(250)}@b.test`, 'too-long'],
  ])('refuses %j as %s', (value, problem) => {
    expect(checkAddress(value)).toEqual({ ok: false, problem });
  });

  it('takes only an exact plain address as a mail recipient (no surrounding spaces)', () => {
    expect(isPlainAddress('dave@shop.test')).toBe(true);
    expect(isPlainAddress(' dave@shop.test')).toBe(false);
  });
});

describe('checkPhone', () => {
  it('accepts one number and refuses lists and control characters', () => {
    expect(checkPhone('+32 470 00 00 01')).toEqual({ ok: true, value: '+32 470 00 00 01' });
    expect(checkPhone('+32470000001, +32470000002')).toEqual({ ok: false, problem: 'list' });
    expect(checkPhone('+32470000001\r\n')).toEqual({ ok: false, problem: 'control-characters' });
    expect(checkPhone('+3247\r\n0000001')).toEqual({ ok: false, problem: 'control-characters' });
    expect(checkPhone('call me')).toEqual({ ok: false, problem: 'not-a-phone-number' });
    expect(checkPhone('12')).toEqual({ ok: false, problem: 'not-a-phone-number' });
  });
});

describe('maskRefused', () => {
  it('keeps at most the first two letters or digits, never a second address or a header', () => {
    expect(maskRefused('dave@shop.test\r\nBcc: mallory@evil.test')).toBe('da***');
    expect(maskRefused('<x@evil.test>')).toBe('***');
  });
});
