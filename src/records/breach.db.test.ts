import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganisation } from '../accounts/organisations.js';
import type { Database } from '../database.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { AppError } from '../platform/errors.js';
import { testDatabase } from '../../test/support/database.js';
import { breachClock, breachContentSchema, type BreachContentInput, type NotificationInput } from './breach.js';
import { amendBreach, findBreach, listBreaches, recordBreach, recordNotification } from './breach-repository.js';

let database: OpenDatabase<Database>;
let scope: { organisationId: string };
let other: { organisationId: string };

const aware = new Date('2026-11-20T09:00:00Z');
const now = new Date('2026-11-20T15:00:00Z');

function buildBreachContent(edit: Partial<BreachContentInput> = {}) {
  return breachContentSchema.parse({
    title: 'Stolen laptop',
    discoveredAt: '2026-11-20T08:30:00Z',
    awareAt: aware.toISOString(),
    nature: ['confidentiality'],
    description: 'A laptop with an unencrypted export of the CRM was stolen from a car.',
    subjectCategories: ['customer'],
    approximateSubjects: 1200,
    dataCategories: ['identity.name', 'contact.email'],
    approximateRecords: 1500,
    consequences: 'Phishing aimed at our customers.',
    measuresTaken: 'Passwords reset; theft reported to the police.',
    authority: { required: true, reason: 'Contact data of many customers is exposed.' },
    subjects: { required: false, reason: 'No high risk: no financial or sensitive data.' },
    ...edit,
  });
}

/** Records a notification to the authority by user:1 at `now`: the phase, time and content are what a test varies. */
function notifyAuthority(breachId: string, notification: Omit<NotificationInput, 'recipient'>) {
  return recordNotification(database.db, scope, breachId, {
    notification: { recipient: 'authority', ...notification },
    actor: 'user:1',
    now,
  });
}

async function expectAppError(promise: Promise<unknown>, status: number, path?: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (path) expect((error as AppError).details.map((d) => d.path)).toContain(path);
}

beforeAll(async () => {
  database = await testDatabase();
  scope = { organisationId: (await ensureOrganisation(database.db, 'org-a', 'Org A')).id };
  other = { organisationId: (await ensureOrganisation(database.db, 'org-b', 'Org B')).id };
}, 120_000);
afterAll(async () => {
  await database?.close();
});

