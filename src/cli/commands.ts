/** Every command of the `charter` CLI; each domain contributes its own list. */
import type { Command } from './command.js';
import { accountCommands } from '../accounts/commands.js';
import { organisationCommands } from '../accounts/organisation-commands.js';
import { auditCommands } from '../audit/commands.js';
import { applyCommand } from '../charter/apply-command.js';
import { upgradeCommand } from '../charter/upgrade-command.js';
import { noticeCommands } from '../notices/commands.js';
import { outboxCommand } from '../outbox/commands.js';
import { recordsCommands } from '../records/commands.js';
import { retentionCommands } from '../retention/commands.js';
import { rightsCommands } from '../rights/commands.js';
import { siteCommands } from '../sites/commands.js';
import { storeCommands } from '../stores/commands.js';
import { coreCommands } from './core-commands.js';
import { dbCommands } from './db-commands.js';
import { secretsCommands } from './secrets-commands.js';

export const commands: Command[] = [
  ...coreCommands,
  ...dbCommands,
  applyCommand,
  upgradeCommand,
  ...accountCommands,
  ...organisationCommands,
  ...auditCommands,
  ...noticeCommands,
  outboxCommand,
  ...recordsCommands,
  ...retentionCommands,
  ...rightsCommands,
  ...secretsCommands,
  ...storeCommands,
  ...siteCommands,
];
