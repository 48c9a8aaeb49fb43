/**
 * The comparison of a site scan with the charter: pure rules over what the browser observed and what the charter
 * declares. Each finding says what was seen, where (page, condition, setter), how serious it is, and what it rests on.
 */
import { defaultText } from '../charter/localized.js';
import { approximateDays, duration } from '../charter/duration.js';
import type { Charter, Cookie } from '../charter/schema.js';
import { findCatalogEntry, type CatalogEntry } from './cookie-catalog.js';
import type { FindingRule, FindingSeverity, ObservedStorage, ScanCondition, SiteFinding, SiteScan } from './schemas.js';

const articles: Record<FindingRule, string> = {
  'storage-before-consent': 'ePrivacy Directive Art. 5(3); GDPR Art. 6(1)(a), 7(1)',
  'storage-after-reject': 'ePrivacy Directive Art. 5(3); GDPR Art. 7; EDPB Guidelines 05/2020 on consent',
  'storage-under-gpc': 'GDPR Art. 21(5) (objection by automated means); ePrivacy Directive Art. 5(3)',
  'undeclared-storage': 'ePrivacy Directive Art. 5(3) (clear and comprehensive information); GDPR Art. 13',
  'expiry-longer-than-declared': 'GDPR Art. 13(2)(a); ePrivacy Directive Art. 5(3); CNIL and APD guidance (13 months)',
  'undeclared-third-party': 'GDPR Art. 13(1)(e) (recipients), Art. 28',
  'google-tag-before-consent-default':
    'ePrivacy Directive Art. 5(3); Google Consent Mode: the default precedes every tag',
  'declared-never-seen': 'GDPR Art. 5(1)(a) (transparency), Art. 13',
  'banner-not-shown': 'GDPR Art. 7(1); ePrivacy Directive Art. 5(3)',
  'page-failed': 'Scan',
};

const severities: Record<FindingRule, FindingSeverity> = {
  'storage-before-consent': 'violation',
  'storage-after-reject': 'violation',
  'storage-under-gpc': 'violation',
  'undeclared-storage': 'warning',
  'expiry-longer-than-declared': 'violation',
  'undeclared-third-party': 'warning',
  'google-tag-before-consent-default': 'violation',
  'declared-never-seen': 'info',
  'banner-not-shown': 'violation',
  'page-failed': 'warning',
};

/** Charter's own banner cookies: strictly necessary to remember the choice, whether or not the charter lists them. */
const ownCookies = new Set(['charter_consent', 'charter_visitor']);
const thirteenMonthsDays = approximateDays(duration('P13M'));
/** Slack for clocks and rounding when comparing an observed expiry with a declared duration. */
const slackDays = 1;

export interface CompareInput {
  charter: Charter;
  /** The charter site the scan covers; its `cookies` list (when given) narrows the declarations. */
  siteId?: string;
  scan: SiteScan;
}

/** How a stored item is classified against the charter and the catalog. */
interface Classified {
  declared?: Cookie;
  known?: CatalogEntry;
  /** The charter category id (declared) or the catalog's category (undeclared); undefined when nobody knows. */
  category?: string;
  necessary: boolean | undefined;
  /** Held back under GPC: a declared GPC category, or a catalog advertising item. */
  gpcHeld: boolean;
}

const storageKey = (item: ObservedStorage) => `${item.type}\u0000${item.name}`;

/** A declared name covers an observed one: exact, or a prefix pattern ending in `*`. */
const covers = (declared: Cookie, item: ObservedStorage) =>
  declared.type === item.type &&
  (declared.name.endsWith('*') ? item.name.startsWith(declared.name.slice(0, -1)) : declared.name === item.name);

/** The cookies the charter declares for this site. */
export function siteDeclarations(charter: Charter, siteId?: string): Cookie[] {
  const site = siteId ? charter.sites.find((s) => s.id === siteId) : undefined;
  return site?.cookies ? charter.cookies.filter((c) => site.cookies?.includes(c.name)) : charter.cookies;
}

