import { describe, expect, it } from 'vitest';
import { countRecords } from './statistics.js';

describe('counting a batch', () => {
  it('adds records, methods, GPC and per-category decisions per site and UTC day, sorted by key', () => {
    const base = { organisationId: 'o', siteId: 'main', gpc: false };
    const rows = countRecords(
      [
        {
          ...base,
          recordedAt: new Date('2026-03-09T23:59:00Z'),
          method: 'accept-all',
          choices: { analytics: true, marketing: true },
        },
        {
          ...base,
          recordedAt: new Date('2026-03-09T10:00:00Z'),
          method: 'custom',
          choices: { analytics: true, marketing: false },
        },
        {
          ...base,
          recordedAt: new Date('2026-03-10T00:00:01Z'),
          method: 'gpc',
          gpc: true,
          choices: { analytics: false, marketing: false },
        },
      ],
      7,
    );
    const day9 = Object.fromEntries(rows.filter((r) => r.day === '2026-03-09').map((r) => [r.metric, r.count]));
    expect(day9).toEqual({
      records: 2,
      'method:accept-all': 1,
      'method:custom': 1,
      'decided:analytics': 2,
      'granted:analytics': 2,
      'decided:marketing': 2,
      'granted:marketing': 1,
    });
    const day10 = Object.fromEntries(rows.filter((r) => r.day === '2026-03-10').map((r) => [r.metric, r.count]));
    expect(day10).toEqual({
      records: 1,
      'method:gpc': 1,
      'gpc-signal': 1,
      'decided:analytics': 1,
      'decided:marketing': 1,
    });
    expect(rows.every((r) => r.shard === 7)).toBe(true);
    const keys = rows.map((r) => `${r.day}|${r.metric}`);
    expect(keys).toEqual([...keys].sort());
  });
});
