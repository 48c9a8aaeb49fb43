import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import { cliTestDatabase } from '../../test/support/database.js';
import { runCli } from '../../test/support/cli.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import { applyCharter } from '../charter/repository.js';
import type { Database } from '../database.js';
import { readConfig } from '../platform/config.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { requestDeadline } from './deadline.js';
import { withConfiguredDatabase } from '../server.js';
import { insertRequest } from './repository.js';

let env: Record<string, string>;
let remove: () => Promise<void>;

/** Opens (and migrates) the database the CLI is given, for the test's own reads and writes. */
const withDatabase = <T>(work: (db: Kysely<Database>) => Promise<T>) =>
  withConfiguredDatabase(readConfig(env), (database) => work(database.db));

const cli = (args: string[]) => runCli(args, { env });

beforeAll(async () => {
  ({ env, remove } = await cliTestDatabase('charter-requests'));
  await withDatabase(async (db) => {
    const charter = buildCharter();
    const organisation = await ensureOrganisation(db, 'testco', 'Testco BV');
    const scope = { organisationId: organisation.id };
    await applyCharter(db, scope, { charter, source: 'test', format: 'json', actor: 'system' });
    // One request received 40 days ago, never verified: overdue until the tick closes it.
    const receivedAt = new Date(Date.now() - 40 * 86_400_000);
    const deadline = requestDeadline(receivedAt);
    await inOrganisation(db, scope, (trx) =>
      insertRequest(trx, scope, {
        id: '7d6f0a3e-2b1c-4d5e-8f90-0123456789ab',
        siteId: 'main',
        type: 'access',
        channel: 'post',
        language: 'en',
        identity: { type: 'email', value: 'late@example.org' },
        identityHash: 'x',
        declaredContact: null,
        details: {},
        verificationLevel: 'code',
        receivedAt,
        dueOn: deadline.dueOn,
        dueAt: deadline.dueAt,
        createdBy: 'cli',
      }),
    );
  });
}, 120_000);
afterAll(() => remove());

describe('charter requests', () => {
  it('lists the inbox with masked identities and exits 1 while a request is overdue', async () => {
    const listed = await cli(['requests', 'list']);
    expect(listed.code).toBe(1);
    expect(listed.out).toContain('OVERDUE');
    expect(listed.out).toContain('la***@example.org');
    expect(listed.out).not.toContain('late@example.org');
    const json = JSON.parse((await cli(['requests', 'list', '--json', '--overdue'])).out);
    expect(json).toEqual([
      expect.objectContaining({ organisation: 'testco', type: 'access', state: 'received', overdue: true }),
    ]);
    expect((await cli(['requests', 'list', '--state', 'nonsense'])).code).toBe(2);
  });

  it('closes the unverifiable request on a tick, after which nothing is overdue', async () => {
    const ticked = await cli(['requests', 'tick', '--json']);
    expect(ticked.code).toBe(0);
    expect(JSON.parse(ticked.out)).toMatchObject({ closedUnverifiable: 1 });
    const listed = await cli(['requests', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('refused');
  });
});
