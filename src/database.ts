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
import { consentMigrations } from './consent/migrations.js';
import type { ConsentTables } from './consent/tables.js';
import type { CharterTables } from './charter/tables.js';
import { jobMigrations, type JobTables } from './platform/jobs.js';
import { mailMigrations } from './platform/mail-migrations.js';
import type { MailTables } from './platform/mail.js';
import { throttleMigrations, type ThrottleTables } from './platform/throttle.js';
import { noticeMigrations } from './notices/migrations.js';
import type { NoticeTables } from './notices/tables.js';
import { recordsMigrations } from './records/migrations.js';
import type { RecordsTables } from './records/tables.js';
import { retentionMigrations } from './retention/migrations.js';
import type { RetentionTables } from './retention/tables.js';
import { rightsMigrations } from './rights/migrations.js';
import type { RightsTables } from './rights/tables.js';
import { siteMigrations } from './sites/migrations.js';
import type { SiteTables } from './sites/tables.js';
import { storeMigrations } from './stores/migrations.js';
import type { StoreTables } from './stores/tables.js';
import { webhookMigrations } from './webhooks/migrations.js';
import type { WebhookTables } from './webhooks/tables.js';

export type Database = AccountTables &
  AuditTables &
  CharterTables &
  ConsentTables &
  JobTables &
  MailTables &
  NoticeTables &
  RecordsTables &
  RetentionTables &
  RightsTables &
  SiteTables &
  StoreTables &
  ThrottleTables &
  WebhookTables;

export const migrations: Record<string, Migration> = {
  ...accountMigrations,
  ...auditMigrations,
  ...charterMigrations,
  ...consentMigrations,
  ...jobMigrations,
  ...mailMigrations,
  ...noticeMigrations,
  ...recordsMigrations,
  ...retentionMigrations,
  ...rightsMigrations,
  ...siteMigrations,
  ...storeMigrations,
  ...throttleMigrations,
  ...webhookMigrations,
};
