/**
 * The breach register in the database: record a breach, amend it (a new version, never an overwrite), record each
 * notification sent, and read a breach with its full history. Every write is one transaction with its audit entry;
 * every call is scoped to one organisation, so another organisation's breach is simply not found.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { emitWebhookEvent } from '../webhooks/events.js';
import { recordAudit } from '../audit/trail.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { invalidInput, notFound } from '../platform/errors.js';
import {
  amend,
  breachContentSchema,
  breachReference,
  changedFields,
  checkBreachContent,
  checkNotification,
  notificationWindowMs,
  type BreachAmendment,
  type BreachContent,
  type NotificationInput,
  type StoredNotification,
} from './breach.js';
import { recordsView, type BreachNotificationTable, type RecordsDb } from './tables.js';

export interface BreachVersionSummary {
  version: number;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
}

export interface StoredBreach {
  id: string;
  number: number;
  reference: string;
  createdAt: string;
  createdBy: string;
  version: number;
  content: BreachContent;
  notifications: StoredNotification[];
}

export interface BreachWithHistory extends StoredBreach {
  versions: (BreachVersionSummary & { content: BreachContent })[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseContent(value: unknown): BreachContent {
  return breachContentSchema.parse(typeof value === 'string' ? JSON.parse(value) : value);
}

const iso = (value: Date) => value.toISOString();

/** Records a new breach: number, version 1, audit entry and the `breach.recorded` webhook event — one transaction. */
export async function recordBreach<DB extends RecordsDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  input: { content: BreachContent; actor: string; now: Date },
): Promise<StoredBreach> {
  const db = recordsView(anyDb);
  const organisationId = requireScope(scope);
  const problems = checkBreachContent(input.content, input.now);
  if (problems.length > 0) throw invalidInput(problems);
  return inOrganisation(db, scope, async (trx) => {
    // Numbers are consecutive per organisation; concurrent recorders queue here.
    await sql`select pg_advisory_xact_lock(hashtext(${`breach-number:${organisationId}`}))`.execute(trx);
    const last = await trx
      .selectFrom('breaches')
      .select((eb) => eb.fn.max('number').as('number'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    const number = (last?.number ?? 0) + 1;
    const id = randomUUID();
    await trx
      .insertInto('breaches')
      .values({ organisation_id: organisationId, id, number, created_at: input.now, created_by: input.actor })
      .execute();
    await insertVersion(recordsView(trx), organisationId, id, 1, input.content, {
      actor: input.actor,
      now: input.now,
      reason: null,
    });
    await recordAudit(
      trx,
      scope,
      {
        actor: input.actor,
        action: 'breach.recorded',
        target: `breach:${id}`,
        data: {
          number,
          version: 1,
          authorityRequired: input.content.authority.required,
          subjectsRequired: input.content.subjects.required,
        },
      },
      input.now,
    );
    await emitWebhookEvent(
      trx,
      scope,
      'breach.recorded',
      {
        breachId: id,
        number,
        notifyAuthorityBy: new Date(Date.parse(input.content.awareAt) + notificationWindowMs).toISOString(),
      },
      input.now,
    );
    return {
      id,
      number,
      reference: breachReference(number, input.now),
      createdAt: iso(input.now),
      createdBy: input.actor,
      version: 1,
      content: input.content,
      notifications: [],
    };
  });
}

async function insertVersion(
  trx: Transaction<RecordsDb>,
  organisationId: string,
  breachId: string,
  version: number,
  content: BreachContent,
  meta: { actor: string; now: Date; reason: string | null },
) {
  await trx
    .insertInto('breach_versions')
    .values({
      organisation_id: organisationId,
      breach_id: breachId,
      version,
      recorded_at: meta.now,
      recorded_by: meta.actor,
      reason: meta.reason,
      aware_at: content.awareAt,
      status: content.status,
      content: JSON.stringify(content),
    })
    .execute();
}

/** Amends a breach: the changed fields become version n+1, with the reason; the earlier versions stay as they were. */
export async function amendBreach<DB extends RecordsDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  breachId: string,
  input: { amendment: BreachAmendment; actor: string; now: Date },
): Promise<StoredBreach> {
  const db = recordsView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const current = await loadBreach(trx, organisationId, breachId, { lock: true });
    if (!current) throw notFound('breach');
    const next = amend(current.content, input.amendment);
    const problems = checkBreachContent(next, input.now);
    if (problems.length > 0) throw invalidInput(problems);
    const fields = changedFields(current.content, next);
    if (fields.length === 0) throw invalidInput([{ path: 'body', message: 'the amendment changes nothing' }]);
    const version = current.version + 1;
    await insertVersion(trx, organisationId, breachId, version, next, {
      actor: input.actor,
      now: input.now,
      reason: input.amendment.reason,
    });
    await recordAudit(
      trx,
      scope,
      { actor: input.actor, action: 'breach.amended', target: `breach:${breachId}`, data: { version, fields } },
      input.now,
    );
    return { ...current, version, content: next };
  });
}

