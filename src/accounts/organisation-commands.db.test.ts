/** `charter org create|list|archive|unarchive` and `charter operator grant|revoke|list` on the database directly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTestDatabase } from '../../test/support/database.js';
import { runCli } from '../../test/support/cli.js';
import { readConfig } from '../platform/config.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { withConfiguredDatabase } from '../server.js';

let env: Record<string, string>;
let remove: () => Promise<void>;
const cli = (args: string[]) => runCli(args, { env });

beforeAll(async () => {
  ({ env, remove } = await cliTestDatabase('charter-orgs'));
}, 120_000);
afterAll(() => remove());

describe('charter org and charter operator', () => {
  it('creates an organisation with its owner, lists it, archives and unarchives it', async () => {
    const created = await cli([
      'org',
      'create',
      '--slug',
      'atelier-noir',
      '--name',
      'Atelier Noir SRL',
      '--owner',
      'owner@atelier.example',
    ]);
    expect(created.code).toBe(0);
    expect(created.out).toContain('Created atelier-noir (Atelier Noir SRL); owner@atelier.example is its owner.');
    expect(created.out).toMatch(/\/console\/password\?token=/);
    expect((await cli(['org', 'create', '--slug', 'Bad Slug', '--name', 'x', '--owner', 'a@b.example'])).code).toBe(2);

    expect((await cli(['org', 'list'])).out).toMatch(/^atelier-noir\tAtelier Noir SRL\tactive\tno sites$/m);
    const archived = await cli(['org', 'archive', 'atelier-noir']);
    expect(archived.out).toContain('atelier-noir is archived.');
    expect((await cli(['org', 'archive', 'atelier-noir'])).out).toContain('was archived already; nothing changed.');
    expect((await cli(['org', 'list'])).out).toMatch(
      /^atelier-noir\tAtelier Noir SRL\tarchived \d{4}-\d{2}-\d{2}\tno sites$/m,
    );
    expect((await cli(['org', 'unarchive', 'atelier-noir'])).out).toContain('atelier-noir is unarchived.');
    const missing = await cli(['org', 'archive', 'nobody']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No organisation "nobody".');
    const audit = await withConfiguredDatabase(readConfig(env), (database) =>
      acrossOrganisations('the test reads the trail', () =>
        database.db
          .selectFrom('audit_entries')
          .select('action')
          .where('actor', '=', 'cli')
          .where('action', 'like', 'organisation.%')
          .orderBy('at')
          .execute(),
      ),
    );
    expect(audit.map((a) => a.action)).toEqual([
      'organisation.created',
      'organisation.archived',
      'organisation.unarchived',
    ]);
  }, 120_000);

  it('grants and revokes the operator role by address', async () => {
    expect((await cli(['operator', 'grant', '--email', 'owner@atelier.example'])).out).toContain(
      'owner@atelier.example: operator role granted.',
    );
    expect((await cli(['operator', 'list'])).out).toMatch(/^owner@atelier\.example\tsince /m);
    expect((await cli(['operator', 'revoke', '--email', 'owner@atelier.example'])).out).toContain(
      'operator role revoked.',
    );
    const unknown = await cli(['operator', 'grant', '--email', 'nobody@example.test']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No user with the address nobody@example.test.');
  }, 120_000);
});
