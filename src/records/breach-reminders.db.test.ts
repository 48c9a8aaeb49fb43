import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganisation } from '../accounts/organisations.js';
import { applyCharter } from '../charter/repository.js';
import type { Database } from '../database.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { createJobRunner, type JobRunner } from '../platform/jobs.js';
import { createLogger } from '../platform/logger.js';
import { createMailer } from '../platform/mail.js';
import { buildCharter } from '../../test/support/charter.js';
import { testDatabase } from '../../test/support/database.js';
import { breachContentSchema } from './breach.js';
import { recordBreach, recordNotification } from './breach-repository.js';
import { reachedMilestones, registerRecordsJobs } from './breach-reminders.js';

let database: OpenDatabase<Database>;
let runner: JobRunner;
let scope: { organisationId: string };
let clock = new Date('2026-11-20T09:00:00Z');
const hour = 3_600_000;
const at = (hours: number) => new Date(Date.parse('2026-11-20T09:00:00Z') + hours * hour);

const content = (title: string) =>
  breachContentSchema.parse({
    title,
    discoveredAt: '2026-11-20T08:30:00Z',
    awareAt: '2026-11-20T09:00:00Z',
    nature: ['confidentiality'],
    description: 'A misdirected export.',
    subjectCategories: ['customer'],
    approximateSubjects: 10,
    dataCategories: ['contact.email'],
    approximateRecords: 10,
    consequences: 'Unwanted mail.',
    measuresTaken: 'Recipient deleted the file.',
    authority: { required: true, reason: 'Contact data left the organisation.' },
    subjects: { required: false, reason: 'No high risk.' },
  });

async function outbox() {
  return database.db
    .selectFrom('mail_outbox')
    .select(['recipient', 'subject', 'template', 'text'])
    .orderBy('created_at')
    .execute();
}

beforeAll(async () => {
  database = await testDatabase();
  const organisation = await ensureOrganisation(database.db, 'testco', 'Testco BV');
  scope = { organisationId: organisation.id };
  await applyCharter(database.db, scope, { charter: buildCharter(), source: '{}', format: 'json', actor: 'system' });
  const logger = createLogger('silent');
  const mailer = createMailer({
    db: database.db,
    logger,
    from: 'Charter <charter@localhost>',
  });
  runner = createJobRunner({ db: database.db, logger, clock: () => clock });
  registerRecordsJobs(runner, {
    db: database.db,
    mailer,
    logger,
    publicUrl: 'http://charter.test',
    clock: () => clock,
    tickEveryMs: 0,
  });
}, 120_000);
afterAll(async () => {
  await runner?.stop();
  await database?.close();
});

describe('breach reminders', () => {
  it('knows the milestones of the clock', () => {
    const view = (state: string, remainingMs: number, reasonsMissing = false) =>
      ({ content: content('x'), clock: { state, remainingMs, reasonsMissing } }) as unknown as Parameters<
        typeof reachedMilestones
      >[0];
    expect(reachedMilestones(view('running', 30 * hour))).toEqual([]);
    expect(reachedMilestones(view('due-soon', 10 * hour))).toEqual(['24h-left']);
    expect(reachedMilestones(view('due-soon', 5 * hour))).toEqual(['24h-left', '6h-left']);
    expect(reachedMilestones(view('overdue', -1))).toEqual(['24h-left', '6h-left', 'overdue']);
    expect(reachedMilestones(view('notified', 10 * hour))).toEqual([]);
    expect(reachedMilestones(view('notified-late', -hour, true))).toEqual(['reasons-missing']);
    expect(reachedMilestones(view('not-required', -hour))).toEqual([]);
  });

  it('mails once per milestone as the 72 hours run out, and records each reminder in the audit trail', async () => {
    const breach = await recordBreach(database.db, scope, {
      content: content('Misdirected export'),
      actor: 'user:1',
      now: clock,
    });
    const told = await recordBreach(database.db, scope, {
      content: content('Told in time'),
      actor: 'user:1',
      now: clock,
    });
    await recordNotification(database.db, scope, told.id, {
      notification: { recipient: 'authority', phase: 'initial', sentAt: at(2).toISOString(), content: 'sent' },
      actor: 'user:1',
      now: at(2),
    });

    clock = at(10);
    await runner.runOnce();
    await runner.runOnce();
    // The officers heard of each breach once, when it was recorded; no reminder is due yet.
    const recorded = (await outbox()).sort((a, b) => a.subject.localeCompare(b.subject));
    expect(recorded.map((m) => [m.recipient, m.template, m.subject])).toEqual([
      ['privacy@testco.example', 'breach.recorded', 'Breach B-2026-001 was recorded'],
      ['privacy@testco.example', 'breach.recorded', 'Breach B-2026-002 was recorded'],
    ]);
    expect(recorded[0]!.text).toContain('Deadline: November 23, 2026');
    expect(recorded[1]!.text).not.toContain('Deadline');
    const reminders = async () => (await outbox()).filter((m) => m.template.startsWith('breach.reminder.'));

    clock = at(49);
    await runner.runOnce();
    await runner.runOnce();
    let mails = await reminders();
    expect(mails.map((m) => [m.recipient, m.template, m.subject])).toEqual([
      [
        'privacy@testco.example',
        'breach.reminder.24h-left',
        'Breach B-2026-001: about 23 hours left to notify the authority',
      ],
    ]);
    expect(mails[0]!.text).toContain(`http://charter.test/console/breaches/${breach.id}`);

    clock = at(67);
    await runner.runOnce();
    clock = at(73);
    await runner.runOnce();
    await runner.runOnce();
    mails = await reminders();
    expect(mails.map((m) => m.template)).toEqual([
      'breach.reminder.24h-left',
      'breach.reminder.6h-left',
      'breach.reminder.overdue',
    ]);
    expect((await outbox()).filter((m) => m.template === 'breach.recorded')).toHaveLength(2);
    expect(mails[2]!.subject).toBe('Breach B-2026-001: the 72 hours to notify the authority have passed');

    const audit = await database.db
      .selectFrom('audit_entries')
      .select(['data', 'target'])
      .where('organisation_id', '=', scope.organisationId)
      .where('action', '=', 'breach.reminder-sent')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.target, a.data])).toEqual([
      [`breach:${breach.id}`, { milestone: '24h-left', recipients: 1 }],
      [`breach:${breach.id}`, { milestone: '6h-left', recipients: 1 }],
      [`breach:${breach.id}`, { milestone: 'overdue', recipients: 1 }],
    ]);
  });
});
