/**
 * The charter: one zod source for the shape of charter.yaml. Types, the JSON Schema (`charter schema`) and the
 * OpenAPI components all come from here. Cross-references (a purpose naming a recipient, a table naming a rule)
 * are checked in `references.ts` so that this file stays a plain description of the shape.
 */
import { z } from 'zod';

/** Languages Charter writes its own texts in. A charter may declare any subset. */
export const languages = ['en', 'nl', 'fr', 'de'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes (e.g. "newsletter-prospects")');

/** A translatable text: one string for every language, or one per language. */
export const textSchema = z.union(
  [
    z.string().min(1, 'must not be empty'),
    z
      .strictObject({
        en: z.string().min(1).optional(),
        nl: z.string().min(1).optional(),
        fr: z.string().min(1).optional(),
        de: z.string().min(1).optional(),
      })
      .refine((t) => Object.values(t).some(Boolean), 'give the text in at least one language'),
  ],
  { error: 'expected a text: a string, or one per language as {en, nl, fr, de}' },
);
export type Text = z.infer<typeof textSchema>;

/** ISO 8601 duration in years, months, weeks and days: P3Y, P13M, P30D. */
export const durationSchema = z
  .string()
  .regex(/^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, 'an ISO 8601 duration such as P3Y, P6M or P30D');

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as BE');
const email = z.email('an email address');
const url = z.url('an absolute URL such as https://example.be/privacy');
const isoDate = z.iso.date('a date as YYYY-MM-DD');

export const addressSchema = z.strictObject({
  label: textSchema.optional(),
  street: z.string().min(1),
  postalCode: z.string().min(1),
  city: z.string().min(1),
  country: countryCode,
});

export const contactPersonSchema = z.strictObject({
  name: z.string().min(1).optional(),
  email: email.optional(),
  phone: z.string().min(5).optional(),
  address: addressSchema.optional(),
});

export const organisationSchema = z.strictObject({
  id: slug.describe('stable identifier of the organisation inside Charter'),
  legalName: textSchema.describe(
    'the legal name, or one per language where the entity has official names in several ("Kamer West vzw" / "Chambre Ouest asbl")',
  ),
  tradeName: z.string().min(1).optional(),
  companyNumber: z.string().min(4).optional().describe('e.g. the Belgian enterprise number BE0123.456.789'),
  addresses: z.array(addressSchema).min(1, 'give at least the registered address'),
  contact: z.strictObject({
    email: email,
    phone: z.string().min(5).optional(),
    web: url.optional(),
  }),
  dpo: contactPersonSchema.optional().describe('data protection officer (Art. 37–39), when one is appointed'),
  representative: contactPersonSchema
    .optional()
    .describe('EU representative (Art. 27), for controllers outside the EU'),
  authority: z.string().min(1).describe('lead supervisory authority, by catalog id (e.g. be-apd)'),
  role: z.enum(['controller', 'processor', 'both']).default('controller'),
  security: textSchema
    .optional()
    .describe('general description of technical and organisational measures (Art. 30(1)(g))'),
  group: z
    .array(
      z.strictObject({
        legalName: textSchema,
        companyNumber: z.string().optional(),
        country: countryCode,
        // Optional without defaults, so that charters written before them keep their revision.
        relation: z
          .enum(['group', 'joint-controller'])
          .optional()
          .describe('joint-controller: the entity decides with us why and how (Art. 26); default: a group entity'),
        arrangement: textSchema
          .optional()
          .describe('for a joint controller: the essence of the arrangement (Art. 26(2))'),
      }),
    )
    .optional()
    .describe('other entities of the same group with which identification data is shared'),
  groupSharing: z
    .strictObject({
      centralStorage: z.boolean().optional().describe('the group stores data centrally, for all its entities'),
      description: textSchema.optional().describe("how data is shared within the group, in the organisation's words"),
    })
    .optional()
    .describe(
      'how the group shares data; replaces the default sentence that data is shared only where the notice says so',
    ),
});

export const themeSchema = z.strictObject({
  logoUrl: url.optional(),
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #RRGGBB')
    .optional(),
  backgroundColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #RRGGBB')
    .optional(),
});

export const siteSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  domain: z
    .string()
    .regex(
      /^(?=.{1,253}$)([a-z0-9-]+\.)*[a-z0-9-]+(:\d+)?$/,
      'a host name such as www.example.be (no scheme, no path)',
    ),
  aliases: z.array(z.string().min(1)).optional().describe('other host names of the same site'),
  languages: z.array(languageSchema).min(1).optional().describe('defaults to the charter languages'),
  theme: themeSchema.optional(),
  purposes: z.array(slug).optional().describe('only these purposes apply to this site (default: all)'),
  cookies: z.array(z.string().min(1)).optional().describe('only these cookies are used on this site (default: all)'),
  contact: z.strictObject({ email: email.optional(), phone: z.string().optional() }).optional(),
  controller: z
    .strictObject({
      legalName: z.string().min(1),
      tradeName: z.string().min(1).optional(),
      companyNumber: z.string().min(4).optional(),
      addresses: z.array(addressSchema).min(1).optional(),
      contact: z.strictObject({ email: email, phone: z.string().min(5).optional(), web: url.optional() }).optional(),
    })
    .optional()
    .describe(
      "this site's own controller when it is not the organisation (e.g. one charter for several brands); its notice names it",
    ),
});

