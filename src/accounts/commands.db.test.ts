import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTestDatabase } from '../../test/support/database.js';
import { runCli } from '../../test/support/cli.js';
import type { Database } from '../database.js';
import { readConfig } from '../platform/config.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { startServer, withConfiguredDatabase } from '../server.js';
import { linkIsValid } from './links.js';
import { ensureOrganisation } from './organisations.js';

let env: Record<string, string>;
let remove: () => Promise<void>;

/** Opens (and migrates) the database the CLI is given, for the test's own reads and writes. */
const withDatabase = <T>(work: (db: Kysely<Database>) => Promise<T>) =>
  withConfiguredDatabase(readConfig(env), (database) => work(database.db));

const cli = (args: string[]) => runCli(args, { env });

async function serveOnce(): Promise<string> {
  const printed: string[] = [];
  const server = await startServer({
    config: readConfig({ ...env, PORT: '0', HOST: '127.0.0.1' }),
    print: (text) => printed.push(text),
  });
  await server.close();
  return printed.join('\n');
}

beforeAll(async () => {
  ({ env, remove } = await cliTestDatabase('charter-users'));
  await withDatabase(async (db) => {
    await ensureOrganisation(db, 'testco', 'Testco BV');
  });
}, 120_000);
afterAll(() => remove());

describe('first run and charter user add', () => {
  it('prints a one-time setup link at start while no user exists', async () => {
    const printed = await serveOnce();
    const match = /first run {6}create the first owner within 1 hour: (http:\/\/\S+\/console\/setup\?token=(\S+))/.exec(
      printed,
    );
    expect(match).not.toBeNull();
    expect(await withDatabase((db) => linkIsValid(db, 'setup', match![2]!, new Date()))).toBe(true);
  }, 120_000);

  it('adds a user with a role and prints a one-time password link', async () => {
    const result = await cli(['user', 'add', '--org', 'testco', '--email', 'dpo@testco.example', '--role', 'owner']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Added dpo@testco.example to testco as owner.');
    const token = /\/console\/password\?token=(\S+)/.exec(result.out)?.[1];
    expect(token).toBeDefined();
    expect(await withDatabase((db) => linkIsValid(db, 'password', decodeURIComponent(token!), new Date()))).toBe(true);
    const again = await cli(['user', 'password-link', '--email', 'dpo@testco.example']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/\/console\/password\?token=/);
    const audit = await withDatabase((db) =>
      acrossOrganisations('the test inspects every organisation', () =>
        db.selectFrom('audit_entries').select(['actor', 'action', 'data']).execute(),
      ),
    );
    expect(audit).toEqual([expect.objectContaining({ actor: 'cli', action: 'member.added', data: { role: 'owner' } })]);
  }, 120_000);

  it('prints no setup link once a user exists', async () => {
    expect(await serveOnce()).not.toContain('first run');
  }, 120_000);

  it('reports usage errors and unknown organisations', async () => {
    expect((await cli(['user', 'add', '--org', 'testco'])).code).toBe(2);
    expect((await cli(['user', 'add', '--org', 'testco', '--email', 'x@example.test', '--role', 'admin'])).code).toBe(
      2,
    );
    const unknown = await cli(['user', 'add', '--org', 'nope', '--email', 'x@example.test']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No organisation "nope"');
  }, 120_000);
});
