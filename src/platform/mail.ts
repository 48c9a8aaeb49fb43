/**
 * The mail port. With SMTP configured (SMTP_URL), nodemailer sends; without it, mail goes to the outbox table, which
 * the console shows, so every flow (codes, confirmations, notifications) works out of the box. Logs carry the message
 * id and template, never the recipient or the content.
 *
 * Every mail counts against a cap per recipient per hour (atomic counters shared by every process, keyed by a keyed
 * hash of the address): whatever form or flow an attacker drives, one mailbox cannot be flooded. A mail over the cap
 * is not sent; it is recorded in the outbox as `suppressed` (secrets masked) and logged — never dropped silently.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Generated, Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import { isPlainAddress } from './contact.js';
import type { Logger } from './logger.js';
import { viewOf } from './db/view.js';
import { countHit, installationScope, type ThrottleTables } from './throttle.js';

/** Mails per recipient per hour, all templates together (per organisation; installation mail on its own). */
export const defaultRecipientHourlyCap = 20;
/**
 * The cap for mail to the organisation's own staff (deadline reminders, approvals): a morning's reminders for a full
 * inbox must all arrive, yet nothing, however driven, can send a mailbox an unbounded stream.
 */
export const staffRecipientHourlyCap = 500;
const hourMs = 3_600_000;
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
  /** Another cap than the mailer's for this mail (`staffRecipientHourlyCap` for mail to staff); counted alike. */
  hourlyCap?: number;
}

export interface SentMail {
  id: string;
  transport: 'smtp' | 'outbox';
  /** Set when the recipient was over the hourly cap: nothing went out (the outbox row says `suppressed`). */
  suppressed?: true;
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
  /** `sent`, or `suppressed` when the recipient was over the hourly cap (nothing went out). */
  status: Generated<'sent' | 'suppressed'>;
  /** The text with the message's secrets masked, for readers who may not use them; null before it was recorded. */
  masked_text: string | null;
}

export interface MailTables {
  mail_outbox: OutboxTable;
}

/** What the mailer writes: the outbox copy of each mail and the per-recipient counters. */
export type MailerDb = MailTables & ThrottleTables;

const mailerView = viewOf<MailerDb>();

/**
 * A recipient that is not one plain address. The callers check values from stores first; this is the second wall, so
 * a value that slipped through (a list, a header after CR LF, a display name) is never handed to SMTP or the outbox.
 */
export class RecipientRefusedError extends Error {
  override name = 'RecipientRefusedError';
  constructor() {
    super('The mail was not sent: its recipient is not one plain address.');
  }
}

/** Sends through SMTP and keeps a copy in the outbox (so the console shows what went out). */
export function createMailer<DB extends MailerDb>(options: {
  /** Any handle that has the outbox and the counters (every domain's may be given). */
  db: Kysely<DB>;
  logger: Logger;
  smtpUrl?: string | undefined;
  from: string;
  /** The key of the recipient hashes. Give the installation's (same in every process); by default one per process. */
  recipientKey?: () => Promise<string>;
  /** Mails per recipient per hour; `defaultRecipientHourlyCap` by default. */
  recipientHourlyCap?: number;
  clock?: () => Date;
}): Mailer {
  const db = mailerView(options.db);
  const clock = options.clock ?? (() => new Date());
  const processKey = randomBytes(32).toString('base64url');
  const recipientKey = options.recipientKey ?? (() => Promise.resolve(processKey));
  const cap = options.recipientHourlyCap ?? defaultRecipientHourlyCap;
  // nodemailer is loaded on the first mail sent (it costs a tenth of a second at every start otherwise).
  let transporter: Promise<Transporter> | undefined;
  const smtpUrl = options.smtpUrl;
  const transport = smtpUrl
    ? () => (transporter ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl)))
    : undefined;
  return {
    async send(message) {
      if (!isPlainAddress(message.to)) {
        // The value itself stays out of the log (personal data, and possibly an injected header).
        options.logger.warn({ template: message.template }, 'mail refused: recipient is not one plain address');
        throw new RecipientRefusedError();
      }
      const id = randomUUID();
      const now = clock();
      const organisationId = message.organisationId;
      // The outbox and the counters are organisation data under row-level security: written in the organisation's
      // scope, or, for an installation mail (no organisation), as installation-level work.
      const scoped = <T>(work: (db: Kysely<MailerDb>) => Promise<T>) =>
        organisationId
          ? inOrganisation(db, { organisationId }, work)
          : acrossOrganisations('an installation mail', () => work(db));
      const recipientHash = createHmac('sha256', await recipientKey())
        .update(`mail-recipient:${message.to.trim().toLowerCase()}`)
        .digest('base64url');
      const counted = (db: Kysely<MailerDb>) =>
        countHit(
          db,
          {
            organisationId: organisationId ?? installationScope,
            kind: 'mail-recipient',
            keyHash: recipientHash,
            windowMs: hourMs,
          },
          now,
        );
      const via = transport ? 'smtp' : 'outbox';
      // The outbox copy keeps the secrets only where it is the delivery itself (no SMTP, and not suppressed): a mail
      // that went by SMTP, or never went, must not be usable by whoever reads the outbox.
      const keep = (suppressed: boolean) => (db: Kysely<MailerDb>) => {
        const mask = (text: string) => (transport || suppressed ? maskSecrets(text, message.secrets) : text);
        return db
          .insertInto('mail_outbox')
          .values({
            id,
            organisation_id: organisationId,
            created_at: now,
            recipient: message.to,
            subject: message.subject,
            text: mask(message.text),
            html: message.html ? mask(message.html) : null,
            template: message.template,
            headers: JSON.stringify(message.headers ?? {}),
            transport: via,
            status: suppressed ? 'suppressed' : 'sent',
            masked_text: maskSecrets(message.text, message.secrets),
          })
          .execute();
      };
      let suppressed: boolean;
      if (transport) {
        // The count commits before the SMTP call (no transaction is held open across it), the copy after it.
        suppressed = (await scoped(counted)) > (message.hourlyCap ?? cap);
        if (!suppressed)
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
        await scoped(keep(suppressed));
      } else {
        // The outbox is the delivery: the count and the copy in one transaction.
        suppressed = await scoped(async (db) => {
          const over = (await counted(db)) > (message.hourlyCap ?? cap);
          await keep(over)(db);
          return over;
        });
      }
      if (suppressed) {
        options.logger.warn(
          { mail: id, template: message.template, cap },
          'mail suppressed: recipient over its hourly cap',
        );
        return { id, transport: via, suppressed: true };
      }
      options.logger.info({ mail: id, template: message.template, transport: via }, 'mail queued');
      return { id, transport: via };
    },
  };
}

/** Replaces each secret in a text with `[secret]`. */
export function maskSecrets(text: string, secrets: readonly string[] | undefined): string {
  return (secrets ?? [])
    .filter((secret) => secret.length > 0)
    .reduce((masked, secret) => masked.split(secret).join('[secret]'), text);
}