/** Records a notification that was sent (to the authority, the people concerned or a controller). */
export async function recordNotification<DB extends RecordsDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  breachId: string,
  input: { notification: NotificationInput; actor: string; now: Date },
): Promise<StoredNotification> {
  const db = recordsView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const current = await loadBreach(trx, organisationId, breachId, { lock: true });
    if (!current) throw notFound('breach');
    const n = input.notification;
    const problems = checkNotification(n, current.content, current.notifications, input.now);
    if (problems.length > 0) throw invalidInput(problems);
    const seq = current.notifications.length + 1;
    await trx
      .insertInto('breach_notifications')
      .values({
        organisation_id: organisationId,
        breach_id: breachId,
        seq,
        recipient: n.recipient,
        phase: n.phase,
        controller: n.controller ?? null,
        sent_at: n.sentAt,
        recorded_at: input.now,
        recorded_by: input.actor,
        language: n.language ?? null,
        channel: n.channel ?? null,
        reference: n.reference ?? null,
        content: n.content,
        delay_reasons: n.delayReasons ?? null,
      })
      .execute();
    await recordAudit(
      trx,
      scope,
      {
        actor: input.actor,
        action: 'breach.notification-recorded',
        target: `breach:${breachId}`,
        data: { seq, recipient: n.recipient, phase: n.phase, ...(n.controller ? { controller: n.controller } : {}) },
      },
      input.now,
    );
    return {
      seq,
      recipient: n.recipient,
      phase: n.phase,
      ...(n.controller ? { controller: n.controller } : {}),
      sentAt: new Date(n.sentAt).toISOString(),
      recordedAt: iso(input.now),
      recordedBy: input.actor,
      ...(n.language ? { language: n.language } : {}),
      ...(n.channel ? { channel: n.channel } : {}),
      ...(n.reference ? { reference: n.reference } : {}),
      content: n.content,
      ...(n.delayReasons ? { delayReasons: n.delayReasons } : {}),
    };
  });
}

async function loadBreach(
  trx: Transaction<RecordsDb>,
  organisationId: string,
  breachId: string,
  options: { lock?: boolean } = {},
): Promise<StoredBreach | undefined> {
  if (!uuidPattern.test(breachId)) return undefined;
  const row = await trx
    .selectFrom('breaches')
    .select(['id', 'number', 'created_at', 'created_by'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', breachId)
    .executeTakeFirst();
  if (!row) return undefined;
  // Serialises amendments and notifications of one breach so version and sequence numbers stay consecutive. An
  // advisory lock, because row locks (FOR SHARE/UPDATE) need the UPDATE privilege the register does not grant.
  if (options.lock) await sql`select pg_advisory_xact_lock(hashtext(${`breach:${breachId}`}))`.execute(trx);
  const latest = await trx
    .selectFrom('breach_versions')
    .select(['version', 'content'])
    .where('organisation_id', '=', organisationId)
    .where('breach_id', '=', breachId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const notifications = await trx
    .selectFrom('breach_notifications')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('breach_id', '=', breachId)
    .orderBy('seq')
    .execute();
  return {
    id: row.id,
    number: row.number,
    reference: breachReference(row.number, row.created_at),
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    version: latest.version,
    content: parseContent(latest.content),
    notifications: notifications.map(toNotification),
  };
}

function toNotification(row: Selectable<BreachNotificationTable>): StoredNotification {
  return {
    seq: row.seq,
    recipient: row.recipient,
    phase: row.phase,
    ...(row.controller ? { controller: row.controller } : {}),
    sentAt: iso(row.sent_at),
    recordedAt: iso(row.recorded_at),
    recordedBy: row.recorded_by,
    ...(row.language ? { language: row.language as 'en' | 'nl' | 'fr' | 'de' } : {}),
    ...(row.channel ? { channel: row.channel } : {}),
    ...(row.reference ? { reference: row.reference } : {}),
    content: row.content,
    ...(row.delay_reasons ? { delayReasons: row.delay_reasons } : {}),
  };
}

/** One breach with every version (oldest first) and every notification; undefined when not in this organisation. */
export async function findBreach<DB extends RecordsDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  breachId: string,
): Promise<BreachWithHistory | undefined> {
  const db = recordsView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const current = await loadBreach(trx, organisationId, breachId);
    if (!current) return undefined;
    const versions = await trx
      .selectFrom('breach_versions')
      .select(['version', 'recorded_at', 'recorded_by', 'reason', 'content'])
      .where('organisation_id', '=', organisationId)
      .where('breach_id', '=', breachId)
      .orderBy('version')
      .execute();
    return {
      ...current,
      versions: versions.map((v) => ({
        version: v.version,
        recordedAt: iso(v.recorded_at),
        recordedBy: v.recorded_by,
        reason: v.reason,
        content: parseContent(v.content),
      })),
    };
  });
}

/** Every breach of the organisation in its current version with its notifications, newest first. */
export async function listBreaches<DB extends RecordsDb>(anyDb: Kysely<DB>, scope: OrgScope): Promise<StoredBreach[]> {
  const db = recordsView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const heads = await trx
      .selectFrom('breaches')
      .select(['id', 'number', 'created_at', 'created_by'])
      .where('organisation_id', '=', organisationId)
      .orderBy('number', 'desc')
      .execute();
    if (heads.length === 0) return [];
    const latest = await trx
      .selectFrom('breach_versions')
      .distinctOn('breach_id')
      .select(['breach_id', 'version', 'content'])
      .where('organisation_id', '=', organisationId)
      .orderBy('breach_id')
      .orderBy('version', 'desc')
      .execute();
    const notifications = await trx
      .selectFrom('breach_notifications')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('breach_id')
      .orderBy('seq')
      .execute();
    const versionOf = new Map(latest.map((v) => [v.breach_id, v]));
    return heads.map((head) => {
      const version = versionOf.get(head.id);
      if (!version) throw new Error(`breach ${head.id} has no version`);
      return {
        id: head.id,
        number: head.number,
        reference: breachReference(head.number, head.created_at),
        createdAt: iso(head.created_at),
        createdBy: head.created_by,
        version: version.version,
        content: parseContent(version.content),
        notifications: notifications.filter((n) => n.breach_id === head.id).map(toNotification),
      };
    });
  });
}