function classify(charter: Charter, declarations: Cookie[], item: ObservedStorage): Classified {
  const declared = declarations.find((d) => covers(d, item));
  const known = findCatalogEntry(item.name, item.type);
  if (declared) {
    const category = charter.consent.categories.find((k) => k.id === declared.category);
    return {
      declared,
      known,
      category: declared.category,
      necessary: declared.category === 'necessary',
      gpcHeld: charter.consent.honourGpc && !!category?.gpc,
    };
  }
  if (item.type === 'cookie' && ownCookies.has(item.name))
    return { known, category: 'necessary', necessary: true, gpcHeld: false };
  if (known)
    return {
      known,
      category: known.category,
      necessary: known.category === 'necessary',
      gpcHeld: charter.consent.honourGpc && known.category === 'advertising',
    };
  return { necessary: undefined, gpcHeld: false };
}

/** Observations grouped by key, keeping the first page, the count of pages and the first setter. */
function group<T>(entries: { key: string; page: string; value: T; setter?: string }[]) {
  const groups = new Map<string, { first: T; page: string; pages: Set<string>; setter?: string }>();
  for (const entry of entries) {
    const current = groups.get(entry.key);
    if (current) {
      current.pages.add(entry.page);
      current.setter ??= entry.setter;
    } else {
      groups.set(entry.key, {
        first: entry.value,
        page: entry.page,
        pages: new Set([entry.page]),
        setter: entry.setter,
      });
    }
  }
  return [...groups.values()];
}

const finding = (rule: FindingRule, subject: string, rest: Partial<SiteFinding> = {}): SiteFinding => ({
  rule,
  severity: severities[rule],
  article: articles[rule],
  subject,
  details: {},
  ...rest,
});

/** Lifetime in days of a cookie observed at `at` (ms); undefined for a session cookie or storage. */
function observedDays(item: ObservedStorage, at: number): number | undefined {
  if (item.type !== 'cookie' || item.expires === undefined || item.expires < 0) return undefined;
  return (item.expires * 1000 - at) / 86_400_000;
}

/** An observed lifetime in the charter's duration format, rounded up (years, months or days). */
export function lifetimeAsDuration(days: number | undefined): string {
  if (days === undefined) return 'session';
  // Whole years only when it is one (Chromium caps cookies at 400 days: that is P14M, not P2Y).
  const years = days / 365.25;
  if (days >= 364 && Math.abs(years - Math.round(years)) < 0.02) return `P${Math.round(years)}Y`;
  if (days >= 28) return `P${Math.ceil(days / 30.4375 - 0.01)}M`;
  return `P${Math.max(1, Math.ceil(days))}D`;
}

/** The charter category an undeclared item would go in: the consent category mapped to the catalog category. */
function draftCategory(charter: Charter, known: CatalogEntry | undefined): string {
  if (!known || known.category === 'necessary') return 'necessary';
  const signal =
    known.category === 'advertising'
      ? 'ad_storage'
      : known.category === 'analytics'
        ? 'analytics_storage'
        : 'functionality_storage';
  const names: Record<string, string[]> = {
    advertising: ['marketing', 'advertising', 'ads'],
    analytics: ['analytics', 'statistics', 'measurement'],
    functional: ['functional', 'preferences', 'external-media'],
  };
  const category =
    charter.consent.categories.find((k) => k.googleConsentMode.includes(signal)) ??
    charter.consent.categories.find((k) => names[known.category]?.includes(k.id));
  return category?.id ?? known.category;
}

const quote = (text: string) => JSON.stringify(text);

/** A `cookies:` entry to paste into the charter for an undeclared item; what nobody knows is left as a TODO comment. */
export function draftFragment(
  charter: Charter,
  item: ObservedStorage,
  known: CatalogEntry | undefined,
  days: number | undefined,
): string {
  const lifetime =
    known && !known.configurable ? known.lifetime : item.type === 'cookie' ? lifetimeAsDuration(days) : 'session';
  const vendor = known
    ? charter.recipients.find((r) =>
        defaultText(r.name, charter).toLowerCase().includes(known.vendor.split(' ')[0]!.toLowerCase()),
      )
    : undefined;
  const lines = [
    `- name: ${quote(item.name)}`,
    `  category: ${draftCategory(charter, known)}${known ? '' : '  # TODO: necessary, or the consent category it belongs to'}`,
    `  vendor: ${vendor?.id ?? 'first-party'}${known && !vendor ? `  # TODO: ${known.vendor} — declare the recipient and use its id` : ''}`,
    `  purpose: ${quote(known ? `${known.vendor} ${known.category}` : 'TODO: what it is for')}`,
    `  duration: ${lifetime}`,
    `  type: ${item.type}`,
  ];
  if (lifetime !== 'session' && approximateDays(duration(lifetime)) > thirteenMonthsDays + slackDays)
    lines.push('  justification: "TODO: why it lives longer than 13 months"');
  return lines.join('\n');
}

