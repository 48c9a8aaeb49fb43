import { describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import type { Charter } from '../charter/schema.js';
import { compareScan, draftFragment, hostCovered, lifetimeAsDuration } from './compare.js';
import { findCatalogEntry } from './cookie-catalog.js';
import type { ObservedStorage, PageObservation, ScanCondition, SiteScan } from './schemas.js';

const at = Date.parse('2026-11-23T10:00:00Z');
const days = (n: number) => Math.round(at / 1000 + n * 86_400);

function observe(condition: ScanCondition, edit: Partial<PageObservation> = {}): PageObservation {
  return {
    url: 'https://www.testco.example/',
    condition,
    at,
    bannerShown: condition === 'no-choice',
    storage: [],
    thirdPartyHosts: [],
    frameHosts: [],
    pixelHosts: [],
    consentMode: {},
    ...edit,
  };
}
const consent: ObservedStorage = { type: 'cookie', name: 'charter_consent', expires: days(180) };
const stats: ObservedStorage = { type: 'cookie', name: '_stats', expires: days(390), setBy: 'www.testco.example' };

/** A scan of the minimal charter's site in which everything behaves: _stats only after Accept all. */
function scanOf(edit: (observations: Record<ScanCondition, PageObservation>) => void = () => undefined): SiteScan {
  const observations = {
    'no-choice': observe('no-choice'),
    'reject-all': observe('reject-all', { storage: [consent] }),
    'accept-all': observe('accept-all', { storage: [consent, stats] }),
    gpc: observe('gpc', { storage: [consent, stats] }),
  };
  edit(observations);
  return {
    startUrl: 'https://www.testco.example/',
    pages: ['https://www.testco.example/'],
    observations: Object.values(observations),
    startedAt: '',
    finishedAt: '',
  };
}
const charter = (edit?: (c: Charter) => void) => buildCharter(edit);
const rules = (scan: SiteScan, c = charter()) =>
  compareScan({ charter: c, siteId: 'main', scan }).map(
    (f) => `${f.rule}:${f.subject}${f.condition ? `@${f.condition}` : ''}`,
  );

describe('comparing a scan with the charter', () => {
  it('finds nothing on a site that does what the charter says', () => {
    expect(rules(scanOf())).toEqual([]);
  });
  it('reports a declared analytics cookie set before any choice, with its setter', () => {
    const scan = scanOf((o) => o['no-choice'].storage.push(stats));
    const [found] = compareScan({ charter: charter(), siteId: 'main', scan });
    expect(found).toMatchObject({
      rule: 'storage-before-consent',
      severity: 'violation',
      subject: '_stats',
      condition: 'no-choice',
      setter: 'www.testco.example',
    });
  });
  it('reports storage kept after Reject all and storage GPC should hold back', () => {
    const withGpc = charter((c) => (c.consent.categories[0]!.gpc = true));
    expect(rules(scanOf((o) => o['reject-all'].storage.push(stats)))).toEqual([
      'storage-after-reject:_stats@reject-all',
    ]);
    expect(rules(scanOf(), withGpc)).toEqual(['storage-under-gpc:_stats@gpc']);
  });
  it('reports undeclared storage with a draft from the catalog, and a violation when it tracks before consent', () => {
    const ga: ObservedStorage = { type: 'cookie', name: '_ga', expires: days(730) };
    const scan = scanOf((o) => o['no-choice'].storage.push(ga));
    expect(rules(scan)).toEqual(['storage-before-consent:_ga@no-choice', 'undeclared-storage:_ga']);
    const draft = compareScan({ charter: charter(), siteId: 'main', scan }).find(
      (f) => f.rule === 'undeclared-storage',
    )!.draft!;
    expect(draft).toContain('category: analytics');
    expect(draft).toContain('duration: P2Y');
    expect(draft).toContain('justification');
  });
  it('reports a cookie that lives longer than declared', () => {
    const long = { ...stats, expires: days(730) };
    const scan = scanOf((o) => (o['accept-all'].storage = [consent, long]));
    const found = compareScan({ charter: charter(), siteId: 'main', scan }).filter(
      (f) => f.rule === 'expiry-longer-than-declared',
    );
    expect(found).toEqual([
      expect.objectContaining({ subject: '_stats', details: { declared: 'P13M', observed: 'P2Y' } }),
    ]);
  });
  it('reports third-party hosts no recipient declares, and accepts declared hosts and their sub-domains', () => {
    const scan = scanOf((o) => (o['accept-all'].frameHosts = ['player.videos.example']));
    expect(rules(scan)).toEqual(['undeclared-third-party:player.videos.example']);
    expect(
      rules(
        scan,
        charter((c) => (c.recipients[1]!.hosts = ['videos.example'])),
      ),
    ).toEqual([]);
    expect(hostCovered('127.0.0.2:8080', ['127.0.0.2:8081'])).toBe(false);
  });
  it('reports a Google tag requested before the Consent Mode default', () => {
    const scan = scanOf(
      (o) =>
        (o['no-choice'].consentMode = {
          firstGoogleTagAt: 12,
          defaultAt: 30,
          googleTagUrl: 'https://www.googletagmanager.com/gtag/js',
        }),
    );
    expect(rules(scan)).toEqual([
      'google-tag-before-consent-default:https://www.googletagmanager.com/gtag/js@no-choice',
    ]);
    expect(rules(scanOf((o) => (o['no-choice'].consentMode = { firstGoogleTagAt: 40, defaultAt: 3 })))).toEqual([]);
  });
  it('notes declared cookies never seen, a banner that did not show, and pages that failed', () => {
    const scan = scanOf((o) => {
      o['accept-all'].storage = [consent];
      o.gpc.storage = [consent];
      o['no-choice'].bannerShown = false;
    });
    scan.observations.push(observe('no-choice', { url: 'https://www.testco.example/loop', error: 'redirect loop' }));
    expect(rules(scan)).toEqual([
      'banner-not-shown:https://www.testco.example/@no-choice',
      'page-failed:https://www.testco.example/loop',
      'declared-never-seen:_stats',
    ]);
  });
});

describe('draft declarations', () => {
  it('rounds an observed lifetime up to years, months or days', () => {
    expect([
      lifetimeAsDuration(undefined),
      lifetimeAsDuration(0.02),
      lifetimeAsDuration(89.5),
      lifetimeAsDuration(729.9),
      lifetimeAsDuration(400),
    ]).toEqual(['session', 'P1D', 'P3M', 'P2Y', 'P14M']);
  });
  it('leaves what nobody knows as a TODO', () => {
    const draft = draftFragment(
      charter(),
      { type: 'local-storage', name: 'cart' },
      findCatalogEntry('cart', 'local-storage'),
      undefined,
    );
    expect(draft).toContain('TODO: necessary, or the consent category');
    expect(draft).toContain('type: local-storage');
  });
});