export const subjectSchema = z.strictObject({
  id: slug,
  name: textSchema,
  description: textSchema.optional(),
});

/** A data category used by this charter: a taxonomy id, or a custom one with its own name. */
export const dataCategorySchema = z.strictObject({
  id: z.string().regex(/^[a-z]+(\.[a-z0-9-]+)+$/, 'a dotted category id such as contact.email'),
  name: textSchema.optional().describe('required for an id that is not in the shipped taxonomy'),
  description: textSchema.optional(),
  source: textSchema.optional().describe('where it comes from when not from the person (Art. 14(2)(f))'),
});

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

export const consentSchema = z.strictObject({
  expiry: durationSchema.default('P6M').describe('ask again after this long (at most 13 months)'),
  categories: z.array(consentCategorySchema).default([]),
  honourGpc: z.boolean().default(true),
  googleConsentMode: z.boolean().default(false),
});

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

/** Shape of a connected store; filled in by the Stores engine (src/stores). */
export const storeColumnSchema = z.strictObject({
  name: z.string().min(1),
  category: z.string().min(1).describe('data category id'),
  erase: z.enum(['delete', 'null', 'hash', 'redact', 'keep']).default('null'),
  identity: z.enum(['email', 'phone', 'customer-number', 'account-id']).optional(),
  secret: z.boolean().default(false).describe('a password hash or token: never exported to the subject'),
  mentions: z
    .boolean()
    .optional()
    .describe(
      "an identity column that names another person (a referrer, a recipient, a contact person): a row found through it only mentions the person, and a row found through another identity column stays the person's own whatever this column holds (see docs/ownership.md)",
    ),
  of: z
    .string()
    .min(1)
    .optional()
    .describe(
      'in a row that belongs to two people (a message between two customers): the reference column naming the person this column describes',
    ),
});

export const storeReferenceSchema = z.strictObject({
  column: z.string().min(1),
  to: z.string().regex(/^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/, 'table.column'),
  owner: z
    .boolean()
    .optional()
    .describe(
      'a row of this table belongs to whoever the referenced row belongs to (default: a reference to a table with identity columns, or to a table that belongs to someone; see docs/ownership.md)',
    ),
  profile: z
    .boolean()
    .default(false)
    .describe(
      "the referenced row is this person's own (a one-to-one account or profile row): requests climb to it; a parent several people share must never be marked",
    ),
  traverse: z
    .enum(['both', 'to', 'back'])
    .optional()
    .describe(
      'no longer used: requests follow ownership (owner, profile); kept so older charters validate, with a lint warning',
    ),
  nullable: z
    .boolean()
    .default(false)
    .describe('the engine may set this column to NULL to delete the referenced row first (breaks a reference cycle)'),
  enforced: z
    .boolean()
    .default(true)
    .describe('false when the database has no foreign key here (WordPress, MyISAM): the referenced row may go first'),
});