describe('breach register', () => {
  it('records a breach with a number, version 1 and an audit entry', async () => {
    const breach = await recordBreach(database.db, scope, { content: buildBreachContent(), actor: 'user:1', now });
    expect(breach).toMatchObject({ number: 1, reference: 'B-2026-001', version: 1, createdBy: 'user:1' });
    const second = await recordBreach(database.db, scope, {
      content: buildBreachContent({ title: 'Misdirected email' }),
      actor: 'user:1',
      now,
    });
    expect(second.number).toBe(2);
    const audit = await database.db
      .selectFrom('audit_entries')
      .select(['action', 'target', 'data'])
      .where('organisation_id', '=', scope.organisationId)
      .where('target', '=', `breach:${breach.id}`)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['breach.recorded']);
    // Ids and decisions only: no names, descriptions or contact details in the audit trail.
    expect(JSON.stringify(audit[0]!.data)).not.toContain('laptop');
  });

  it('refuses a breach the organisation became aware of before it was discovered, or in the future', async () => {
    await expectAppError(
      recordBreach(database.db, scope, {
        content: buildBreachContent({ awareAt: '2026-11-20T08:00:00Z' }),
        actor: 'user:1',
        now,
      }),
      422,
      'body.awareAt',
    );
    await expectAppError(
      recordBreach(database.db, scope, {
        content: buildBreachContent({ discoveredAt: '2026-11-21T08:00:00Z', awareAt: '2026-11-21T08:00:00Z' }),
        actor: 'user:1',
        now,
      }),
      422,
      'body.discoveredAt',
    );
  });

  it('amends by adding a version and keeps every earlier version', async () => {
    const breach = await recordBreach(database.db, scope, { content: buildBreachContent(), actor: 'user:1', now });
    const later = new Date('2026-11-21T10:00:00Z');
    const amended = await amendBreach(database.db, scope, breach.id, {
      amendment: {
        reason: 'Count confirmed by the CRM vendor',
        approximateSubjects: 1350,
        subjects: { required: true, reason: 'Passwords were in the export after all.' },
      },
      actor: 'user:2',
      now: later,
    });
    expect(amended.version).toBe(2);
    const found = await findBreach(database.db, scope, breach.id);
    expect(found?.versions.map((v) => [v.version, v.reason, v.content.approximateSubjects])).toEqual([
      [1, null, 1200],
      [2, 'Count confirmed by the CRM vendor', 1350],
    ]);
    expect(found?.content.subjects.required).toBe(true);
    expect(found?.content.title).toBe('Stolen laptop');
    const audit = await database.db
      .selectFrom('audit_entries')
      .select(['action', 'data', 'actor'])
      .where('target', '=', `breach:${breach.id}`)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['breach.recorded', 'breach.amended']);
    expect(audit[1]!.data).toEqual({ version: 2, fields: ['approximateSubjects', 'subjects'] });
    expect(audit[1]!.actor).toBe('user:2');
    await expectAppError(
      amendBreach(database.db, scope, breach.id, {
        amendment: { reason: 'nothing', approximateSubjects: 1350 },
        actor: 'user:2',
        now: later,
      }),
      422,
      'body',
    );
  });

  it('refuses every update, delete and truncate in the database itself', async () => {
    const breach = await recordBreach(database.db, scope, { content: buildBreachContent(), actor: 'user:1', now });
    await recordNotification(database.db, scope, breach.id, {
      notification: {
        recipient: 'authority',
        phase: 'initial',
        sentAt: '2026-11-20T14:00:00Z',
        content: 'Initial notification',
      },
      actor: 'user:1',
      now,
    });
    // As the connecting (owner) role: the trigger refuses.
    for (const statement of [
      sql`update breach_versions set reason = 'edited' where breach_id = ${breach.id}`,
      sql`delete from breach_versions where breach_id = ${breach.id}`,
      sql`update breaches set number = 99 where id = ${breach.id}`,
      sql`delete from breach_notifications where breach_id = ${breach.id}`,
      sql`update breach_notifications set content = 'rewritten' where breach_id = ${breach.id}`,
      sql`truncate breach_notifications`,
      sql`truncate breaches cascade`,
    ]) {
      await expect(statement.execute(database.db)).rejects.toThrow(/append-only/);
    }
    // As the application role inside an organisation: not even granted.
    await expect(
      inOrganisation(database.db, scope, (trx) =>
        sql`delete from breach_versions where breach_id = ${breach.id}`.execute(trx),
      ),
    ).rejects.toThrow(/permission denied|append-only/);
    const found = await findBreach(database.db, scope, breach.id);
    expect(found?.versions).toHaveLength(1);
    expect(found?.notifications[0]?.content).toBe('Initial notification');
  });

  it('records phased notifications: initial first, then follow-ups', async () => {
    const breach = await recordBreach(database.db, scope, { content: buildBreachContent(), actor: 'user:1', now });
    await expectAppError(
      notifyAuthority(breach.id, { phase: 'follow-up', sentAt: '2026-11-20T14:00:00Z', content: 'More' }),
      422,
      'body.phase',
    );
    await notifyAuthority(breach.id, {
      phase: 'initial',
      sentAt: '2026-11-20T14:00:00Z',
      content: 'First',
      reference: 'DOS-2026-123',
    });
    await expectAppError(
      notifyAuthority(breach.id, { phase: 'initial', sentAt: '2026-11-20T14:30:00Z', content: 'Again' }),
      422,
      'body.phase',
    );
    const followUp = await notifyAuthority(breach.id, {
      phase: 'follow-up',
      sentAt: '2026-11-20T14:45:00Z',
      content: 'Second',
    });
    expect(followUp.seq).toBe(2);
    const found = await findBreach(database.db, scope, breach.id);
    expect(found?.notifications.map((n) => [n.seq, n.phase, n.content])).toEqual([
      [1, 'initial', 'First'],
      [2, 'follow-up', 'Second'],
    ]);
    expect(breachClock(found!.content, found!.notifications, now)).toMatchObject({
      state: 'notified',
      notifiedAt: '2026-11-20T14:00:00.000Z',
    });
    const audit = await database.db
      .selectFrom('audit_entries')
      .select('data')
      .where('target', '=', `breach:${breach.id}`)
      .where('action', '=', 'breach.notification-recorded')
      .execute();
    expect(audit.map((a) => a.data)).toEqual([
      { seq: 1, recipient: 'authority', phase: 'initial' },
      { seq: 2, recipient: 'authority', phase: 'follow-up' },
    ]);
  });

  it('requires reasons for a notification to the authority made after 72 hours (Art. 33(1))', async () => {
    const breach = await recordBreach(database.db, scope, { content: buildBreachContent(), actor: 'user:1', now });
    const late = new Date('2026-11-24T12:00:00Z');
    await expectAppError(
      recordNotification(database.db, scope, breach.id, {
        notification: { recipient: 'authority', phase: 'initial', sentAt: late.toISOString(), content: 'Late' },
        actor: 'user:1',
        now: late,
      }),
      422,
      'body.delayReasons',
    );
    await recordNotification(database.db, scope, breach.id, {
      notification: {
        recipient: 'authority',
        phase: 'initial',
        sentAt: late.toISOString(),
        content: 'Late',
        delayReasons: 'The forensic report arrived on day four.',
      },
      actor: 'user:1',
      now: late,
    });
    const found = await findBreach(database.db, scope, breach.id);
    expect(breachClock(found!.content, found!.notifications, late)).toMatchObject({
      state: 'notified-late',
      lateByMs: 27 * 3_600_000,
      reasonsMissing: false,
    });
  });

  it('is invisible to another organisation', async () => {
    const breach = await recordBreach(database.db, scope, { content: buildBreachContent(), actor: 'user:1', now });
    expect(await findBreach(database.db, other, breach.id)).toBeUndefined();
    expect((await listBreaches(database.db, other)).map((b) => b.id)).not.toContain(breach.id);
    await expectAppError(
      amendBreach(database.db, other, breach.id, {
        amendment: { reason: 'x', approximateSubjects: 1 },
        actor: 'user:9',
        now,
      }),
      404,
    );
    await expectAppError(
      recordNotification(database.db, other, breach.id, {
        notification: { recipient: 'authority', phase: 'initial', sentAt: now.toISOString(), content: 'x' },
        actor: 'user:9',
        now,
      }),
      404,
    );
    // Row-level security is the second wall: even an unfiltered query sees no other organisation's rows.
    const seen = await inOrganisation(database.db, other, (trx) =>
      sql<{ n: number }>`select count(*)::int as n from breach_versions`.execute(trx),
    );
    expect(seen.rows[0]?.n).toBe(0);
    expect(await findBreach(database.db, scope, 'not-a-uuid')).toBeUndefined();
  });

  it('lists the current version of every breach, newest first', async () => {
    const list = await listBreaches(database.db, scope);
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list.map((b) => b.number)).toEqual([...list.map((b) => b.number)].sort((a, b) => b - a));
    const amended = list.find((b) => b.version === 2);
    expect(amended?.content.approximateSubjects).toBe(1350);
  });
});
