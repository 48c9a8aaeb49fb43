import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { signedInUser } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { createLogger } from '../platform/logger.js';
import { createMailer } from '../platform/mail.js';
import { readCheckpoints } from './checkpoint.js';
import { enqueueCheckpointMails, mailCheckpoint } from './checkpoint-mail.js';
import { verifyChain } from './verify.js';

let t: TestApp;
let owner: string;

beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter() });
  owner = (await signedInUser(t, 'owner')).email;
  await signedInUser(t, 'viewer');
}, 120_000);
afterAll(() => t?.close());

describe('the daily checkpoint mail', () => {
  it('enqueues one job per organisation and day once the time is reached, however often it ticks', async () => {
    const deps = { db: t.database.db, schedule: '06:00' };
    expect(await enqueueCheckpointMails(deps, new Date('2026-03-02T05:59:00Z'))).toBe(0);
    expect(await enqueueCheckpointMails(deps, new Date('2026-03-02T06:00:00Z'))).toBe(1);
    expect(await enqueueCheckpointMails(deps, new Date('2026-03-02T18:00:00Z'))).toBe(0);
    expect(await enqueueCheckpointMails(deps, new Date('2026-03-03T06:01:00Z'))).toBe(1);
    expect(await enqueueCheckpointMails({ ...deps, schedule: 'off' }, new Date('2026-03-04T06:01:00Z'))).toBe(0);
  });

  it('mails the owners (only) a signed checkpoint that the verifier accepts', async () => {
    const logger = createLogger('silent');
    const mailer = createMailer({
      db: t.database.db,
      logger,
      from: 'Charter <privacy@testco.example>',
    });
    const now = new Date();
    expect(
      await mailCheckpoint({ db: t.database.db, mailer, logger, schedule: '06:00' }, t.organisationId!, 'testco', now),
    ).toBe(true);
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .select(['recipient', 'subject', 'text'])
      .where('template', '=', 'audit.checkpoint')
      .execute();
    expect(mails.map((m) => m.recipient)).toEqual([owner]);
    expect(mails[0]!.subject).toMatch(/^Audit checkpoint of testco \(entry \d+\)$/);
    const json = mails[0]!.text.slice(mails[0]!.text.indexOf('{'));
    const [checkpoint] = readCheckpoints(json);
    expect(await verifyChain(t.database.db, { organisationId: t.organisationId! }, { checkpoint })).toMatchObject({
      ok: true,
      checkpoint: { status: 'matches' },
    });
  });
});
