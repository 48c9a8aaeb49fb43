/**
 * Child process of the webhook crash test: sends the due deliveries of one organisation and is killed by the parent
 * (SIGKILL) while its receiver holds the answer back — a sender that dies mid-delivery.
 *
 * Env: CHARTER_DB_URL, ORGANISATION_ID.
 */
import { migrations, type Database } from '../../database.js';
import { openDatabase } from '../../platform/db/database.js';
import { createLogger } from '../../platform/logger.js';
import { deliverOrganisation } from '../deliver.js';

void migrations;
const url = process.env.CHARTER_DB_URL;
const organisationId = process.env.ORGANISATION_ID;
if (!url || !organisationId) throw new Error('CHARTER_DB_URL and ORGANISATION_ID are required');
const database = await openDatabase<Database>({ url, poolSize: 2 });
process.stdout.write('sending\n');
await deliverOrganisation(
  {
    db: database.db,
    dbKind: database.kind,
    logger: createLogger('silent'),
    clock: () => new Date(),
    allowPrivate: true,
    timeoutMs: 120_000,
  },
  { organisationId },
);
process.stdout.write('done\n');
await database.close();
