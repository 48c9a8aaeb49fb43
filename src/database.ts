/**
 * The composition root of storage: the database type is the union of every domain's tables, and the migrations are
 * every domain's migrations, applied in name order. Domains add themselves here.
 */
import type { Migration } from 'kysely';
import { accountMigrations } from './accounts/migrations.js';
import type { AccountTables } from './accounts/tables.js';
import { auditMigrations } from './audit/migrations.js';
import type { AuditTables } from './audit/tables.js';
import { charterMigrations } from './charter/migrations.js';
import type { CharterTables } from './charter/tables.js';
import { mailMigrations } from './platform/mail-migrations.js';
import type { MailTables } from './platform/mail.js';

export type Database = AccountTables & AuditTables & CharterTables & MailTables;

export const migrations: Record<string, Migration> = {
  ...accountMigrations,
  ...auditMigrations,
  ...charterMigrations,
  ...mailMigrations,
};
