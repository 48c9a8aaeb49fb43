import { describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import { ageOn, digitalConsentAge } from './purpose-consent-ages.js';
import { statusOf } from './purpose-consent.js';

describe('Art. 8 ages', () => {
  const charter = buildCharter();
  it('follow each country’s law: BE 13, NL 16, FR 15, DE 16, LU 16; 16 elsewhere', () => {
    expect(['BE', 'NL', 'FR', 'DE', 'LU', 'US'].map((c) => digitalConsentAge(charter, c))).toEqual([
      13, 16, 15, 16, 16, 16,
    ]);
  });
  it('take the charter’s override', () => {
    const strict = buildCharter((c) => (c.children.minimumAge = { BE: 16 }));
    expect(digitalConsentAge(strict, 'BE')).toBe(16);
  });
  it('count whole years, the birthday included', () => {
    expect(ageOn('2013-05-04', new Date('2026-05-03T12:00:00Z'))).toBe(12);
    expect(ageOn('2013-05-04', new Date('2026-05-04T00:00:00Z'))).toBe(13);
  });
});

describe('purpose consent status', () => {
  const at = (action: 'requested' | 'granted' | 'withdrawn', day: number) => ({
    action,
    recorded_at: new Date(Date.UTC(2026, 0, day)),
    text_version: `v${day}`,
  });
  it('is decided by the last grant or withdrawal; a request after a withdrawal is pending', () => {
    expect(statusOf([]).status).toBe('none');
    expect(statusOf([at('requested', 1)]).status).toBe('pending');
    expect(statusOf([at('requested', 1), at('granted', 2)])).toMatchObject({ status: 'granted', textVersion: 'v2' });
    expect(statusOf([at('granted', 1), at('requested', 2)]).status).toBe('granted');
    expect(statusOf([at('granted', 1), at('withdrawn', 2)]).status).toBe('withdrawn');
    expect(statusOf([at('granted', 1), at('withdrawn', 2), at('requested', 3)]).status).toBe('pending');
  });
});
