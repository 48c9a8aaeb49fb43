/**
 * What the HTTP app is built from and what every domain's routes receive. Defined apart from `src/app.ts` (the
 * composition root that imports every domain's routes), so that a route file depends on this small type and never on
 * the file that registers it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { Config } from './config.js';
import type { DatabaseKind } from './db/database.js';
import type { Logger } from './logger.js';
import type { Mailer } from './mail.js';

export interface AppDeps {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  config: Config;
  logger: Logger;
  clock: () => Date;
  /** Outgoing mail; built from the config when absent. */
  mailer?: Mailer;
}

/** What domain routes receive: the dependencies with every optional port filled in. */
export interface AppContext extends AppDeps {
  mailer: Mailer;
}
