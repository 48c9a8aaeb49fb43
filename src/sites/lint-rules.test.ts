import { describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import { lintCharter } from '../lint.js';
import type { Charter } from '../charter/schema.js';
import { parseDuration } from '../charter/duration.js';
import { cookieCatalog, findCatalogEntry, findVendorByHost } from './cookie-catalog.js';

const now = new Date('2026-11-23T10:00:00Z');
const rules = (charter: Charter, rule: string) => lintCharter(charter, { now }).filter((f) => f.rule === rule);
const ga = (edit: Partial<Charter['cookies'][number]>) =>
  buildCharter((c) =>
    c.cookies.push({
      name: '_ga',
      category: 'analytics',
      vendor: 'stats',
      purpose: 'Distinguishes visitors',
      duration: 'P2Y',
      type: 'cookie',
      justification: 'Google sets two years',
      ...edit,
    }),
  );

describe('tracking cookie declared strictly necessary', () => {
  it('flags _ga declared necessary: the banner would set it without consent', () => {
    const found = rules(ga({ category: 'necessary' }), 'tracking-cookie-declared-necessary');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', path: ['cookies', 2, 'category'] })]);
    expect(found[0]!.message).toContain('Google Analytics');
  });
  it('accepts _ga in a consent category and a session cookie declared necessary', () => {
    expect(rules(ga({}), 'tracking-cookie-declared-necessary')).toEqual([]);
    const session = buildCharter((c) =>
      c.cookies.push({
        name: 'PHPSESSID',
        category: 'necessary',
        vendor: 'first-party',
        purpose: 'Session',
        duration: 'session',
        type: 'cookie',
      }),
    );
    expect(rules(session, 'tracking-cookie-declared-necessary')).toEqual([]);
  });
});

describe('declared lifetime shorter than the vendor sets', () => {
  it('flags _ga declared for 13 months when Google sets two years', () => {
    const found = rules(ga({ duration: 'P13M', justification: undefined }), 'cookie-lifetime-shorter-than-vendor');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', path: ['cookies', 2, 'duration'] })]);
    expect(found[0]!.message).toContain('P2Y');
  });
  it('accepts the vendor lifetime, and a prefix pattern declared with its own lifetime', () => {
    expect(rules(ga({}), 'cookie-lifetime-shorter-than-vendor')).toEqual([]);
    const pattern = buildCharter((c) =>
      c.cookies.push({
        name: '_pk_id.*',
        category: 'analytics',
        vendor: 'stats',
        purpose: 'Matomo visitor',
        duration: 'P13M',
        type: 'cookie',
      }),
    );
    expect(rules(pattern, 'cookie-lifetime-shorter-than-vendor')).toEqual([]);
  });
});

describe('the cookie catalog', () => {
  it('finds entries by exact name, by prefix pattern and by storage kind', () => {
    expect(findCatalogEntry('_ga_XY12')?.vendor).toBe('Google Analytics');
    expect(findCatalogEntry('_pk_id.1.abcd')?.lifetime).toBe('P13M');
    expect(findCatalogEntry('ytidb::LAST_RESULT_ENTRY_KEY', 'local-storage')?.vendor).toBe('YouTube');
    expect(findCatalogEntry('ytidb::LAST_RESULT_ENTRY_KEY', 'cookie')).toBeUndefined();
    expect(findCatalogEntry('my_own_cookie')).toBeUndefined();
  });
  it('names the vendor behind a host and its sub-domains', () => {
    expect(findVendorByHost('region1.google-analytics.com')?.name).toBe('Google Analytics');
    expect(findVendorByHost('notgoogle-analytics.com')).toBeUndefined();
  });
  it('has one lifetime in the charter format for every entry', () => {
    expect(cookieCatalog.filter((entry) => entry.lifetime !== 'session' && !parseDuration(entry.lifetime))).toEqual([]);
  });
});
