/**
 * What the outbox domain reads: it owns no table. The mails live in the platform's `mail_outbox` (written by the mail
 * port); reading one with its content leaves an entry in the audit trail.
 */
import type { AuditTables } from '../audit/tables.js';
import type { MailTables } from '../platform/mail.js';
import { viewOf } from '../platform/db/view.js';

/** The tables the outbox's code may read and write. */
export type OutboxDb = Pick<MailTables, 'mail_outbox'> & AuditTables;

/** Narrows any handle that has the outbox's tables to exactly them. */
export const outboxView = viewOf<OutboxDb>();
