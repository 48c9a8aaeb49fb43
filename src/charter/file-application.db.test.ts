import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCharter, minimalCharterYaml } from '../../test/support/charter.js';
import { runCli } from '../../test/support/cli.js';
import { cliTestDatabase } from '../../test/support/database.js';
import { findOrganisationBySlug } from '../accounts/organisations.js';
import { readConfig } from '../platform/config.js';
import { CharterFileError, startServer } from '../server.js';
import { activeCharter, applyCharter } from './repository.js';

let env: Record<string, string>;
let remove: () => Promise<void>;
const work = mkdtempSync(join(tmpdir(), 'charter-serve-file-'));
const file = join(work, 'charter.yaml');

beforeAll(async () => {
  ({ env, remove } = await cliTestDatabase('charter-serve-file'));
  writeFileSync(file, minimalCharterYaml);
}, 120_000);
afterAll(async () => {
  await remove();
  rmSync(work, { recursive: true, force: true });
});

/** Starts the server on the test database with the charter file, runs `work` on it, stops it; returns what it printed. */
async function serve(
  charterFile: string,
  work?: (server: Awaited<ReturnType<typeof startServer>>) => Promise<void>,
): Promise<string> {
  const printed: string[] = [];
  const server = await startServer({
    config: readConfig({ ...env, PORT: '0', HOST: '127.0.0.1', RETENTION_SCHEDULE: 'off' }),
    charterFile,
    print: (text) => printed.push(text),
  });
  try {
    await work?.(server);
  } finally {
    await server.close();
  }
  return printed.join('\n');
}

describe('serve --charter FILE', () => {
  it('applies the file once; a revision applied since through the API stays active when the server restarts with the old file', async () => {
    expect(await serve(file)).toContain(`Applied ${file} as revision 1 of testco.`);
    expect(await serve(file)).toContain(
      `${file} is unchanged since it was applied as revision 1 of testco; it stays active.`,
    );

    // Revision 2 through the API (what POST /api/v1/charter/revisions and the console do).
    await serve(file, async (server) => {
      const organisation = await findOrganisationBySlug(server.database.db, 'testco');
      const revised = buildCharter((c) => {
        c.organisation.legalName = 'Testco Group BV';
      });
      const applied = await applyCharter(
        server.database.db,
        { organisationId: organisation!.id },
        { charter: revised, source: 'edited in the console', format: 'json', actor: 'user:test' },
      );
      expect(applied.seq).toBe(2);
    });

    const printed = await serve(file, async (server) => {
      const organisation = await findOrganisationBySlug(server.database.db, 'testco');
      const active = await activeCharter(server.database.db, { organisationId: organisation!.id });
      expect(active?.seq).toBe(2);
      expect(active?.charter.organisation.legalName).toBe('Testco Group BV');
    });
    expect(printed).toContain(
      `${file} is unchanged since it was applied as revision 1; revision 2 of testco, applied since through the API or console, stays active (edit the file to publish it again).`,
    );

    // Editing the file is a new decision: it is applied.
    writeFileSync(file, minimalCharterYaml.replace('legalName: Testco BV', 'legalName: Testco Holding BV'));
    expect(await serve(file)).toContain(`Applied ${file} as revision 3 of testco.`);
  }, 180_000);

  it('refuses a file with a lint error, listing every problem, and applies nothing', async () => {
    const bad = join(work, 'bad.yaml');
    writeFileSync(
      bad,
      minimalCharterYaml
        .replace('transfer: eu-us-dpf', 'transfer: privacy-shield')
        .replace('authority: be-apd', 'authority: be-privacy-commission'),
    );
    const refused = await serve(bad).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(CharterFileError);
    const message = (refused as Error).message;
    expect(message).toMatch(new RegExp(`${bad}:\\d+:\\d+: error: organisation.authority: `));
    expect(message).toContain(`${bad}: refused, 1 problem`);

    const lintOnly = join(work, 'lint.yaml');
    writeFileSync(lintOnly, minimalCharterYaml.replace('transfer: eu-us-dpf', 'transfer: privacy-shield'));
    const cli = await runCli(['serve', '--charter', lintOnly, '--port', '0'], {
      env: { ...env, RETENTION_SCHEDULE: 'off' },
      cwd: work,
    });
    expect(cli.code).toBe(1);
    expect(cli.err).toMatch(
      new RegExp(
        `${lintOnly}:\\d+:\\d+: error: recipients\\[1\\]\\.transfer: .*"privacy-shield" is no longer a valid transfer mechanism`,
      ),
    );
    expect(cli.err).toContain('nothing was applied');

    await serve(file, async (server) => {
      const organisation = await findOrganisationBySlug(server.database.db, 'testco');
      expect((await activeCharter(server.database.db, { organisationId: organisation!.id }))?.seq).toBe(3);
    });
  }, 180_000);
});
