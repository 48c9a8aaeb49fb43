/**
 * The organisation's own databases and services holding personal data: tables, columns, references, retention and holds.
 */
import { z } from 'zod';
import { slug } from './fields.js';

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
export type StoreTable = z.infer<typeof storeTableSchema>;

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
export type Store = z.infer<typeof storeSchema>;
