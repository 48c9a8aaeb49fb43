/**
 * Art. 19 records of a request: which recipient was told of its rectification, erasure or restriction, how, and
 * whether it really happened. Recorded in the transaction that completes the request; mails to recipients' privacy
 * contacts go out after it and are marked done only once sent; what no system or mail did is the privacy officer's
 * task, marked done (or not) by a person, with the audit entry in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Charter, Language } from '../charter/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import { inOrganisation, requireScope, withinOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import type { RightsContext } from './context.js';
import { recipientNoticeMail } from './mails.js';
import type { InformingType, NotificationChannel, NotificationState, PlannedNotification } from './recipients.js';
import { viewOf } from '../platform/db/view.js';
import { findRequest, recordEvent, type RightsRequest } from './repository.js';
import type { RightsDb } from './tables.js';

const rightsView = viewOf<RightsDb>();

export interface NotificationRecord {
  id: string;
  requestId: string;
  recipient: string;
  channel: NotificationChannel;
  state: NotificationState;
  detail: Record<string, unknown>;
  createdAt: Date;
  doneAt: Date | null;
  doneBy: string | null;
}

/**
 * Records the planned notifications inside the completing transaction (a store call is done when recorded: the store
 * answered, and its telling is audited with it). Idempotent per recipient.
 */
export async function recordNotifications<DB extends RightsDb>(
  anyDb: Transaction<DB>,
  scope: OrgScope,
  request: Pick<RightsRequest, 'id' | 'type'>,
  plans: PlannedNotification[],
  at: Date,
): Promise<void> {
  const db = rightsView(anyDb);
  const organisationId = requireScope(scope);
  const requestId = request.id;
  if (plans.length === 0) return;
  const inserted = await db
    .insertInto('rights_notifications')
    .values(
      plans.map((plan) => ({
        organisation_id: organisationId,
        id: randomUUID(),
        request_id: requestId,
        recipient: plan.recipient,
        channel: plan.channel,
        state: plan.channel === 'store' ? ('done' as const) : ('pending' as const),
        detail: JSON.stringify(
          plan.channel === 'store'
            ? { store: plan.store, rows: plan.rows ?? 0 }
            : plan.task
              ? { task: 'restrict', ...plan.task }
              : {},
        ),
        created_at: at,
        done_at: plan.channel === 'store' ? at : null,
        done_by: plan.channel === 'store' ? `store:${plan.store}` : null,
      })),
    )
    .onConflict((oc) => oc.columns(['organisation_id', 'request_id', 'recipient']).doNothing())
    .returning(['recipient', 'channel'])
    .execute();
  for (const told of inserted.filter((r) => r.channel === 'store')) {
    await recordEvent(db, scope, request, {
      actor: 'system',
      kind: 'recipient-informed',
      at,
      data: { recipient: told.recipient, channel: 'store' },
    });
  }
}

export async function notificationsOf<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  requestId: string,
): Promise<NotificationRecord[]> {
  const organisationId = requireScope(scope);
  const rows = await withinOrganisation(rightsView(anyDb), scope, (trx) =>
    trx
      .selectFrom('rights_notifications')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .orderBy('recipient')
      .execute(),
  );
  return rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    recipient: r.recipient,
    channel: r.channel,
    state: r.state,
    detail: r.detail,
    createdAt: new Date(r.created_at),
    doneAt: r.done_at ? new Date(r.done_at) : null,
    doneBy: r.done_by,
  }));
}

/**
 * Mails the Art. 19 notice to the privacy contact of every recipient still pending by mail, in the charter's default
 * language (the recipient's own is unknown), and marks each done once sent. A mail that fails stays pending: the
 * privacy officer sees it among the request's open tasks.
 */
export async function mailRecipients(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest & { type: InformingType },
  /** The request's records when the caller just read them (in the completing transaction): not read again. */
  known?: NotificationRecord[],
): Promise<NotificationRecord[]> {
  const organisationId = requireScope(scope);
  const language: Language = charter.defaultLanguage ?? charter.languages[0] ?? 'en';
  const records = known ?? (await notificationsOf(context.db, scope, request.id));
  const result: NotificationRecord[] = [];
  for (const record of records) {
    result.push(record);
    if (record.channel !== 'mail' || record.state !== 'pending') continue;
    const recipient = charter.recipients.find((r) => r.id === record.recipient);
    if (!recipient?.privacyContact) continue;
    const sent = await context.send(
      scope,
      recipient.privacyContact,
      recipientNoticeMail(charter, language, request, recipient),
      language,
    );
    if (!sent) continue;
    const now = context.now();
    await inOrganisation(context.db, scope, async (trx) => {
      await trx
        .updateTable('rights_notifications')
        .set({ state: 'done', done_at: now, done_by: 'mail', detail: JSON.stringify({ to: recipient.privacyContact }) })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', record.id)
        .where('state', '=', 'pending')
        .execute();
      await recordEvent(trx, scope, request, {
        actor: 'system',
        kind: 'recipient-informed',
        at: now,
        data: { recipient: record.recipient, channel: 'mail' },
      });
    });
    result[result.length - 1] = {
      ...record,
      state: 'done',
      doneAt: now,
      doneBy: 'mail',
      detail: { to: recipient.privacyContact },
    };
  }
  return result;
}

/**
 * Completed requests with a notice to a privacy contact still unsent between `from` and `to` (the process died after
 * completing the request, or the mail server refused): the tick sends them again. Older ones stay with the officer.
 */
export async function requestsWithUnsentNotices<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  from: Date,
  to: Date,
  limit: number,
): Promise<string[]> {
  const organisationId = requireScope(scope);
  const rows = await withinOrganisation(rightsView(anyDb), scope, (trx) =>
    trx
      .selectFrom('rights_notifications')
      .select('request_id')
      .distinct()
      .where('organisation_id', '=', organisationId)
      .where('channel', '=', 'mail')
      .where('state', '=', 'pending')
      .where('created_at', '>', from)
      .where('created_at', '<=', to)
      .limit(limit)
      .execute(),
  );
  return rows.map((r) => r.request_id);
}

/** The privacy officer marks a recipient told (or not yet) — the Art. 19 task of a request. */
export async function markNotification(
  context: RightsContext,
  scope: OrgScope,
  requestId: string,
  recipient: string,
  done: boolean,
  actor: string,
): Promise<void> {
  const organisationId = requireScope(scope);
  const now = context.now();
  await inOrganisation(context.db, scope, async (trx) => {
    const request = await findRequest(trx, scope, requestId, { lock: true });
    if (!request) throw notFound('request');
    const record = await trx
      .selectFrom('rights_notifications')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('request_id', '=', requestId)
      .where('recipient', '=', recipient)
      .executeTakeFirst();
    if (!record) throw notFound('recipient notification');
    if (record.channel === 'store')
      throw conflict('This recipient was told through its connected system; there is nothing to mark.');
    await trx
      .updateTable('rights_notifications')
      .set(done ? { state: 'done', done_at: now, done_by: actor } : { state: 'pending', done_at: null, done_by: null })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', record.id)
      .execute();
    await recordEvent(trx, scope, request, {
      actor,
      kind: done ? 'recipient-informed' : 'recipient-not-informed',
      at: now,
      data: { recipient, channel: record.channel },
    });
  });
}
