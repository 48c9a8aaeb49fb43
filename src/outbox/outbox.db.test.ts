import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { sessionFor, tokenFor } from '../../test/support/auth.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import { createLogger } from '../platform/logger.js';
import { createMailer } from '../platform/mail.js';
import { formatOutbox, outboxForCli } from './commands.js';

let t: TestApp;
let own: { id: string; slug: string };
let other: { id: string; slug: string };
let codeMailId: string;
let otherMailId: string;

const code = '4711 0815';
const link = 'https://charter.test/privacy/main/link/s3cr3tLinkSecretOfTwentyChars';

beforeAll(async () => {
  t = await buildTestApp();
  own = await ensureOrganisation(t.database.db, 'outbox-own', 'Own BV');
  other = await ensureOrganisation(t.database.db, 'outbox-other', 'Other BV');
  // The mailer as the app has it without SMTP: the Outbox is the delivery.
  const mailer = createMailer({
    db: t.database.db,
    logger: createLogger('silent'),
    from: 'Charter <privacy@charter.test>',
  });
  await mailer.send({
    organisationId: own.id,
    to: 'officer@own.test',
    subject: 'A new request',
    text: 'See the console.',
    template: 'request.officer-received',
  });
  codeMailId = (
    await mailer.send({
      organisationId: own.id,
      to: 'alice@example.be',
      subject: 'Your code',
      text: `Your code is ${code}. Or open ${link} <b>bold</b>`,
      html: '<p>never shown</p>',
      template: 'request.code',
      secrets: [code, link.split('/').pop() ?? ''],
    })
  ).id;
  otherMailId = (
    await mailer.send({
      organisationId: other.id,
      to: 'bob@other.test',
      subject: 'Not yours',
      text: 'secret of another organisation',
      template: 'request.code',
    })
  ).id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('the Outbox API', () => {
  it("lists the organisation's own mails only, newest first, with recipients in clear for an owner", async () => {
    const headers = await sessionFor(t, 'owner', own.id);
    const response = await t.app.inject({ url: '/api/v1/outbox', headers });
    expect(response.statusCode).toBe(200);
    const { mails, nextBefore } = response.json();
    expect(mails.map((m: { subject: string }) => m.subject)).toEqual(['Your code', 'A new request']);
    expect(mails[0]).toMatchObject({
      id: codeMailId,
      recipient: 'alice@example.be',
      recipientMasked: false,
      transport: 'outbox',
      status: 'sent',
      template: 'request.code',
    });
    expect(nextBefore).toBeNull();
  });

  it('pages back with before and limit', async () => {
    const headers = await sessionFor(t, 'owner', own.id);
    const first = (await t.app.inject({ url: '/api/v1/outbox?limit=1', headers })).json();
    expect(first.mails).toHaveLength(1);
    expect(first.nextBefore).not.toBeNull();
    const second = (
      await t.app.inject({ url: `/api/v1/outbox?limit=1&before=${encodeURIComponent(first.nextBefore)}`, headers })
    ).json();
    expect(second.mails.map((m: { subject: string }) => m.subject)).toEqual(['A new request']);
  });

  it('shows one mail with its text part (never the HTML part) and records the reading in the audit trail', async () => {
    const owner = await sessionFor(t, 'owner', own.id);
    const response = await t.app.inject({ url: `/api/v1/outbox/${codeMailId}`, headers: owner });
    expect(response.statusCode).toBe(200);
    const mail = response.json();
    expect(mail.text).toBe(`Your code is ${code}. Or open ${link} <b>bold</b>`);
    expect(mail.secretsMasked).toBe(false);
    expect(JSON.stringify(mail)).not.toContain('never shown');
    const audit = (await t.app.inject({ url: '/api/v1/audit?action=mail.read', headers: owner })).json();
    expect(audit.entries[0]).toMatchObject({
      action: 'mail.read',
      target: `mail:${codeMailId}`,
      data: { template: 'request.code', masked: false },
    });
    expect(audit.entries[0].actor).toMatch(/^user:/);
  });

  it('masks recipients, codes and link secrets for a viewer', async () => {
    const viewer = await sessionFor(t, 'viewer', own.id);
    const list = (await t.app.inject({ url: '/api/v1/outbox', headers: viewer })).json();
    expect(list.mails[0]).toMatchObject({ recipient: 'al***@example.be', recipientMasked: true });
    const mail = (await t.app.inject({ url: `/api/v1/outbox/${codeMailId}`, headers: viewer })).json();
    expect(mail.recipient).toBe('al***@example.be');
    expect(mail.text).toBe(
      'Your code is [secret]. Or open https://charter.test/privacy/main/link/[secret] <b>bold</b>',
    );
    expect(mail.secretsMasked).toBe(true);
  });

  it("answers 404 for another organisation's mail and for an unknown one, 422 for a malformed id", async () => {
    const headers = await sessionFor(t, 'owner', own.id);
    expect((await t.app.inject({ url: `/api/v1/outbox/${otherMailId}`, headers })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: '/api/v1/outbox/00000000-0000-4000-8000-000000000000', headers })).statusCode,
    ).toBe(404);
    const malformed = await t.app.inject({ url: '/api/v1/outbox/not-an-id', headers });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.details[0].path).toBe('params.id');
  });

  it('needs mail:read: 401 without credentials, 403 for a token without the scope, 200 with it', async () => {
    expect((await t.app.inject({ url: '/api/v1/outbox' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: '/api/v1/outbox', headers: await tokenFor(t, ['requests:read'], own.id) })).statusCode,
    ).toBe(403);
    const token = await t.app.inject({ url: '/api/v1/outbox', headers: await tokenFor(t, ['mail:read'], own.id) });
    expect(token.statusCode).toBe(200);
    expect(token.json().mails).toHaveLength(2);
  });

  it('tells any signed-in caller that mail is kept in the Outbox while SMTP is not configured', async () => {
    const viewer = await sessionFor(t, 'viewer', own.id);
    expect((await t.app.inject({ url: '/api/v1/mail/delivery', headers: viewer })).json()).toEqual({
      delivery: 'outbox',
    });
    expect((await t.app.inject({ url: '/api/v1/mail/delivery' })).statusCode).toBe(401);
  });
});

describe('charter outbox', () => {
  it('lists the mails of the named organisation and says they were kept, not sent', async () => {
    const result = await outboxForCli(t.database.db, { org: own.slug }, { smtp: false, now: new Date() });
    const lines = formatOutbox(result);
    expect(lines[0]).toBe('SMTP is not configured: mail is kept in the Outbox, not sent.');
    expect(lines.filter((l) => l.includes(codeMailId))[0]).toContain('alice@example.be  Your code');
    expect(lines.at(-1)).toBe('2 mails of outbox-own. Read one with: charter outbox --id <id>');
  });

  it('shows one mail as text, audited as read by cli', async () => {
    const result = await outboxForCli(
      t.database.db,
      { org: own.slug, id: codeMailId },
      { smtp: false, now: new Date() },
    );
    expect(formatOutbox(result).join('\n')).toContain(`Your code is ${code}.`);
    const owner = await sessionFor(t, 'owner', own.id);
    const audit = (await t.app.inject({ url: '/api/v1/audit?action=mail.read&actor=cli', headers: owner })).json();
    expect(audit.entries).toHaveLength(1);
  });

  it('asks for --org when the installation has several organisations', async () => {
    await expect(outboxForCli(t.database.db, {}, { smtp: false, now: new Date() })).rejects.toThrow(
      /choose one with --org: .*outbox-other.*outbox-own/,
    );
  });
});
