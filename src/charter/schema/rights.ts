/**
 * How people exercise their rights (Art. 15–22), children (Art. 8), and for a processor the controllers it serves
 * (Art. 28, 30(2)).
 */
import { z } from 'zod';
import { addressSchema, durationSchema, textSchema } from './common.js';
import { countryCode, email, slug } from './fields.js';
import { retentionAnchors } from './purposes.js';

export const requestTypes = [
  'access',
  'portability',
  'rectification',
  'erasure',
  'restriction',
  'objection',
  'withdrawal',
] as const;
export const requestTypeSchema = z.enum(requestTypes);
export const verificationLevels = ['code', 'code-and-confirm', 'account'] as const;
export type RequestType = z.infer<typeof requestTypeSchema>;

export const rightsSchema = z.strictObject({
  channels: z
    .strictObject({
      web: z.boolean().default(true),
      email: email.optional(),
      post: addressSchema.optional(),
      phone: z.string().optional(),
    })
    .default({ web: true }),
  identities: z
    .array(z.enum(['email', 'phone', 'customer-number', 'account-id']))
    .default(['email'])
    .describe('what a requester may identify with'),
  verification: z
    .partialRecord(requestTypeSchema, z.enum(verificationLevels))
    .default({})
    .describe('per request type; defaults: code, and code-and-confirm for erasure'),
  erasureGracePeriod: durationSchema.default('P7D'),
  approval: z
    .array(requestTypeSchema)
    .default([])
    .describe('request types a privacy officer approves before execution'),
  exportExpiry: durationSchema.default('P7D'),
});

export const childrenSchema = z.strictObject({
  collects: z.boolean().default(false).describe('whether the services are offered to children'),
  minimumAge: z
    .record(countryCode, z.number().int().min(13).max(18))
    .default({})
    .describe('overrides of the Art. 8 minimum ages per country'),
  policy: textSchema.optional(),
});

export const processorCustomerSchema = z.strictObject({
  id: slug,
  name: z.string().min(1).describe('a customer type or a named controller'),
  contact: z
    .string()
    .optional()
    .describe(
      "the controller's privacy contact: an email address is told of requests about its data (Art. 28(3)(e)); otherwise the privacy officer is",
    ),
  processing: textSchema.describe('the categories of processing carried out for them (Art. 30(2)(b))'),
  data: z.array(z.string().min(1)).min(1),
  retention: z
    .strictObject({
      minimum: durationSchema.optional().describe("the customer's instruction: kept at least this long"),
      maximum: durationSchema.describe("the customer's instruction: deleted after at most this long"),
      // Optional without a default, so that charters written before these fields keep their revision.
      from: z
        .enum(retentionAnchors)
        .optional()
        .describe("the event the period runs from (default collection; the table's `anchor` column holds its date)"),
      action: z.enum(['delete', 'anonymise']).optional().describe('default delete'),
    })
    .optional()
    .describe(
      "the customer's retention instructions, executed by the retention engine on every table processed for them",
    ),
  recipients: z.array(slug).default([]),
});
export type ProcessorCustomer = z.infer<typeof processorCustomerSchema>;
