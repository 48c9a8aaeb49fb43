import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { startSmtp, type TestSmtp } from '../../test/support/smtp.js';
import { createLogger } from './logger.js';
import { createMailer, RecipientRefusedError } from './mail.js';

let smtp: TestSmtp;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('the mailer', () => {
  it('refuses any recipient that is not one plain address, before SMTP and the outbox (the second wall)', async () => {
    const mailer = createMailer({
      db: t.database.db,
      logger: createLogger('silent'),
      smtpUrl: smtp.url,
      from: 'Charter <privacy@charter.test>',
    });
    for (const to of [
      'dave@shop.test\r\nBcc: mallory@evil.test',
      'erin@shop.test, mallory@evil.test',
      'Dave <dave@shop.test>',
      '<dave@shop.test>',
      'dave@shop.test\u0000',
      ' dave@shop.test',
    ]) {
      await expect(
        mailer.send({ organisationId: null, to, subject: 'refused', text: 'x', template: 'test.refused' }),
      ).rejects.toBeInstanceOf(RecipientRefusedError);
    }
    await mailer.send({
      organisationId: null,
      to: 'dave@shop.test',
      subject: 'sent',
      text: 'x',
      template: 'test.sent',
    });
    const outbox = await t.database.db.selectFrom('mail_outbox').select('template').execute();
    expect(outbox).toEqual([{ template: 'test.sent' }]);
    expect(smtp.messages.map((m) => [m.to, m.subject])).toEqual([[['dave@shop.test'], 'sent']]);
  });
});