/**
 * A host is covered when a declared host names it: with a port, exactly; without, the host or any sub-domain of it.
 */
export function hostCovered(host: string, covered: readonly string[]): boolean {
  const bare = host.replace(/:\d+$/, '');
  return covered.some((h) => (h.includes(':') ? h === host : bare === h || bare.endsWith(`.${h}`)));
}

/** A page the browser observed (no error) and its storage items, each classified against the charter. */
type Observation = SiteScan['observations'][number];
interface ClassifiedItem {
  o: Observation;
  item: ObservedStorage;
  c: Classified;
}

/** What the checks of one comparison share. */
interface Comparison {
  charter: Charter;
  declarations: Cookie[];
  scan: SiteScan;
  loaded: Observation[];
  items: ClassifiedItem[];
}

/**
 * Compares a scan with the charter. Returns the findings, violations first; a compliant site that the charter
 * describes completely gets none.
 */
export function compareScan({ charter, siteId, scan }: CompareInput): SiteFinding[] {
  const declarations = siteDeclarations(charter, siteId);
  const site = siteId ? charter.sites.find((s) => s.id === siteId) : undefined;
  const loaded = scan.observations.filter((o) => !o.error);
  const items = loaded.flatMap((o) => o.storage.map((item) => ({ o, item, c: classify(charter, declarations, item) })));
  const comparison: Comparison = { charter, declarations, scan, loaded, items };
  const findings: SiteFinding[] = [
    ...storageUnderConditions(items),
    ...undeclaredStorage(comparison),
    ...longerThanDeclared(items),
    ...undeclaredThirdParties(comparison, site),
    ...googleTagBeforeDefault(loaded),
    ...bannerNotShown(comparison),
    ...declaredNeverSeen(comparison),
    ...failedPages(scan),
  ];
  const order: Record<FindingSeverity, number> = { violation: 0, warning: 1, info: 2 };
  return findings.sort((a, b) => order[a.severity] - order[b.severity]);
}

/** Non-necessary storage present before a choice, after Reject all, or held back by GPC. */
function storageUnderConditions(items: ClassifiedItem[]): SiteFinding[] {
  const findings: SiteFinding[] = [];
  const conditionRules: [ScanCondition, FindingRule, (c: Classified) => boolean][] = [
    ['no-choice', 'storage-before-consent', (c) => c.necessary === false],
    ['reject-all', 'storage-after-reject', (c) => c.necessary === false],
    ['gpc', 'storage-under-gpc', (c) => c.gpcHeld],
  ];
  for (const [condition, rule, applies] of conditionRules) {
    const hits = items.filter(({ o, c }) => o.condition === condition && applies(c));
    for (const g of group(
      hits.map(({ o, item, c }) => ({ key: storageKey(item), page: o.url, value: { item, c }, setter: item.setBy })),
    )) {
      findings.push(
        finding(rule, g.first.item.name, {
          page: g.page,
          pages: g.pages.size,
          condition,
          setter: g.setter,
          details: { type: g.first.item.type, category: g.first.c.category ?? '' },
        }),
      );
    }
  }
  return findings;
}

/** Storage no declaration covers, with a draft declaration. */
function undeclaredStorage({ charter, items }: Comparison): SiteFinding[] {
  const undeclared = items.filter(
    ({ c, item }) => !c.declared && !(item.type === 'cookie' && ownCookies.has(item.name)),
  );
  return group(
    undeclared.map(({ o, item, c }) => ({
      key: storageKey(item),
      page: o.url,
      value: { item, c, days: observedDays(item, o.at) },
      setter: item.setBy,
    })),
  ).map((g) => {
    const { item, c, days } = g.first;
    return finding('undeclared-storage', item.name, {
      page: g.page,
      pages: g.pages.size,
      setter: g.setter,
      details: { type: item.type, ...(c.known ? { vendor: c.known.vendor, category: c.known.category } : {}) },
      draft: draftFragment(charter, item, c.known, days),
    });
  });
}

/**
 * Cookies that live longer than declared: the notice promises less than the truth (a session cookie persists, a
 * two-year cookie is declared 13 months). Durations above 13 months need a justification in the charter already.
 */
