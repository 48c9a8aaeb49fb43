/**
 * Pure rules of the consent ledger: the shape of a posted choice, what makes it acceptable for a site's current
 * consent revision, receipt ids that carry their own timestamp, and the coarse facts kept about the request (page
 * without query string, browser family). No I/O here.
 */
import { randomFillSync } from 'node:crypto';
import { z } from 'zod';
import type { ErrorDetail } from '../platform/errors.js';

export const consentMethods = ['accept-all', 'reject-all', 'custom', 'gpc', 'withdraw', 'expiry'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/** The body of `POST /api/v1/consent` (the contract with the banner). */
export const consentPostSchema = z.strictObject({
  site: z.string().min(1).max(100),
  visitor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, '16 to 64 characters: letters, digits, "_" or "-"')
    .describe('pseudonymous visitor id (random, kept in a first-party cookie)'),
  revision: z.string().regex(/^[0-9a-f]{16}$/, 'the consent revision: 16 hexadecimal characters'),
  language: z.string().regex(/^[a-z]{2}$/, 'a language code such as nl'),
  method: z.enum(consentMethods),
  choices: z.record(z.string().max(100), z.boolean()).describe('every consent category of the revision: true or false'),
  gpc: z.boolean().describe('Global Privacy Control was on'),
  url: z
    .string()
    .max(2048)
    .transform((value, context) => {
      const page = pageUrl(value);
      if (page === undefined) context.addIssue({ code: 'custom', message: 'an absolute http(s) URL' });
      return page ?? '';
    })
    .describe('the page the choice was made on; the query string and fragment are dropped'),
});
/** A checked post; `url` is already stripped of its query string and fragment. */
export type ConsentPost = z.infer<typeof consentPostSchema>;

export const consentReceiptResponseSchema = z.object({
  receipt: z.string().describe('receipt id; keep it to show the visitor what they chose'),
  recordedAt: z.string().describe('server timestamp (ISO 8601)'),
});

/** The page URL without query string and fragment, or undefined for anything but an absolute http(s) URL. */
export function pageUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // Query strings and fragments often carry identifiers (campaign ids, emails, tokens): never stored.
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * Checks the choices against the categories of the site's revision and the method against the choices. Returns the
 * problems, each with its field path; an empty list means the record may be stored.
 */
export function checkChoices(
  categoryIds: readonly string[],
  post: Pick<ConsentPost, 'choices' | 'method' | 'gpc'>,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const known = new Set(categoryIds);
  for (const id of Object.keys(post.choices)) {
    if (!known.has(id)) problems.push({ path: `body.choices.${id}`, message: `unknown consent category "${id}"` });
  }
  for (const id of categoryIds) {
    if (post.choices[id] === undefined) {
      problems.push({ path: `body.choices.${id}`, message: 'missing: every category is recorded, denied ones too' });
    }
  }
  if (problems.length > 0) return problems;
  const values = categoryIds.map((id) => post.choices[id]);
  if (post.method === 'accept-all' && values.some((v) => !v)) {
    problems.push({ path: 'body.method', message: 'accept-all grants every category' });
  }
  if (post.method === 'reject-all' && values.some(Boolean)) {
    problems.push({ path: 'body.method', message: 'reject-all denies every category' });
  }
  if (post.method === 'gpc' && !post.gpc) {
    problems.push({ path: 'body.gpc', message: 'the gpc method means Global Privacy Control was on' });
  }
  return problems;
}

/** Origins a site's pages are served from: https and http on its domain and every alias. */
export function siteOrigins(site: { domain: string; aliases?: string[] | undefined }): string[] {
  return [site.domain, ...(site.aliases ?? [])].flatMap((host) => [`https://${host}`, `http://${host}`]);
}

/** A coarse browser family and a mobile flag; nothing finer, so the user agent cannot single anyone out. */
export function userAgentFamily(userAgent: string | undefined): {
  family: 'chrome' | 'firefox' | 'safari' | 'edge' | 'other';
  mobile: boolean;
} {
  const ua = userAgent ?? '';
  const mobile = /Mobi|Android|iPhone|iPad|iPod/.test(ua);
  // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
  if (/Edg(e|A|iOS)?\//.test(ua)) return { family: 'edge', mobile };
  if (/OPR\/|Opera|SamsungBrowser|YaBrowser|Vivaldi/.test(ua)) return { family: 'other', mobile };
  if (/Firefox\/|FxiOS\//.test(ua)) return { family: 'firefox', mobile };
  if (/Chrome\/|CriOS\/|Chromium\//.test(ua)) return { family: 'chrome', mobile };
  if (/Safari\//.test(ua) && /Version\//.test(ua)) return { family: 'safari', mobile };
  return { family: 'other', mobile };
}

// Receipt ids: 10 characters of millisecond time and 16 of randomness (80 bits), Crockford base32 — sortable, and
// the time prefix tells which month partition holds the record, so a lookup by receipt touches one partition.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomPool = Buffer.alloc(4096);
let poolOffset = randomPool.length;

function randomBytesFromPool(count: number): Buffer {
  if (poolOffset + count > randomPool.length) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  const bytes = randomPool.subarray(poolOffset, poolOffset + count);
  poolOffset += count;
  return bytes;
}

/** A new receipt id for a record made at `at`. */
export function newReceiptId(at: Date): string {
  let time = at.getTime();
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = alphabet[time % 32] + out;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytesFromPool(10);
  // 80 random bits as 16 base32 characters (5 bits each).
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

export const receiptIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** 9999-12-31T23:59:59.999Z: the last instant a receipt id may name. */
const maxReceiptTime = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The timestamp encoded in a receipt id, or undefined for a malformed id. */
export function receiptTime(receiptId: string): Date | undefined {
  if (!receiptIdPattern.test(receiptId)) return undefined;
  let time = 0;
  for (const char of receiptId.slice(0, 10)) time = time * 32 + alphabet.indexOf(char);
  // Ten base-32 characters reach the year 37,000; past 9999 no receipt was ever issued, and the database refuses
  // such a timestamp (a 500 before this check).
  if (time > maxReceiptTime) return undefined;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The first day of the UTC month of `at`, as YYYY-MM-01. */
export function monthOf(at: Date): string {
  return `${at.toISOString().slice(0, 7)}-01`;
}
