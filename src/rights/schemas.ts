/**
 * Shapes of request input and output, one zod source for validation, types and the OpenAPI document. The privacy
 * center's form is flat (HTML forms are); `formToRequest` turns it into the same structure the API takes.
 */
import { z } from 'zod';
import { notificationChannels, notificationStates } from './recipients.js';
import { languageSchema, requestTypes } from '../charter/schema.js';
import { refusalReasons, requestChannels, requestStates, restrictionGrounds } from './workflow.js';

export const identityTypes = ['email', 'phone', 'customer-number', 'account-id'] as const;

const freeText = (max: number) => z.string().trim().max(max);

export const identitySchema = z.object({
  type: z.enum(identityTypes),
  value: z.string().trim().min(1, 'required').max(254),
});

export const detailsSchema = z.strictObject({
  rectification: z
    .strictObject({
      category: z.string().max(100).optional(),
      desired: freeText(2000).min(1, 'required'),
      current: freeText(2000).optional(),
    })
    .optional(),
  restriction: z
    .strictObject({ ground: z.enum(restrictionGrounds), explanation: freeText(2000).optional() })
    .optional(),
  objection: z
    .strictObject({
      kind: z.enum(['direct-marketing', 'legitimate-interest']),
      purpose: z.string().max(100).optional(),
      explanation: freeText(4000).optional(),
    })
    .optional(),
  withdrawal: z.strictObject({ purpose: z.string().min(1).max(100) }).optional(),
  message: freeText(4000).optional(),
});

/** A request entered through the API or the console (post, phone, counter, email). */
export const createRequestSchema = z.strictObject({
  site: z.string().min(1).max(100),
  type: z.enum(requestTypes),
  channel: z.enum(requestChannels).describe('how the request arrived; `web` is the privacy center'),
  language: languageSchema.optional(),
  identity: identitySchema,
  contact: z
    .email()
    .max(254)
    .optional()
    .describe('a contact the requester gave besides the identity: recorded, never used for codes or data'),
  details: detailsSchema.default({}),
});
export type CreateRequestInput = z.infer<typeof createRequestSchema>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** The privacy center's form, as posted (application/x-www-form-urlencoded). */
export const requestFormSchema = z.object({
  type: z.enum(requestTypes, { error: 'choose' }),
  identityType: z.enum(identityTypes, { error: 'choose' }),
  identity: z.string({ error: 'required' }).trim().min(1, 'required').max(254),
  contact: z.union([z.literal(''), z.email({ error: 'email' }).max(254)]).optional(),
  category: optionalText(100),
  desired: optionalText(2000),
  ground: z.union([z.literal(''), z.enum(restrictionGrounds)]).optional(),
  objectionKind: z.union([z.literal(''), z.enum(['direct-marketing', 'legitimate-interest'])]).optional(),
  objectionPurpose: optionalText(100),
  withdrawalPurpose: optionalText(100),
  explanation: optionalText(4000),
  message: optionalText(4000),
  lang: z.string().max(10).optional(),
});
export type RequestForm = z.infer<typeof requestFormSchema>;

export const codeFormSchema = z.object({ code: z.string().max(40).default(''), lang: z.string().max(10).optional() });

export const refuseSchema = z.strictObject({
  reason: z.enum(refusalReasons),
  explanation: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .describe('told to the requester with the right to complain (Art. 12(4))'),
});
export const extendSchema = z.strictObject({
  reason: z.string().trim().min(10, 'give the reason the requester will read').max(2000),
});
export const overrideSchema = z.strictObject({
  reason: z.string().trim().min(10, 'say how the identity was checked').max(2000),
});
export const changesSchema = z.strictObject({
  changes: z
    .array(
      z.strictObject({
        store: z.string().min(1),
        table: z.string().min(1),
        column: z.string().min(1),
        value: z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
      }),
    )
    .min(1)
    .max(100),
});

export const requestFilterSchema = z.object({
  state: z.union([z.enum(requestStates), z.array(z.enum(requestStates))]).optional(),
  type: z.union([z.enum(requestTypes), z.array(z.enum(requestTypes))]).optional(),
  site: z.string().max(100).optional(),
  dueBefore: z.iso.date().optional().describe('requests due on or before this day'),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** What staff see of a request: the identity masked, never the contacts in clear. */
export const requestSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  site: z.string(),
  type: z.enum(requestTypes),
  state: z.enum(requestStates),
  channel: z.enum(requestChannels),
  language: z.string(),
  identityType: z.string(),
  identity: z.string().describe('masked'),
  identityKnown: z.boolean().nullable(),
  contacts: z.array(z.string()).describe('masked addresses the code went to'),
  verificationLevel: z.string(),
  receivedAt: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  daysLeft: z.number(),
  extended: z.boolean(),
  verifiedAt: z.string().nullable(),
  executeAfter: z.string().nullable(),
  closedAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
});

export const requestDetailSchema = requestSummarySchema.extend({
  details: z.record(z.string(), z.unknown()),
  declaredContact: z.string().nullable(),
  extensionReason: z.string().nullable(),
  refusalExplanation: z.string().nullable(),
  overrideRequestedBy: z.string().nullable(),
  overrideReason: z.string().nullable(),
  approvedBy: z.string().nullable(),
  plan: z.unknown(),
  result: z.unknown(),
  changes: z.unknown(),
  lastError: z.string().nullable(),
  attempts: z.number(),
  packages: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      expiresAt: z.string(),
      size: z.number(),
      downloadedAt: z.string().nullable(),
      deletedAt: z.string().nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      kind: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  /** Art. 19: each recipient to tell of a rectification, erasure or restriction; `pending` ones are the officer's tasks. */
  notifications: z.array(
    z.object({
      recipient: z.string(),
      name: z.string(),
      channel: z
        .enum(notificationChannels)
        .describe(
          'store: its connected system was called; mail: a notice to its privacy contact; officer: told by the privacy officer',
        ),
      state: z.enum(notificationStates),
      createdAt: z.string(),
      doneAt: z.string().nullable(),
      doneBy: z.string().nullable(),
    }),
  ),
});

export const notificationMarkSchema = z.strictObject({
  done: z.boolean().describe('true once the recipient was told; false to reopen the task'),
});

/** The requests inbox: the matching requests, with the overdue and due-this-week counts of the whole inbox. */
export const requestInboxSchema = z.object({
  total: z.number(),
  overdue: z.number(),
  dueWithin7Days: z.number(),
  requests: z.array(requestSummarySchema),
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;
export type RequestInbox = z.infer<typeof requestInboxSchema>;
export type RequestDetail = z.infer<typeof requestDetailSchema>;