function longerThanDeclared(items: ClassifiedItem[]): SiteFinding[] {
  const longLived = items.flatMap(({ o, item, c }) => {
    const days = observedDays(item, o.at);
    if (!c.declared || days === undefined) return [];
    const declaredDays = c.declared.duration === 'session' ? 0 : approximateDays(duration(c.declared.duration));
    return days > declaredDays + slackDays
      ? [{ key: storageKey(item), page: o.url, value: { item, declared: c.declared, days }, setter: item.setBy }]
      : [];
  });
  return group(longLived).map((g) =>
    finding('expiry-longer-than-declared', g.first.item.name, {
      page: g.page,
      pages: g.pages.size,
      setter: g.setter,
      details: { declared: g.first.declared.duration, observed: lifetimeAsDuration(g.first.days) },
    }),
  );
}

/** Third-party hosts no recipient declares. */
function undeclaredThirdParties(
  { charter, declarations, scan, loaded }: Comparison,
  site: Charter['sites'][number] | undefined,
): SiteFinding[] {
  const own = [
    site?.domain,
    ...(site?.aliases ?? []),
    scan.startUrl ? new URL(scan.startUrl).host : undefined,
    scan.bannerOrigin ? new URL(scan.bannerOrigin).host : undefined,
  ].filter((h): h is string => !!h);
  const declaredHosts = [
    ...own,
    ...charter.recipients.flatMap((r) => r.hosts ?? []),
    ...declarations.flatMap((d) => (d.domain ? [d.domain.replace(/^\./, '')] : [])),
  ];
  const hosts = loaded.flatMap((o) =>
    [...o.thirdPartyHosts, ...o.frameHosts, ...o.pixelHosts].map((host) => ({
      key: host,
      page: o.url,
      value: { host, frame: o.frameHosts.includes(host) },
    })),
  );
  return group(hosts.filter(({ key }) => !hostCovered(key, declaredHosts))).map((g) =>
    finding('undeclared-third-party', g.first.host, {
      page: g.page,
      pages: g.pages.size,
      details: { kind: g.first.frame ? 'frame' : 'request' },
    }),
  );
}

/** A Google tag requested before Consent Mode's default: the tag ran with no consent state (CNIL, Google's set-up). */
function googleTagBeforeDefault(loaded: Observation[]): SiteFinding[] {
  const early = loaded.filter(
    (o) =>
      o.consentMode.firstGoogleTagAt !== undefined &&
      (o.consentMode.defaultAt === undefined || o.consentMode.defaultAt > o.consentMode.firstGoogleTagAt),
  );
  return group(early.map((o) => ({ key: 'google-tag', page: o.url, value: o }))).map((g) =>
    finding('google-tag-before-consent-default', g.first.consentMode.googleTagUrl ?? 'Google tag', {
      page: g.page,
      pages: g.pages.size,
      condition: g.first.condition,
    }),
  );
}

/** The banner must show before a choice when the charter asks for consent at all. */
function bannerNotShown({ charter, loaded }: Comparison): SiteFinding[] {
  if (charter.consent.categories.length === 0) return [];
  const silent = loaded.filter((o) => o.condition === 'no-choice' && !o.bannerShown);
  return group(silent.map((o) => ({ key: 'banner', page: o.url, value: o }))).map((g) =>
    finding('banner-not-shown', g.page, { page: g.page, pages: g.pages.size, condition: 'no-choice' }),
  );
}

/** Declarations the scan never saw: stale, or on pages the bounded crawl did not reach (so only information). */
function declaredNeverSeen({ declarations, loaded }: Comparison): SiteFinding[] {
  if (loaded.length === 0) return [];
  const seen = loaded.flatMap((o) => o.storage);
  return declarations
    .filter((declared) => declared.type !== 'pixel' && !seen.some((item) => covers(declared, item)))
    .map((declared) => finding('declared-never-seen', declared.name, { details: { type: declared.type } }));
}

/** Pages the browser could not observe: the scan went on without them. */
function failedPages(scan: SiteScan): SiteFinding[] {
  return group(scan.observations.filter((o) => o.error).map((o) => ({ key: o.url, page: o.url, value: o }))).map((g) =>
    finding('page-failed', g.page, { page: g.page, details: { error: g.first.error ?? '' } }),
  );
}
