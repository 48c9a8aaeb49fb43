/**
 * The shipped catalog of well-known cookies and storage keys: name pattern, vendor, the category the vendor's own
 * documentation gives it, and its usual lifetime. Written by us from the vendors' public documentation (facts, not
 * their text). Used by the site scan (draft `cookies:` fragments for undeclared storage) and by two lint rules (a
 * tracking cookie declared strictly necessary; a declared lifetime shorter than the vendor sets).
 *
 * Lifetimes use the charter's format ("session" or an ISO 8601 duration of years/months/weeks/days). The charter has
 * no hours, so a cookie that lives 30 minutes is written P1D: an upper bound, never a promise shorter than the truth.
 */
import { approximateDays, duration } from '../charter/duration.js';

/** What the vendor's documentation says the item is for; `necessary` is the only one that needs no consent. */
export type CatalogCategory = 'necessary' | 'functional' | 'analytics' | 'advertising';
export type StorageType = 'cookie' | 'local-storage' | 'session-storage' | 'indexed-db';

export interface CatalogEntry {
  /** An exact name, or a prefix followed by `*` (`_ga_*` covers `_ga_ABC123`). */
  pattern: string;
  vendor: string;
  category: CatalogCategory;
  /** "session" or an ISO 8601 duration. */
  lifetime: string;
  /** Storage kinds the name is used for (default: cookie). */
  types?: readonly StorageType[];
  /** The site chooses the lifetime (Charter's own cookies follow `consent.expiry`): no usual one to compare with. */
  configurable?: true;
}

export interface CatalogVendor {
  name: string;
  /** Registrable domains the vendor serves from; a host matches the domain or any sub-domain of it. */
  hosts: readonly string[];
}

const cookie = (
  pattern: string,
  vendor: string,
  category: CatalogCategory,
  lifetime: string,
  types?: readonly StorageType[],
): CatalogEntry => (types ? { pattern, vendor, category, lifetime, types } : { pattern, vendor, category, lifetime });

