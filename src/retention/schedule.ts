/**
 * The daily sweep of each organisation: a schedule row per organisation (on by default at RETENTION_SCHEDULE, UTC),
 * and the ticker that turns due schedule rows into durable jobs. The ticker claims due rows with
 * `FOR UPDATE SKIP LOCKED` and enqueues the occurrence under a dedupe key (organisation + scheduled instant) in the
 * same transaction as it advances the row: however many server processes tick, each occurrence becomes one job.
 */
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/trail.js';
import { retentionView, type RetentionDb } from './tables.js';
import type { Config } from '../platform/config.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { enqueueJob } from '../platform/jobs.js';
import type { Schedule } from './schemas.js';
import { nextDailyRun } from './timing.js';

export const dailySweepQueue = 'retention.sweep';

const defaultTime = (config: Pick<Config, 'RETENTION_SCHEDULE'>) =>
  config.RETENTION_SCHEDULE === 'off' ? '02:30' : config.RETENTION_SCHEDULE;

export async function getSchedule<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  config: Pick<Config, 'RETENTION_SCHEDULE'>,
  now: Date,
): Promise<Schedule> {
  const db = retentionView(anyDb);
  const organisationId = requireScope(scope);
  const row = await inOrganisation(db, scope, (trx) =>
    trx.selectFrom('retention_schedules').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst(),
  );
  if (row)
    return {
      enabled: row.enabled,
      timeOfDay: row.time_of_day,
      nextRunAt: row.enabled ? new Date(row.next_run_at).toISOString() : null,
    };
  const enabled = config.RETENTION_SCHEDULE !== 'off';
  return {
    enabled,
    timeOfDay: defaultTime(config),
    nextRunAt: enabled ? nextDailyRun(defaultTime(config), now).toISOString() : null,
  };
}

export async function setSchedule<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  input: { enabled: boolean; timeOfDay: string; actor: string },
  now: Date,
): Promise<Schedule> {
  const db = retentionView(anyDb);
  const organisationId = requireScope(scope);
  const next = nextDailyRun(input.timeOfDay, now);
  await inOrganisation(db, scope, async (trx) => {
    await trx
      .insertInto('retention_schedules')
      .values({
        organisation_id: organisationId,
        enabled: input.enabled,
        time_of_day: input.timeOfDay,
        next_run_at: next,
        updated_at: now,
        updated_by: input.actor,
      })
      .onConflict((oc) =>
        oc.column('organisation_id').doUpdateSet({
          enabled: input.enabled,
          time_of_day: input.timeOfDay,
          next_run_at: next,
          updated_at: now,
          updated_by: input.actor,
        }),
      )
      .execute();
    await recordAudit(
      trx,
      scope,
      {
        actor: input.actor,
        action: 'retention.schedule.changed',
        target: 'retention-schedule',
        data: { enabled: input.enabled, timeOfDay: input.timeOfDay },
      },
      now,
    );
  });
  return { enabled: input.enabled, timeOfDay: input.timeOfDay, nextRunAt: input.enabled ? next.toISOString() : null };
}

/**
 * The ticker of the job runner: gives every organisation with a charter its default schedule (unless
 * RETENTION_SCHEDULE=off), then enqueues one job per due occurrence. Runs outside any organisation (installation
 * work, as the connecting role).
 */
export function scheduleTicker<DB extends RetentionDb>(anyDb: Kysely<DB>, config: Pick<Config, 'RETENTION_SCHEDULE'>) {
  const db = retentionView(anyDb);
  return (now: Date): Promise<void> =>
    acrossOrganisations('retention schedules of every organisation', () => tickSchedules(db, config, now));
}

async function tickSchedules(
  db: Kysely<RetentionDb>,
  config: Pick<Config, 'RETENTION_SCHEDULE'>,
  now: Date,
): Promise<void> {
  if (config.RETENTION_SCHEDULE !== 'off') {
    const time = config.RETENTION_SCHEDULE;
    const next = nextDailyRun(time, now);
    await sql`
      insert into retention_schedules (organisation_id, enabled, time_of_day, next_run_at, updated_at, updated_by)
      select o.id, true, ${time}, ${next.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz, 'system'
        from organisations o
       where o.active_revision_seq is not null
         and not exists (select 1 from retention_schedules s where s.organisation_id = o.id)
      on conflict (organisation_id) do nothing`.execute(db);
  }
  await db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('retention_schedules')
      .select(['organisation_id', 'time_of_day', 'next_run_at'])
      .where('enabled', '=', true)
      .where('next_run_at', '<=', now)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const row of due) {
      const scheduledFor = new Date(row.next_run_at);
      await enqueueJob<RetentionDb>(
        trx,
        {
          queue: dailySweepQueue,
          key: `${row.organisation_id}:${scheduledFor.toISOString()}`,
          organisationId: row.organisation_id,
          payload: { scheduledFor: scheduledFor.toISOString() },
        },
        now,
      );
      await trx
        .updateTable('retention_schedules')
        .set({ next_run_at: nextDailyRun(row.time_of_day, now) })
        .where('organisation_id', '=', row.organisation_id)
        .execute();
    }
  });
}
