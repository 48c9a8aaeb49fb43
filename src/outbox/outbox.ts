/**
 * The Outbox: every mail Charter recorded for an organisation (sent by SMTP, or kept here when no SMTP server is
 * configured), newest first, and one mail to read. Without SMTP the Outbox *is* the delivery: a newcomer reads the
 * verification code of a request here. Reading a mail is audited in the same transaction (it can hold a code); a
 * viewer (an auditor) sees recipients masked and the text with its codes and link secrets masked.
 *
 * Routes, the console and `charter outbox` all call these functions; nothing else reads `mail_outbox` for people.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../audit/trail.js';
import { maskContact } from '../platform/contact.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { notFound } from '../platform/errors.js';
import { outboxView, type OutboxDb } from './tables.js';

export const outboxMailSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  recipient: z.string(),
  /** Whether `recipient` is masked for this reader. */
  recipientMasked: z.boolean(),
  subject: z.string(),
  template: z.string(),
  /** `smtp`: handed to the mail server; `outbox`: kept here, not sent (no SMTP configured). */
  transport: z.enum(['smtp', 'outbox']),
  /** `suppressed`: the recipient was over the hourly cap, nothing went out. */
  status: z.enum(['sent', 'suppressed']),
});

export const outboxMailSchema = outboxMailSummarySchema.extend({
  /** The plain-text part (the only part shown: the HTML part is never rendered), or null when hidden from this reader. */
  text: z.string().nullable(),
  /** Whether codes and link secrets in `text` are masked for this reader. */
  secretsMasked: z.boolean(),
});

export const outboxPageSchema = z.object({
  mails: z.array(outboxMailSummarySchema),
  /** Pass as `before` for the next (older) page; null on the last. */
  nextBefore: z.string().nullable(),
});

export const outboxQuerySchema = z.object({
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export type OutboxMailSummary = z.infer<typeof outboxMailSummarySchema>;
export type OutboxMail = z.infer<typeof outboxMailSchema>;
export type OutboxPage = z.infer<typeof outboxPageSchema>;

/** Who reads: the audit actor, and whether they see recipients and secrets (a viewer role does not). */
export interface OutboxReader {
  actor: string;
  restricted: boolean;
}

interface Row {
  id: string;
  created_at: Date | string;
  recipient: string;
  subject: string;
  template: string;
  transport: 'smtp' | 'outbox';
  status: 'sent' | 'suppressed';
}

function summary(row: Row, reader: OutboxReader): OutboxMailSummary {
  return {
    id: row.id,
    createdAt: new Date(row.created_at).toISOString(),
    recipient: reader.restricted ? maskContact(row.recipient) : row.recipient,
    recipientMasked: reader.restricted,
    subject: row.subject,
    template: row.template,
    transport: row.transport,
    status: row.status,
  };
}

const defaultLimit = 50;

/** The organisation's mails, newest first, `limit` at a time (older than `before` for the next page). */
export async function listOutbox<DB extends OutboxDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  reader: OutboxReader,
  options: { before?: Date | undefined; limit?: number | undefined } = {},
): Promise<OutboxPage> {
  const db = outboxView(anyDb);
  const organisationId = requireScope(scope);
  const limit = options.limit ?? defaultLimit;
  const rows = await inOrganisation(db, scope, (trx) => {
    let query = trx
      .selectFrom('mail_outbox')
      .select(['id', 'created_at', 'recipient', 'subject', 'template', 'transport', 'status'])
      .where('organisation_id', '=', organisationId);
    if (options.before) query = query.where('created_at', '<', options.before);
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    mails: page.map((row) => summary(row, reader)),
    nextBefore: rows.length > limit && last ? new Date(last.created_at).toISOString() : null,
  };
}

/**
 * One mail, with its text, and an audit entry `mail.read` in the same transaction: a verification code read here is
 * on record as read, by whom. Unknown ids and other organisations' mails are both "not found".
 */
export async function readOutboxMail<DB extends OutboxDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  reader: OutboxReader,
  id: string,
  now: Date,
): Promise<OutboxMail> {
  const db = outboxView(anyDb);
  const organisationId = requireScope(scope);
  if (!z.uuid().safeParse(id).success) throw notFound('mail');
  return inOrganisation(db, scope, async (trx) => {
    const row = await trx
      .selectFrom('mail_outbox')
      .select(['id', 'created_at', 'recipient', 'subject', 'template', 'transport', 'status', 'text', 'masked_text'])
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('mail');
    await recordAudit(
      trx,
      scope,
      {
        actor: reader.actor,
        action: 'mail.read',
        target: `mail:${row.id}`,
        data: { template: row.template, masked: reader.restricted },
      },
      now,
    );
    // A mail that went by SMTP was stored masked already; a mail kept before masked copies existed shows nothing to a
    // restricted reader rather than a usable code.
    const text = !reader.restricted ? row.text : (row.masked_text ?? (row.transport === 'smtp' ? row.text : null));
    return { ...summary(row, reader), text, secretsMasked: reader.restricted };
  });
}