/** Well-known cookies and storage keys. Order matters only where patterns overlap: the first match wins. */
export const cookieCatalog: readonly CatalogEntry[] = [
  // Charter's own banner: the choice and the pseudonymous id of its ledger entry.
  { pattern: 'charter_consent', vendor: 'Charter', category: 'necessary', lifetime: 'P13M', configurable: true },
  { pattern: 'charter_visitor', vendor: 'Charter', category: 'necessary', lifetime: 'P13M', configurable: true },
  // Google Analytics 4 (gtag.js): client id two years, session state per property.
  cookie('_ga', 'Google Analytics', 'analytics', 'P2Y'),
  cookie('_ga_*', 'Google Analytics', 'analytics', 'P2Y'),
  cookie('_gid', 'Google Analytics', 'analytics', 'P1D'),
  cookie('_gat', 'Google Analytics', 'analytics', 'P1D'),
  cookie('_gat_*', 'Google Analytics', 'analytics', 'P1D'),
  // Google Ads and DoubleClick: conversion linker 90 days, IDE 13 months in the EEA.
  cookie('_gcl_au', 'Google Ads', 'advertising', 'P90D'),
  cookie('_gcl_aw', 'Google Ads', 'advertising', 'P90D'),
  cookie('_gcl_dc', 'Google Ads', 'advertising', 'P90D'),
  cookie('IDE', 'Google Ads', 'advertising', 'P13M'),
  cookie('test_cookie', 'Google Ads', 'advertising', 'P1D'),
  cookie('DSID', 'Google Ads', 'advertising', 'P14D'),
  cookie('NID', 'Google', 'advertising', 'P6M'),
  // Meta pixel.
  cookie('_fbp', 'Meta', 'advertising', 'P90D'),
  cookie('_fbc', 'Meta', 'advertising', 'P90D'),
  cookie('fr', 'Meta', 'advertising', 'P90D'),
  // LinkedIn Insight tag.
  cookie('li_sugr', 'LinkedIn', 'advertising', 'P90D'),
  cookie('bcookie', 'LinkedIn', 'advertising', 'P1Y'),
  cookie('lidc', 'LinkedIn', 'advertising', 'P1D'),
  cookie('UserMatchHistory', 'LinkedIn', 'advertising', 'P30D'),
  cookie('AnalyticsSyncHistory', 'LinkedIn', 'advertising', 'P30D'),
  cookie('li_fat_id', 'LinkedIn', 'advertising', 'P30D'),
  cookie('lms_ads', 'LinkedIn', 'advertising', 'P30D'),
  cookie('lms_analytics', 'LinkedIn', 'analytics', 'P30D'),
  // Hotjar: user id one year, session 30 minutes; the same names are also kept in localStorage.
  cookie('_hjSessionUser_*', 'Hotjar', 'analytics', 'P1Y', ['cookie', 'local-storage']),
  cookie('_hjSession_*', 'Hotjar', 'analytics', 'P1D', ['cookie', 'session-storage']),
  cookie('_hjTLDTest', 'Hotjar', 'analytics', 'session'),
  cookie('_hjIncludedInSessionSample_*', 'Hotjar', 'analytics', 'P1D'),
  // Matomo: visitor id 13 months, session 30 minutes, referrer 6 months.
  cookie('_pk_id.*', 'Matomo', 'analytics', 'P13M'),
  cookie('_pk_ses.*', 'Matomo', 'analytics', 'P1D'),
  cookie('_pk_ref.*', 'Matomo', 'analytics', 'P6M'),
  cookie('_pk_cvar.*', 'Matomo', 'analytics', 'P1D'),
  cookie('_pk_hsr.*', 'Matomo', 'analytics', 'P1D'),
  // Microsoft Clarity and Microsoft Advertising (UET): MUID and _uetvid live 390 days.
  cookie('_clck', 'Microsoft Clarity', 'analytics', 'P1Y'),
  cookie('_clsk', 'Microsoft Clarity', 'analytics', 'P1D'),
  cookie('CLID', 'Microsoft Clarity', 'analytics', 'P1Y'),
  cookie('MUID', 'Microsoft', 'advertising', 'P390D'),
  cookie('_uetsid', 'Microsoft Advertising', 'advertising', 'P1D', ['cookie', 'local-storage']),
  cookie('_uetvid', 'Microsoft Advertising', 'advertising', 'P390D', ['cookie', 'local-storage']),
  // HubSpot tracking code: visitor 6 months, session 30 minutes; its opt-out and preference cookies are necessary.
  cookie('hubspotutk', 'HubSpot', 'analytics', 'P6M'),
  cookie('__hstc', 'HubSpot', 'analytics', 'P6M'),
  cookie('__hssc', 'HubSpot', 'analytics', 'P1D'),
  cookie('__hssrc', 'HubSpot', 'analytics', 'session'),
  cookie('__hs_opt_out', 'HubSpot', 'necessary', 'P6M'),
  cookie('__hs_do_not_track', 'HubSpot', 'necessary', 'P6M'),
  cookie('__hs_cookie_cat_pref', 'HubSpot', 'necessary', 'P6M'),
  // YouTube embeds (also on youtube-nocookie.com, which still uses localStorage and IndexedDB).
  cookie('YSC', 'YouTube', 'advertising', 'session'),
  cookie('VISITOR_INFO1_LIVE', 'YouTube', 'advertising', 'P6M'),
  cookie('VISITOR_PRIVACY_METADATA', 'YouTube', 'advertising', 'P6M'),
  cookie('PREF', 'YouTube', 'functional', 'P8M'),
  cookie('yt-remote-*', 'YouTube', 'functional', 'session', ['local-storage', 'session-storage']),
  cookie('ytidb::*', 'YouTube', 'functional', 'session', ['local-storage']),
  cookie('yt-player-*', 'YouTube', 'functional', 'session', ['local-storage', 'session-storage']),
  // Vimeo player.
  cookie('vuid', 'Vimeo', 'analytics', 'P2Y'),
  cookie('player', 'Vimeo', 'functional', 'P1Y'),
  // Stripe: fraud prevention, which Stripe and the authorities treat as strictly necessary for a payment.
  cookie('__stripe_mid', 'Stripe', 'necessary', 'P1Y'),
  cookie('__stripe_sid', 'Stripe', 'necessary', 'P1D'),
  cookie('m', 'Stripe', 'necessary', 'P2Y'),
  // Cloudflare: bot management 30 minutes, rate limiting per session, challenge clearance.
  cookie('__cf_bm', 'Cloudflare', 'necessary', 'P1D'),
  cookie('_cfuvid', 'Cloudflare', 'necessary', 'session'),
  { pattern: 'cf_clearance', vendor: 'Cloudflare', category: 'necessary', lifetime: 'P1Y', configurable: true },
  // TikTok and Pinterest pixels.
  cookie('_ttp', 'TikTok', 'advertising', 'P13M'),
  cookie('_pin_unauth', 'Pinterest', 'advertising', 'P1Y'),
  // Consent platforms: the stored choice itself is necessary.
  cookie('CookieConsent', 'Cookiebot', 'necessary', 'P1Y'),
  cookie('OptanonConsent', 'OneTrust', 'necessary', 'P1Y'),
  cookie('OptanonAlertBoxClosed', 'OneTrust', 'necessary', 'P1Y'),
  cookie('cc_cookie', 'CookieConsent (orestbida)', 'necessary', 'P6M'),
  // Framework session and anti-forgery cookies.
  cookie('PHPSESSID', 'PHP', 'necessary', 'session'),
  cookie('JSESSIONID', 'Java servlet', 'necessary', 'session'),
  cookie('ASP.NET_SessionId', 'ASP.NET', 'necessary', 'session'),
  cookie('connect.sid', 'Express', 'necessary', 'session'),
  cookie('laravel_session', 'Laravel', 'necessary', 'P1D'),
  cookie('XSRF-TOKEN', 'Laravel / Angular', 'necessary', 'P1D'),
  cookie('csrftoken', 'Django', 'necessary', 'P1Y'),
  cookie('sessionid', 'Django', 'necessary', 'P14D'),
  cookie('wordpress_logged_in_*', 'WordPress', 'necessary', 'session'),
  cookie('wordpress_test_cookie', 'WordPress', 'necessary', 'session'),
  cookie('wp-settings-*', 'WordPress', 'functional', 'P1Y'),
];