export const storeTableSchema = z.strictObject({
  name: z.string().min(1),
  primaryKey: z.string().min(1),
  columns: z.array(storeColumnSchema).default([]),
  references: z.array(storeReferenceSchema).default([]),
  purpose: slug.optional().describe('the purpose whose retention rule governs this table'),
  processedFor: z
    .strictObject({
      customer: slug.describe('the `customers[]` entry (the controllers) this table is processed for'),
      column: z.string().min(1).optional().describe('the column telling which client (controller) a row belongs to'),
    })
    .optional()
    .describe(
      "the organisation processes this table on behalf of its customers (Art. 28): their retention instructions apply, it is not the organisation's own processing in the notice, and requests about it go to the customer",
    ),
  anchor: z.string().optional().describe('the column (or ref.column) holding the retention anchor date'),
  rules: z
    .array(
      z.strictObject({
        purpose: slug.describe('the purpose whose retention rule applies'),
        anchor: z.string().min(1).describe("the column (or ref.column) this rule's period runs from"),
        columns: z
          .array(z.string().min(1))
          .min(1)
          .optional()
          .describe('a column rule: only these columns are erased when due (by their erase strategies); the row stays'),
      }),
    )
    .optional()
    .describe('further retention rules on this table, beside purpose/anchor (at most one on whole rows)'),
  holds: z
    .array(
      z.strictObject({
        hold: slug,
        anchor: z.string().optional().describe('date column the hold period runs from'),
        flag: z.string().optional().describe('boolean column that keeps the row while true'),
        keep: z.array(z.string()).optional().describe('columns kept under the hold; others are erased'),
      }),
    )
    .default([]),
  restrictColumn: z.string().optional().describe('boolean column set under Art. 18 restriction'),
});

export const storeSchema = z.strictObject({
  id: slug,
  name: z.string().optional(),
  kind: z.enum(['postgres', 'mysql', 'http']),
  connection: z
    .string()
    .regex(
      /^[A-Z_][A-Z0-9_]*$/,
      'the NAME of an environment variable holding the connection URL, never the URL itself',
    ),
  secret: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/)
    .optional()
    .describe('environment variable with the HTTP signing key'),
  schema: z.string().optional(),
  timeouts: z
    .strictObject({
      connect: z.number().int().min(1).max(300).optional().describe('seconds to open a connection (default 10)'),
      statement: z
        .number()
        .int()
        .min(1)
        .max(3600)
        .optional()
        .describe('seconds one statement or HTTP call may take (default 60)'),
      lock: z
        .number()
        .int()
        .min(1)
        .max(600)
        .optional()
        .describe('seconds to wait for a lock another session holds (default 5)'),
      retries: z
        .number()
        .int()
        .min(0)
        .max(5)
        .optional()
        .describe('retries, with back-off, after a lock wait or connection timed out (default 2)'),
    })
    .optional()
    .describe('bounds on how long Charter waits for this store, so a slow or locked store delays only its own work'),
  tables: z.array(storeTableSchema).default([]),
});

/**
 * What statements commonly promise beyond Art. 13/14, declared so that the notice says it and lint can check it
 * against the rest of the charter. Every field optional without a default: older charters keep their revision.
 */
export const statementsSchema = z.strictObject({
  noSpecialCategories: z
    .boolean()
    .optional()
    .describe('we do not ask for special categories of data (Art. 9); lint checks that no purpose names one'),
  deleteUnsolicitedSpecial: z
    .boolean()
    .optional()
    .describe('special-category data we receive without asking is deleted'),
  neverSold: z.boolean().optional().describe('we never sell personal data'),
  noThirdPartyAdvertising: z
    .boolean()
    .optional()
    .describe('we do not use personal data for the advertising of third parties'),
  dataStaysInEea: z
    .boolean()
    .optional()
    .describe('all data stays in the EEA; lint checks every recipient and sub-processor'),
  related: z
    .array(z.strictObject({ name: textSchema, url: url }))
    .optional()
    .describe('other statements that apply instead of this one, such as partner sites with their own statement'),
  changeNotification: z
    .strictObject({
      subscribers: z
        .boolean()
        .optional()
        .describe('we mail those who subscribed to the notice when it changes significantly (default true)'),
      customers: z
        .boolean()
        .optional()
        .describe('we also mail our customers the updated statement (Charter does not send this mail)'),
    })
    .optional(),
});

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
export type Site = z.infer<typeof siteSchema>;
export type Store = z.infer<typeof storeSchema>;
export type StoreTable = z.infer<typeof storeTableSchema>;
export type ConsentCategory = z.infer<typeof consentCategorySchema>;
export type RequestType = z.infer<typeof requestTypeSchema>;
