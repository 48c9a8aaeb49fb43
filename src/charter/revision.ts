/**
 * Revisions: the revision is the SHA-256 of the charter's canonical form (keys sorted, defaults applied), so the same
 * declaration always has the same revision whatever its formatting. The consent revision hashes only what a visitor
 * consents to (categories, cookies and their vendors, the controller), so fixing a typo in a purpose description does
 * not ask every visitor again.
 */
import { createHash } from 'node:crypto';
import type { Charter } from './schema.js';

/** JSON with object keys sorted at every level; arrays keep their order (order is meaning in a charter). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The revision of a whole charter: 64 hex characters. */
export function charterRevision(charter: Charter): string {
  return sha256(canonicalJson(charter));
}

/** What a visitor's consent depends on, for one site (sites may use a subset of the cookies). */
export function consentScope(charter: Charter, siteId?: string) {
  const site = charter.sites.find((s) => s.id === siteId);
  const cookies = site?.cookies ? charter.cookies.filter((c) => site.cookies?.includes(c.name)) : charter.cookies;
  const vendors = new Set(cookies.map((c) => c.vendor));
  return {
    controller: charter.organisation.legalName,
    categories: charter.consent.categories,
    expiry: charter.consent.expiry,
    honourGpc: charter.consent.honourGpc,
    cookies,
    vendors: charter.recipients
      .filter((r) => vendors.has(r.id))
      .map((r) => ({ id: r.id, name: r.name, country: r.country, transfer: r.transfer })),
  };
}

/** The consent revision for a site: 16 hex characters, short enough for a cookie. */
export function consentRevision(charter: Charter, siteId?: string): string {
  return sha256(canonicalJson(consentScope(charter, siteId))).slice(0, 16);
}
