/**
 * The Outbox from a terminal and at start: `serve` says that mail is kept, not sent, while SMTP is not configured, and
 * `charter outbox` reads the database a server wrote (the command as a person types it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { cliTestDatabase } from '../../test/support/database.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import { readConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { createMailer } from '../platform/mail.js';
import { startServer, withConfiguredDatabase } from '../server.js';

let env: Record<string, string>;
let remove: () => Promise<void>;
let mailId = '';

async function serveOnce(extra: Record<string, string> = {}): Promise<string> {
  const printed: string[] = [];
  const server = await startServer({
    config: readConfig({ ...env, PORT: '0', HOST: '127.0.0.1', ...extra }),
    print: (text) => printed.push(text),
  });
  await server.close();
  return printed.join('\n');
}

beforeAll(async () => {
  ({ env, remove } = await cliTestDatabase('charter-outbox'));
  mailId = await withConfiguredDatabase(readConfig(env), async (database) => {
    const organisation = await ensureOrganisation(database.db, 'outboxco', 'Outboxco BV');
    const mailer = createMailer({
      db: database.db,
      logger: createLogger('silent'),
      from: 'Charter <privacy@localhost>',
    });
    return (
      await mailer.send({
        organisationId: organisation.id,
        to: 'alice@example.be',
        subject: 'Your code for R-1',
        text: 'Your code is 1234 5678.',
        template: 'request.code',
      })
    ).id;
  });
}, 120_000);
afterAll(() => remove());

describe('the Outbox at start and on the terminal', () => {
  it('serve says that mail is kept in the Outbox while SMTP is not configured, and not when it is', async () => {
    expect(await serveOnce()).toMatch(
      /mail {11}SMTP is not configured: mail is kept in the Outbox, not sent \(console: http:\/\/\S+\/console\/outbox; terminal: charter outbox\)/,
    );
    expect(await serveOnce({ SMTP_URL: 'smtp://127.0.0.1:2525' })).not.toContain('mail is kept in the Outbox');
  }, 120_000);

  it('charter outbox lists the mails and prints one', async () => {
    const list = await runCli(['outbox'], { env });
    expect(list.code).toBe(0);
    expect(list.out).toContain('SMTP is not configured: mail is kept in the Outbox, not sent.');
    expect(list.out).toContain(`${mailId}  kept       alice@example.be  Your code for R-1`);
    const one = await runCli(['outbox', '--id', mailId, '--json'], { env });
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out)).toMatchObject({
      kind: 'mail',
      organisation: 'outboxco',
      mail: { text: 'Your code is 1234 5678.' },
    });
    const unknown = await runCli(['outbox', '--org', 'nobody'], { env });
    expect(unknown.code).toBe(2);
  }, 120_000);
});
