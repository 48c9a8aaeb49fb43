/**
 * Retention's background work on the platform job runner: the scheduled daily sweep of each organisation, the
 * execution of runs started or approved through the API, and the daily installation-wide sweep (consent months,
 * installation mails). Organisation sweeps go through `runRetention`, which holds the organisation's sweep lock: a
 * job that finds another process sweeping fails and is retried later.
 */
import { activeCharter } from '../charter/repository.js';
import type { Config } from '../platform/config.js';
import type { JobRunner } from '../platform/jobs.js';
import { enqueueJob, withExclusiveLock } from '../platform/jobs.js';
import type { Logger } from '../platform/logger.js';
import { retentionSettings } from './deps.js';
import { sweepInstallation } from './installation.js';
import { dailySweepQueue, scheduleTicker } from './schedule.js';
import { runRetention, type SweepDeps } from './sweep.js';
import { nextDailyRun } from './timing.js';

export const sweepQueues = {
  daily: dailySweepQueue,
  resume: 'retention.resume',
  installation: 'retention.installation',
} as const;

export function registerRetentionJobs(runner: JobRunner, deps: SweepDeps, config: Config, logger: Logger): void {
  const settings = retentionSettings(config);
  runner.addTicker(scheduleTicker(deps.db, config));
  if (config.RETENTION_SCHEDULE !== 'off') {
    runner.addTicker(async (now) => {
      // Once a day at the schedule's time; the day is the dedupe key, so every process enqueues the same job.
      const day = now.toISOString().slice(0, 10);
      // From the instant before the day starts: nextDailyRun is strictly after its start, so from midnight itself a
      // 00:00 schedule put the sweep of day D at D+1.
      const at = nextDailyRun(config.RETENTION_SCHEDULE, new Date(Date.parse(`${day}T00:00:00.000Z`) - 1));
      await enqueueJob(deps.db, { queue: sweepQueues.installation, key: day, runAt: at }, now);
    });
  }
  runner.register(sweepQueues.daily, async ({ job, heartbeat }) => {
    if (!job.organisationId) return;
    const scope = { organisationId: job.organisationId };
    // An organisation without a charter has nothing to sweep yet.
    if (!(await activeCharter(deps.db, scope))) return;
    await runRetention(deps, scope, { trigger: 'schedule', actor: 'system', jobId: job.id, heartbeat, ...settings });
  });
  runner.register(sweepQueues.resume, async ({ job, heartbeat }) => {
    if (!job.organisationId) return;
    await runRetention(
      deps,
      { organisationId: job.organisationId },
      { trigger: 'api', actor: 'system', resumeOnly: true, heartbeat, ...settings },
    );
  });
  runner.register(sweepQueues.installation, async () => {
    const locked = await withExclusiveLock(deps.db, deps.dbKind, 'retention:installation', () =>
      sweepInstallation(deps.db, deps.own, deps.clock(), settings.batchSize),
    );
    if (!locked.acquired) throw new Error('another process is sweeping the installation');
    const dropped = locked.result.consentMonths.filter((m) => m.dropped);
    logger.info(
      {
        consentMonths: dropped.map((m) => m.month),
        consentRecords: dropped.reduce((n, m) => n + m.records, 0),
        installationMails: locked.result.installationMails,
      },
      'installation retention sweep',
    );
  });
}
