/**
 * Why data is processed: legal bases (Art. 6(1)), retention rules (Art. 13(2)(a)), sources (Art. 14(2)(f)), the
 * purposes themselves and the legal holds that keep data beyond a rule.
 */
import { z } from 'zod';
import { durationSchema, textSchema } from './common.js';
import { slug } from './fields.js';

export const legalBases = [
  'consent',
  'contract',
  'legal-obligation',
  'vital-interests',
  'public-task',
  'legitimate-interests',
] as const;
export const legalBasisSchema = z.enum(legalBases);
export type LegalBasis = z.infer<typeof legalBasisSchema>;

export const retentionAnchors = [
  'collection',
  'end-of-contract',
  'last-contact',
  'receipt',
  'end-of-legal-period',
  'consent-withdrawn',
  'event',
] as const;

/**
 * Art. 13(2)(a) asks for "the period … or if that is not possible, the criteria used to determine that period". A
 * rule is therefore one of three: a `duration` from an event (executable); `criteria` in words with the event they
 * run from and an optional `review` period (stated honestly, executed by nobody); or `notDecided: true` (a lint
 * warning, so that no period is ever invented to fill the format). `references.ts` checks that exactly one is given.
 */
export const retentionRuleSchema = z
  .strictObject({
    duration: durationSchema
      .optional()
      .describe('how long the data is kept after `from` (required for a rule a store executes)'),
    from: z.enum(retentionAnchors).optional().describe('the event the period runs from (with a duration or criteria)'),
    criteria: textSchema
      .optional()
      .describe(
        'instead of a duration: the criteria that determine the period, e.g. "as long as the contract lasts, then the legal period"',
      ),
    review: durationSchema.optional().describe('with criteria: how often we review whether the data is still needed'),
    notDecided: z
      .literal(true)
      .optional()
      .describe('the period is not decided yet: the notice says so and lint warns, instead of an invented period'),
    event: textSchema.optional().describe('describes the event when from: event'),
    action: z.enum(['delete', 'anonymise']).default('delete'),
    minimum: durationSchema.optional().describe('kept at least this long (e.g. the customer may delete earlier)'),
    renewableByConsent: z.boolean().default(false).describe('a fresh consent restarts the period (direct marketing)'),
    holds: z.array(slug).default([]).describe('legal holds that keep data beyond this rule'),
    description: textSchema.optional(),
  })
  .superRefine((rule, context) => {
    // A shape error, so that it is reported with the others: a rule that says nothing cannot be read at all.
    if (rule.duration === undefined && rule.criteria === undefined && rule.notDecided === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['duration'],
        message:
          'required: a duration with the event it runs from (duration, from), the criteria that determine the period (criteria, from), or notDecided: true',
      });
    }
  });
export type RetentionRule = z.infer<typeof retentionRuleSchema>;
export type RetentionAnchor = (typeof retentionAnchors)[number];
/** A rule with a fixed period: the only kind a retention sweep can execute. */
export type PeriodRetentionRule = RetentionRule & { duration: string; from: RetentionAnchor };

/** Which of the three kinds of retention rule this is (see `retentionRuleSchema`). */
export function retentionKind(
  rule: Pick<RetentionRule, 'duration' | 'from' | 'criteria'>,
): 'period' | 'criteria' | 'not-decided' {
  if (rule.duration !== undefined && rule.from !== undefined) return 'period';
  if (rule.criteria !== undefined) return 'criteria';
  return 'not-decided';
}

/** Whether the rule states a duration from an event, so that it can be executed. */
export function hasPeriod<T extends Pick<RetentionRule, 'duration' | 'from' | 'criteria'>>(
  rule: T,
): rule is T & { duration: string; from: RetentionAnchor } {
  return retentionKind(rule) === 'period';
}

/**
 * One source of a purpose's data (Art. 14(2)(f)). In a list, `data` and `subjects` say which part of the purpose's
 * data comes from it; absent, the source covers all of it. `references.ts` checks they belong to the purpose.
 */
export const sourceSchema = z.strictObject({
  kind: z
    .enum(['subject', 'third-party', 'public'])
    .describe('subject: from the person; third-party: from someone else; public: publicly accessible sources'),
  description: textSchema
    .optional()
    .describe('which source, in the organisation\'s words (e.g. "the customer that employs you")'),
  data: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe('the data categories of the purpose that come from this source (default: all)'),
  subjects: z
    .array(slug)
    .min(1)
    .optional()
    .describe('the subjects of the purpose whose data come from this source (default: all)'),
});
export type Source = z.infer<typeof sourceSchema>;

export const purposeSchema = z.strictObject({
  id: slug,
  name: textSchema,
  description: textSchema,
  legalBasis: legalBasisSchema,
  legitimateInterest: textSchema
    .optional()
    .describe('required when legalBasis is legitimate-interests (Art. 13(1)(d))'),
  legalObligation: textSchema.optional().describe('the law that requires it, for legal-obligation'),
  subjects: z.array(slug).min(1),
  data: z.array(z.string().min(1)).min(1),
  recipients: z.array(slug).default([]),
  source: z
    .union([sourceSchema, z.array(sourceSchema).min(1, 'give at least one source')], {
      error: 'expected a source {kind, description}, or a list of them each with the data and subjects it covers',
    })
    .default({ kind: 'subject' })
    .describe(
      'where the data comes from (Art. 14(2)(f)): one source, or several ("the representatives\' data come from the customer, the rest from the person")',
    ),
  requirement: z
    .strictObject({
      kind: z.enum(['none', 'statutory', 'contractual', 'contract-prerequisite']),
      consequence: textSchema.optional().describe('what happens if the person does not provide the data'),
    })
    .default({ kind: 'none' }),
  automatedDecisions: z
    .strictObject({ exists: z.boolean(), logic: textSchema.optional(), consequences: textSchema.optional() })
    .default({ exists: false }),
  consent: z
    .strictObject({
      text: textSchema.describe('the exact text the person agrees to'),
      doubleOptIn: z.boolean().default(false),
      parental: z.boolean().default(false).describe('a parent consents for a child under the country age'),
    })
    .optional()
    .describe('for consent purposes asked outside the banner (newsletter, photos)'),
  directMarketing: z.boolean().default(false).describe('an objection is absolute (Art. 21(3))'),
  // Optional without a default, so that charters written before it keep their revision.
  optionalData: z
    .array(z.string().min(1))
    .optional()
    .describe('data of `data` the person may leave out ("phone optional"); the notice marks them optional'),
  retention: retentionRuleSchema,
});
export type Purpose = z.infer<typeof purposeSchema>;

export const holdSchema = z.strictObject({
  id: slug,
  reason: textSchema,
  law: textSchema.describe(
    'e.g. "Belgian VAT Code, art. 60", or one per language ({ en: Belgian VAT Code, nl: Btw-wetboek })',
  ),
  duration: durationSchema.optional().describe('how long the law requires keeping; absent for an open-ended flag'),
});
