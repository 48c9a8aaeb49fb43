/**
 * Who receives data and what the sites store in browsers: recipients and their sub-processors (Art. 13(1)(e)–(f)),
 * cookies and the consent banner's categories.
 */
import { z } from 'zod';
import { durationSchema, textSchema } from './common.js';
import { countryCode, email, isoDate, slug, url } from './fields.js';

export const recipientRoles = [
  'processor',
  'sub-processor',
  'joint-controller',
  'controller',
  'public-authority',
] as const;

export const subProcessorSchema = z.strictObject({
  name: textSchema,
  country: countryCode,
  transfer: z.string().min(1).optional(),
  service: textSchema.optional(),
});

export const recipientSchema = z.strictObject({
  id: slug,
  name: textSchema.describe(
    'the recipient, or a category of recipients ("IT service providers"), per language where it differs',
  ),
  role: z.enum(recipientRoles),
  service: textSchema.describe('what they do for the organisation'),
  country: countryCode,
  transfer: z.string().min(1).optional().describe('transfer mechanism id, required outside the EEA'),
  dpaDate: isoDate.optional().describe('date the data processing agreement was signed (Art. 28(3))'),
  privacyUrl: url.optional(),
  subProcessors: z.array(subProcessorSchema).default([]),
  notifyOnErasure: z.boolean().default(true).describe('told of erasure/rectification (Art. 19)'),
  privacyContact: email
    .optional()
    .describe(
      'where Charter mails the Art. 19 notice of a rectification, erasure or restriction (the reference and what to do, no personal data)',
    ),
  store: slug
    .optional()
    .describe("the HTTP store connected to this recipient's system: calling it for a request is the Art. 19 notice"),
  hosts: z
    .array(
      z
        .string()
        .regex(
          /^([a-z0-9-]+\.)*[a-z0-9-]+(:\d+)?$/,
          'a host name such as www.googletagmanager.com (no scheme, no path)',
        ),
    )
    .optional()
    .describe(
      "host names the sites load this recipient's scripts, frames or pixels from (a host covers its sub-domains); the site scan reports other third-party hosts",
    ),
  arrangement: textSchema.optional().describe('for a joint controller: the essence of the arrangement (Art. 26(2))'),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const cookieSchema = z.strictObject({
  name: z.string().min(1),
  category: slug.describe('necessary, or a consent category id'),
  vendor: z.string().min(1).describe('"first-party" or a recipient id'),
  purpose: textSchema,
  duration: z.union([z.literal('session'), durationSchema], {
    error: 'expected "session" or an ISO 8601 duration such as P13M',
  }),
  type: z.enum(['cookie', 'local-storage', 'session-storage', 'pixel', 'indexed-db']).default('cookie'),
  domain: z.string().optional(),
  justification: textSchema.optional().describe('required for a lifetime above 13 months'),
});
export type Cookie = z.infer<typeof cookieSchema>;

export const consentModeSignals = [
  'ad_storage',
  'analytics_storage',
  'ad_user_data',
  'ad_personalization',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const;

export const consentCategorySchema = z.strictObject({
  id: slug.refine((id) => id !== 'necessary', 'necessary is always on and cannot be a consent category'),
  name: textSchema,
  description: textSchema,
  gpc: z
    .boolean()
    .default(false)
    .describe('a sale/sharing/advertising category: denied when Global Privacy Control is on'),
  googleConsentMode: z.array(z.enum(consentModeSignals)).default([]),
});
export type ConsentCategory = z.infer<typeof consentCategorySchema>;

export const consentSchema = z.strictObject({
  expiry: durationSchema.default('P6M').describe('ask again after this long (at most 13 months)'),
  categories: z.array(consentCategorySchema).default([]),
  honourGpc: z.boolean().default(true),
  googleConsentMode: z.boolean().default(false),
});
