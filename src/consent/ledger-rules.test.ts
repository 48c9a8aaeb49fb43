import { describe, expect, it } from 'vitest';
import {
  checkChoices,
  consentPostSchema,
  monthOf,
  newReceiptId,
  pageUrl,
  receiptTime,
  siteOrigins,
  userAgentFamily,
} from './ledger-rules.js';

describe('receipt ids', () => {
  it('carry their timestamp to the millisecond and sort by time', () => {
    const at = new Date('2026-11-23T04:05:06.789Z');
    const id = newReceiptId(at);
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(receiptTime(id)?.toISOString()).toBe(at.toISOString());
    expect(newReceiptId(new Date(at.getTime() + 1)) > id).toBe(true);
  });

  it('are unique among many made in the same millisecond', () => {
    const at = new Date();
    const ids = new Set(Array.from({ length: 5000 }, () => newReceiptId(at)));
    expect(ids.size).toBe(5000);
  });

  it('reject malformed ids', () => {
    expect(receiptTime('not-a-receipt')).toBeUndefined();
    // Past the year 9999 (the fuzz's KJJ2N…: a 500 from the database before).
    expect(receiptTime('KJJ2NJRKYDJJZWWHMQQKTSKNKD')).toBeUndefined();
    expect(receiptTime('7ZZZZZZZZZ0000000000000000')).toBeUndefined();
    expect(receiptTime('0'.repeat(25) + 'U')).toBeUndefined();
  });
});

describe('page URLs', () => {
  it('drop the query string and fragment, which often carry identifiers', () => {
    expect(pageUrl('https://www.example.be/shop/item?email=a@b.be&utm=x#reviews')).toBe(
      'https://www.example.be/shop/item',
    );
    expect(pageUrl('http://example.be:8080/')).toBe('http://example.be:8080/');
  });

  it('accept only absolute http(s) URLs', () => {
    expect(pageUrl('javascript:alert(1)')).toBeUndefined();
    expect(pageUrl('/relative')).toBeUndefined();
    expect(pageUrl('ftp://example.be/')).toBeUndefined();
  });
});

describe('browser family', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      'chrome',
      false,
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
      'edge',
      false,
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'firefox', false],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'safari',
      true,
    ],
    [
      'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      'chrome',
      true,
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 OPR/111.0',
      'other',
      false,
    ],
    ['curl/8.5.0', 'other', false],
  ])('%s → %s', (ua, family, mobile) => {
    expect(userAgentFamily(ua)).toEqual({ family, mobile });
  });
  it('knows nothing without a user agent', () =>
    expect(userAgentFamily(undefined)).toEqual({ family: 'other', mobile: false }));
});

describe('choices', () => {
  const categories = ['analytics', 'marketing'];
  it('accept every category decided, denials included', () => {
    expect(
      checkChoices(categories, { method: 'custom', gpc: false, choices: { analytics: true, marketing: false } }),
    ).toEqual([]);
  });
  it('name unknown and missing categories by path', () => {
    const problems = checkChoices(categories, {
      method: 'custom',
      gpc: false,
      choices: { analytics: true, social: false },
    });
    expect(problems.map((p) => p.path)).toEqual(['body.choices.social', 'body.choices.marketing']);
  });
  it('hold the method to its meaning', () => {
    expect(
      checkChoices(categories, { method: 'accept-all', gpc: false, choices: { analytics: true, marketing: false } })[0]
        ?.path,
    ).toBe('body.method');
    expect(
      checkChoices(categories, { method: 'reject-all', gpc: false, choices: { analytics: true, marketing: false } })[0]
        ?.path,
    ).toBe('body.method');
    expect(
      checkChoices(categories, { method: 'gpc', gpc: false, choices: { analytics: false, marketing: false } })[0]?.path,
    ).toBe('body.gpc');
    expect(
      checkChoices(categories, { method: 'withdraw', gpc: false, choices: { analytics: false, marketing: false } }),
    ).toEqual([]);
  });
});

describe('the posted body', () => {
  const valid = {
    site: 'main',
    visitor: 'a'.repeat(16),
    revision: '0123456789abcdef',
    language: 'nl',
    method: 'custom',
    choices: { analytics: true },
    gpc: false,
    url: 'https://example.be/',
  };
  it('accepts the contract shape', () => expect(consentPostSchema.safeParse(valid).success).toBe(true));
  it.each([
    [{ visitor: 'a'.repeat(15) }, 'visitor'],
    [{ visitor: 'a'.repeat(65) }, 'visitor'],
    [{ visitor: 'a b'.repeat(8) }, 'visitor'],
    [{ revision: '0123456789ABCDEF' }, 'revision'],
    [{ choices: { analytics: 'yes' } }, 'choices'],
    [{ extra: 1 }, ''],
  ])('refuses %o', (change, path) => {
    const parsed = consentPostSchema.safeParse({ ...valid, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join('.') ?? '').toContain(path);
  });
});

describe('sites and months', () => {
  it('serve a site from https and http on its domain and aliases', () => {
    expect(siteOrigins({ domain: 'www.example.be', aliases: ['example.be'] })).toEqual([
      'https://www.example.be',
      'http://www.example.be',
      'https://example.be',
      'http://example.be',
    ]);
  });
  it('put a record in the UTC month of its timestamp', () => {
    expect(monthOf(new Date('2026-01-31T23:59:59.999Z'))).toBe('2026-01-01');
    expect(monthOf(new Date('2026-02-01T00:00:00Z'))).toBe('2026-02-01');
  });
});