/** Vendors by the hosts they serve from, to name the third party behind a request. */
export const vendorHosts: readonly CatalogVendor[] = [
  { name: 'Google Analytics', hosts: ['google-analytics.com', 'analytics.google.com'] },
  { name: 'Google Tag Manager', hosts: ['googletagmanager.com'] },
  { name: 'Google Ads', hosts: ['doubleclick.net', 'googleadservices.com', 'googlesyndication.com'] },
  { name: 'YouTube', hosts: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com'] },
  { name: 'Meta', hosts: ['facebook.com', 'facebook.net'] },
  { name: 'LinkedIn', hosts: ['linkedin.com', 'licdn.com'] },
  { name: 'Hotjar', hosts: ['hotjar.com', 'hotjar.io'] },
  { name: 'Matomo', hosts: ['matomo.cloud'] },
  { name: 'Microsoft Clarity', hosts: ['clarity.ms'] },
  { name: 'Microsoft Advertising', hosts: ['bat.bing.com'] },
  { name: 'HubSpot', hosts: ['hs-scripts.com', 'hs-analytics.net', 'hubspot.com', 'hsforms.com', 'hs-banner.com'] },
  { name: 'Vimeo', hosts: ['vimeo.com', 'vimeocdn.com'] },
  { name: 'Stripe', hosts: ['stripe.com', 'stripe.network'] },
  { name: 'Cloudflare', hosts: ['cloudflare.com', 'cloudflareinsights.com'] },
  { name: 'TikTok', hosts: ['tiktok.com', 'analytics.tiktok.com'] },
  { name: 'Pinterest', hosts: ['pinterest.com', 'pinimg.com'] },
];

/** Whether a name matches a pattern: exact, or a prefix when the pattern ends in `*`. */
export function matchesPattern(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/**
 * The catalog entry for a name of the given storage kind. A declared name may itself be a pattern (`_ga_*`): it
 * matches the catalog entry with the same pattern, or the entry its prefix falls under.
 */
export function findCatalogEntry(name: string, type: StorageType | 'pixel' = 'cookie'): CatalogEntry | undefined {
  return cookieCatalog.find(
    (entry) =>
      (entry.types ?? ['cookie']).includes(type as StorageType) &&
      (entry.pattern === name || matchesPattern(entry.pattern, name.replace(/\*$/, ''))),
  );
}

/** The vendor serving a host, when the catalog knows it. */
export function findVendorByHost(host: string): CatalogVendor | undefined {
  const lower = host.toLowerCase();
  return vendorHosts.find((vendor) => vendor.hosts.some((h) => lower === h || lower.endsWith(`.${h}`)));
}

/** A lifetime ("session" or ISO 8601) in approximate days; a session lasts 0 days. */
export function lifetimeDays(lifetime: string): number {
  return lifetime === 'session' ? 0 : approximateDays(duration(lifetime));
}
