/**
 * The charter: one zod source for the shape of charter.yaml. Types, the JSON Schema (`charter schema`) and the
 * OpenAPI components all come from here. Cross-references (a purpose naming a recipient, a table naming a rule)
 * are checked in `references.ts` so that this file stays a plain description of the shape.
 *
 * Each part of the declaration has its module in `schema/` (organisation and sites, purposes and retention,
 * recipients and consent, rights, stores, statements); this file composes them into `charterSchema` and re-exports
 * every part, so `./schema.js` stays the one import for the charter's shape.
 */
import { z } from 'zod';
import { languageSchema } from './schema/common.js';
import { isoDate } from './schema/fields.js';
import { dataCategorySchema, organisationSchema, siteSchema, subjectSchema } from './schema/organisation.js';
import { holdSchema, purposeSchema } from './schema/purposes.js';
import { consentSchema, cookieSchema, recipientSchema } from './schema/recipients.js';
import { childrenSchema, processorCustomerSchema, rightsSchema } from './schema/rights.js';
import { statementsSchema } from './schema/statements.js';
import { storeSchema } from './schema/stores.js';

export * from './schema/common.js';
export * from './schema/organisation.js';
export * from './schema/purposes.js';
export * from './schema/recipients.js';
export * from './schema/rights.js';
export * from './schema/statements.js';
export * from './schema/stores.js';

export const charterSchema = z.strictObject({
  charter: z.literal(1).describe('format version'),
  organisation: organisationSchema,
  languages: z.array(languageSchema).min(1),
  defaultLanguage: languageSchema.optional(),
  lastUpdated: isoDate.optional(),
  sites: z.array(siteSchema).min(1),
  subjects: z.array(subjectSchema).min(1),
  data: z.array(dataCategorySchema).default([]),
  purposes: z.array(purposeSchema).min(1),
  holds: z.array(holdSchema).default([]),
  recipients: z.array(recipientSchema).default([]),
  cookies: z.array(cookieSchema).default([]),
  consent: consentSchema.default({ expiry: 'P6M', categories: [], honourGpc: true, googleConsentMode: false }),
  stores: z.array(storeSchema).default([]),
  rights: rightsSchema.default({
    channels: { web: true },
    identities: ['email'],
    verification: {},
    erasureGracePeriod: 'P7D',
    approval: [],
    exportExpiry: 'P7D',
  }),
  children: childrenSchema.default({ collects: false, minimumAge: {} }),
  customers: z.array(processorCustomerSchema).default([]).describe('for a processor: the controllers it serves'),
  statements: statementsSchema.optional(),
});

/** A charter after parsing and defaults. */
export type Charter = z.infer<typeof charterSchema>;
/** A charter as written in YAML, before defaults. */
export type CharterInput = z.input<typeof charterSchema>;
