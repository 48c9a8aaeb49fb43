/**
 * What the purpose-consent flows work with: the database, the mailer for confirmation links, the clock and the public
 * base URL. Callers hold any domain's handle; the flows narrow it to the consent domain's tables.
 */
import type { Kysely } from 'kysely';
import type { Mailer } from '../platform/mail.js';
import { consentView, type ConsentDb } from './tables.js';

export interface PurposeConsentPorts<DB extends ConsentDb = ConsentDb> {
  db: Kysely<DB>;
  mailer: Mailer;
  clock: () => Date;
  /** Base URL of Charter for links in mails. */
  publicUrl: string;
}

/** The ports with the handle narrowed to the consent domain's tables. */
export function consentPorts<DB extends ConsentDb>(ports: PurposeConsentPorts<DB>): PurposeConsentPorts {
  return { ...ports, db: consentView(ports.db) };
}
