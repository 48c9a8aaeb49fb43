/**
 * The mail port. With SMTP configured (SMTP_URL), nodemailer sends; without it, mail goes to the outbox table, which
 * the console shows, so every flow (codes, confirmations, notifications) works out of the box. Logs carry the message
 * id and template, never the recipient or the content.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { Logger } from './logger.js';
import { inOrganisation } from './db/tenancy.js';
import { acrossOrganisations } from './db/tenancy-guard.js';

export interface MailMessage {
  /** Organisation on whose behalf the mail goes out (null for installation mails such as the first-run setup). */
  organisationId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A short name of the kind of mail, for logs and the console: `request.code`, `newsletter.confirm`. */
  template: string;
  headers?: Record<string, string>;
  /** Language of the mail (for the console). */
  language?: string;
  /**
   * One-time codes and link secrets in the text. When the mail goes out by SMTP, the outbox copy shows them as
   * `[secret]` (a database reader must not be able to use them); without SMTP the outbox is the delivery, so it keeps them.
   */
  secrets?: string[];
}

export interface SentMail {
  id: string;
  transport: 'smtp' | 'outbox';
}

export interface Mailer {
  send(message: MailMessage): Promise<SentMail>;
}

export interface OutboxTable {
  id: string;
  organisation_id: string | null;
  created_at: Date;
  recipient: string;
  subject: string;
  text: string;
  html: string | null;
  template: string;
  headers: unknown;
  transport: 'smtp' | 'outbox';
}

export interface MailTables {
  mail_outbox: OutboxTable;
}

/** Sends through SMTP and keeps a copy in the outbox (so the console shows what went out). */
export function createMailer(options: {
  db: Kysely<MailTables>;
  logger: Logger;
  smtpUrl?: string | undefined;
  from: string;
}): Mailer {
  // nodemailer is loaded on the first mail sent (it costs a tenth of a second at every start otherwise).
  let transporter: Promise<Transporter> | undefined;
  const smtpUrl = options.smtpUrl;
  const transport = smtpUrl
    ? () => (transporter ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl)))
    : undefined;
  return {
    async send(message) {
      const id = randomUUID();
      if (transport) {
        await (
          await transport()
        ).sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          headers: { ...(message.headers ?? {}), 'X-Charter-Message': id },
        });
      }
      const organisationId = message.organisationId;
      // The copy is organisation data under row-level security: written in the organisation's scope, or, for an
      // installation mail (no organisation), as installation-level work.
      const write = <T>(work: (db: Kysely<MailTables>) => Promise<T>) =>
        organisationId
          ? inOrganisation(options.db, { organisationId }, work)
          : acrossOrganisations('an installation mail', () => work(options.db));
      await write((db) =>
        db
          .insertInto('mail_outbox')
          .values({
            id,
            organisation_id: message.organisationId,
            created_at: new Date(),
            recipient: message.to,
            subject: message.subject,
            text: transport ? maskSecrets(message.text, message.secrets) : message.text,
            html: message.html ? (transport ? maskSecrets(message.html, message.secrets) : message.html) : null,
            template: message.template,
            headers: JSON.stringify(message.headers ?? {}),
            transport: transport ? 'smtp' : 'outbox',
          })
          .execute(),
      );
      options.logger.info(
        { mail: id, template: message.template, transport: transport ? 'smtp' : 'outbox' },
        'mail queued',
      );
      return { id, transport: transport ? 'smtp' : 'outbox' };
    },
  };
}

/** Replaces each secret in a text with `[secret]`. */
export function maskSecrets(text: string, secrets: readonly string[] | undefined): string {
  return (secrets ?? [])
    .filter((secret) => secret.length > 0)
    .reduce((masked, secret) => masked.split(secret).join('[secret]'), text);
}
