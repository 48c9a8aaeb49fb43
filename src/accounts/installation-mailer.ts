/**
 * The installation's mailer built from configuration: the server, the app and the CLI commands that send mail build
 * it the same way, so that every process counts a mailbox's cap under the same recipient hash.
 */
import type { Kysely } from 'kysely';
import type { AccountsDb } from './tables.js';
import { mailRecipientKey } from './throttle.js';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { createMailer, type Mailer, type MailerDb } from '../platform/mail.js';

/** A mailer over SMTP_URL (or the outbox only), from MAIL_FROM, hashing recipients with the installation's key. */
export function createInstallationMailer<DB extends AccountsDb & MailerDb>(options: {
  db: Kysely<DB>;
  logger: Logger;
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'CHARTER_SECRET'>;
  clock?: () => Date;
}): Mailer {
  const { db, logger, config } = options;
  return createMailer({
    db,
    logger,
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    recipientKey: mailRecipientKey(db, config.CHARTER_SECRET),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}
