/**
 * Shapes of the site scan: what the browser observed on each page in each condition, and the findings the comparison
 * with the charter draws from it. One zod source for the API's validation and OpenAPI document, the stored JSON and
 * the TypeScript types.
 */
import { z } from 'zod';

/**
 * The four fresh browser contexts each page is visited in: before any choice, after "Reject all", after "Accept all",
 * and with Global Privacy Control on (after "Accept all", so only what GPC holds back stays off).
 */
export const scanConditions = ['no-choice', 'reject-all', 'accept-all', 'gpc'] as const;
export const scanConditionSchema = z.enum(scanConditions);
export type ScanCondition = z.infer<typeof scanConditionSchema>;

export const storageTypes = ['cookie', 'local-storage', 'session-storage', 'indexed-db'] as const;

export const observedStorageSchema = z.object({
  type: z.enum(storageTypes),
  name: z.string(),
  domain: z.string().optional(),
  path: z.string().optional(),
  /** Seconds since the epoch; absent for a session cookie and for storage. */
  expires: z.number().optional(),
  secure: z.boolean().optional(),
  httpOnly: z.boolean().optional(),
  sameSite: z.string().optional(),
  /** The host whose response (Set-Cookie) or script (document.cookie) set it, where the browser tells. */
  setBy: z.string().optional(),
});
export type ObservedStorage = z.infer<typeof observedStorageSchema>;

export const pageObservationSchema = z.object({
  url: z.string(),
  condition: scanConditionSchema,
  /** Milliseconds since the epoch when the storage was read (lifetimes are measured from here). */
  at: z.number(),
  /** Why the page could not be observed (unreachable, timeout, redirect loop…); nothing else is then recorded. */
  error: z.string().optional(),
  bannerShown: z.boolean(),
  storage: z.array(observedStorageSchema),
  /** Hosts other than the site's own that the page requested anything from. */
  thirdPartyHosts: z.array(z.string()),
  /** Hosts of the frames the page loaded. */
  frameHosts: z.array(z.string()),
  /** Hosts of images that look like tracking pixels (third-party images). */
  pixelHosts: z.array(z.string()),
  /**
   * Google Consent Mode against the Google tag, as positions in the order of `dataLayer` commands (what gtag.js
   * processes in turn): the first `consent default`, the first `consent update`, the first tag command (`js`,
   * `config`, `event`, GTM's `gtm.js`). A tag command before the default ran without a consent state.
   */
  consentMode: z.object({
    defaultAt: z.number().optional(),
    updateAt: z.number().optional(),
    firstGoogleTagAt: z.number().optional(),
    googleTagUrl: z.string().optional().describe('the Google tag script requested, or the first tag command'),
  }),
});
export type PageObservation = z.infer<typeof pageObservationSchema>;

export const siteScanSchema = z.object({
  startUrl: z.string(),
  /** The origin of the consent banner's script (Charter itself), not a third party of the site. */
  bannerOrigin: z.string().optional(),
  pages: z.array(z.string()),
  observations: z.array(pageObservationSchema),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type SiteScan = z.infer<typeof siteScanSchema>;

export const findingSeverities = ['violation', 'warning', 'info'] as const;
export const findingSeveritySchema = z.enum(findingSeverities);
export type FindingSeverity = z.infer<typeof findingSeveritySchema>;

export const findingRules = [
  'storage-before-consent',
  'storage-after-reject',
  'storage-under-gpc',
  'undeclared-storage',
  'expiry-longer-than-declared',
  'undeclared-third-party',
  'google-tag-before-consent-default',
  'declared-never-seen',
  'banner-not-shown',
  'page-failed',
] as const;
export const findingRuleSchema = z.enum(findingRules);
export type FindingRule = z.infer<typeof findingRuleSchema>;

export const siteFindingSchema = z.object({
  rule: findingRuleSchema,
  severity: findingSeveritySchema,
  /** The article or guideline it rests on. */
  article: z.string(),
  /** What it is about: a cookie or key name, a host, a page. */
  subject: z.string(),
  /** The first page it was seen on, and how many pages in all. */
  page: z.string().optional(),
  pages: z.number().int().optional(),
  condition: scanConditionSchema.optional(),
  setter: z.string().optional(),
  /** Rule-specific facts: the declared and observed lifetime, the category, the error. */
  details: z.record(z.string(), z.string()).default({}),
  /** For undeclared storage: a `cookies:` fragment to paste into the charter. */
  draft: z.string().optional(),
});
export type SiteFinding = z.infer<typeof siteFindingSchema>;

/** One scan of a site as the API and the console show it; `findings` only on the single-scan answer. */
export const siteScanRecordSchema = z.object({
  id: z.uuid(),
  site: z.string(),
  trigger: z.enum(['schedule', 'api']),
  status: z.enum(['running', 'completed', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  pages: z.array(z.string()),
  violations: z.number().int(),
  warnings: z.number().int(),
  newFindings: z.number().int().describe('findings that the previous completed scan of the site did not have'),
  error: z.string().nullable(),
  findings: z.array(siteFindingSchema).optional(),
});
export type SiteScanRecord = z.infer<typeof siteScanRecordSchema>;

/** A declared site with its latest scan (`GET /api/v1/site-scans`, the console's list of sites). */
export const siteScanRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string(),
  latest: siteScanRecordSchema.nullable(),
});
export type SiteScanRow = z.infer<typeof siteScanRowSchema>;

/** `GET /api/v1/site-scans`: every declared site of the active charter with its latest scan. */
export const siteScanListSchema = z.object({ sites: z.array(siteScanRowSchema) });
