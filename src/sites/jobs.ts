/**
 * The scheduled scan of every declared site, on the platform job runner: once a day, one durable job per site (the
 * organisation, site and day are the dedupe key, so any number of processes enqueue it once), and the handler that
 * runs it. A scan takes minutes: the handler keeps its lease alive while the browser works.
 */
import type { Kysely } from 'kysely';
import { listOrganisations } from '../accounts/organisations.js';
import { activeCharter } from '../charter/repository.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { enqueueJob, type JobRunner } from '../platform/jobs.js';
import { runSiteScan, sitesDeps, type SiteScanDeps } from './service.js';
import { sitesView, type SitesDb } from './tables.js';

export const siteScanQueue = 'sites.scan';
/** The daily scans start at this time (UTC): quiet hours for most European sites. */
export const dailyScanTime = '03:15';

/** Enqueues today's scan of every declared site of every organisation. Exported for tests; the runner ticks it. */
export async function enqueueDailyScans<DB extends SitesDb>(anyDb: Kysely<DB>, now: Date): Promise<number> {
  const db = sitesView(anyDb);
  const day = now.toISOString().slice(0, 10);
  const runAt = new Date(`${day}T${dailyScanTime}:00.000Z`);
  let enqueued = 0;
  const organisations = await acrossOrganisations('daily site scans of every organisation', () =>
    listOrganisations(db),
  );
  for (const organisation of organisations) {
    const scope = { organisationId: organisation.id };
    const stored = await activeCharter(db, scope);
    for (const site of stored?.charter.sites ?? []) {
      const created = await enqueueJob(
        db,
        {
          queue: siteScanQueue,
          key: `${organisation.id}:${site.id}:${day}`,
          organisationId: organisation.id,
          payload: { site: site.id, trigger: 'schedule', actor: 'system' },
          runAt,
          maxAttempts: 2,
        },
        now,
      );
      if (created) enqueued++;
    }
  }
  return enqueued;
}

/** Registers the daily ticker (checked once a minute) and the scan handler. */
export function registerSiteJobs<DB extends SitesDb>(
  runner: JobRunner,
  anyDeps: SiteScanDeps<DB>,
  options: { tickEveryMs?: number } = {},
): void {
  const deps = sitesDeps(anyDeps);
  const every = options.tickEveryMs ?? 60_000;
  let last = 0;
  runner.addTicker(async (now) => {
    if (every > 0 && now.getTime() - last < every) return;
    last = now.getTime();
    await enqueueDailyScans(deps.db, now);
  });
  runner.register(siteScanQueue, async ({ job, heartbeat }) => {
    const { site, trigger, actor } = job.payload as { site?: unknown; trigger?: unknown; actor?: unknown };
    if (!job.organisationId || typeof site !== 'string') return;
    const timer = setInterval(() => void heartbeat().catch(() => undefined), 30_000);
    try {
      await runSiteScan(deps, { organisationId: job.organisationId }, site, {
        trigger: trigger === 'api' ? 'api' : 'schedule',
        actor: typeof actor === 'string' ? actor : 'system',
      });
    } finally {
      clearInterval(timer);
    }
  });
}
