/**
 * The `consent.threshold` event: a consent figure of a site crossing the threshold a subscription set.
 *
 * What is watched, per subscription (`consent_threshold`):
 * - `refusal-share`, per site and banner category: of the visitors' decisions on that category in the window, the share
 *   that refused it (1 − granted / decided);
 * - `withdrawal-share`, per site (category `*`): of the records in the window, the share that were withdrawals.
 * The window is the last `windowDays` UTC days, today included (a rolling window of the daily aggregates). A figure is
 * only judged once at least `minDecisions` decisions (or records) are in the window: ten visitors do not make a trend.
 *
 * One event per crossing, in either direction (`direction: 'above' | 'below'`): the side each figure was on is kept in
 * `webhook_consent_crossings`, and the event is emitted in the transaction that flips it, with a compare-and-set, so
 * two processes checking at once emit it once. A figure first seen above its threshold is a crossing; first seen below,
 * it is only remembered. Payloads hold the site, the category, the figures and the window — counts, never a visitor.
 *
 * Cost: nothing on the consent ingest path. A periodic check (every five minutes by default) reads the daily
 * aggregates that the ledger writer already keeps (consent/statistics.ts: a few rows per site, day and metric), per
 * organisation that has such a subscription.
 */
import { z } from 'zod';
import type { Kysely } from 'kysely';
import { consentStatistics, type DailyStatistics } from '../consent/statistics.js';
import type { ConsentDb } from '../consent/tables.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import type { JobRunner } from '../platform/jobs.js';
import { viewOf } from '../platform/db/view.js';
import { emitWebhookEvent } from './events.js';
import type { ConsentThresholdSettings, WebhookDb } from './tables.js';

/** The webhook tables, and the consent ledger's daily statistics the figures are read from. */
export type ConsentThresholdDb = WebhookDb & ConsentDb;
const thresholdView = viewOf<ConsentThresholdDb>();
const webhookView = viewOf<WebhookDb>();

export const consentThresholdMetrics = ['refusal-share', 'withdrawal-share'] as const;

/** What a subscription to `consent.threshold` watches. Shares are fractions (0.4 = 40 %). */
export const consentThresholdSchema = z.strictObject({
  metric: z.enum(consentThresholdMetrics),
  threshold: z.number().gt(0, 'above 0').max(1, 'at most 1 (a share: 0.4 = 40 %)'),
  minDecisions: z.number().int().min(1).max(1_000_000).default(100),
  windowDays: z.number().int().min(1).max(90).default(7),
});

/** What a subscription listening to `consent.threshold` without settings watches. */
export const defaultConsentThreshold: ConsentThresholdSettings = {
  metric: 'refusal-share',
  threshold: 0.5,
  minDecisions: 100,
  windowDays: 7,
};

/** One watched figure over the window. */
export interface ConsentFigure {
  site: string;
  /** A banner category, or `*` for a site-wide figure. */
  category: string;
  value: number;
  decisions: number;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The figures a setting watches, from daily statistics of the window; figures under `minDecisions` are left out. */
export function consentFigures(days: readonly DailyStatistics[], settings: ConsentThresholdSettings): ConsentFigure[] {
  const sites = new Map<
    string,
    { records: number; withdraw: number; categories: Map<string, { decided: number; granted: number }> }
  >();
  for (const day of days) {
    let site = sites.get(day.site);
    if (!site) sites.set(day.site, (site = { records: 0, withdraw: 0, categories: new Map() }));
    site.records += day.records;
    site.withdraw += day.withdraw;
    for (const [name, counts] of Object.entries(day.categories)) {
      const sum = site.categories.get(name) ?? { decided: 0, granted: 0 };
      sum.decided += counts.decided;
      sum.granted += counts.granted;
      site.categories.set(name, sum);
    }
  }
  const figures: ConsentFigure[] = [];
  for (const [site, sums] of [...sites.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (settings.metric === 'withdrawal-share') {
      if (sums.records >= settings.minDecisions)
        figures.push({ site, category: '*', value: round(sums.withdraw / sums.records), decisions: sums.records });
      continue;
    }
    for (const [category, counts] of [...sums.categories.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (counts.decided >= settings.minDecisions)
        figures.push({
          site,
          category,
          value: round((counts.decided - counts.granted) / counts.decided),
          decisions: counts.decided,
        });
    }
  }
  return figures;
}

/** The first day (YYYY-MM-DD, UTC) of a window of `windowDays` days ending on `now`'s day. */
export function windowStart(now: Date, windowDays: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (windowDays - 1)))
    .toISOString()
    .slice(0, 10);
}

/**
 * Checks the subscriptions of one organisation that listen to `consent.threshold` and emits one event per crossing.
 * Returns how many events were emitted.
 */
export async function checkConsentThresholds<DB extends ConsentThresholdDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  now: Date,
): Promise<number> {
  const db = thresholdView(anyDb);
  const organisationId = requireScope(scope);
  const subscriptions = await inOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('webhook_subscriptions')
      .select(['id', 'events', 'consent_threshold'])
      .where('organisation_id', '=', organisationId)
      .where('active', '=', true)
      .execute(),
  );
  let emitted = 0;
  const today = now.toISOString().slice(0, 10);
  for (const subscription of subscriptions.filter(
    (s) => s.events.includes('consent.threshold') || s.events.includes('*'),
  )) {
    const settings = subscription.consent_threshold ?? defaultConsentThreshold;
    const from = windowStart(now, settings.windowDays);
    const figures = consentFigures(await consentStatistics(db, scope, { from, to: today }), settings);
    for (const figure of figures) {
      const above = figure.value >= settings.threshold;
      emitted += await inOrganisation(db, scope, async (trx) => {
        const known = await trx
          .selectFrom('webhook_consent_crossings')
          .select('above')
          .where('organisation_id', '=', organisationId)
          .where('subscription_id', '=', subscription.id)
          .where('site_id', '=', figure.site)
          .where('category', '=', figure.category)
          .executeTakeFirst();
        if (!known) {
          const inserted = await trx
            .insertInto('webhook_consent_crossings')
            .values({
              organisation_id: organisationId,
              subscription_id: subscription.id,
              site_id: figure.site,
              category: figure.category,
              above,
              changed_at: now,
            })
            .onConflict((oc) => oc.columns(['organisation_id', 'subscription_id', 'site_id', 'category']).doNothing())
            .executeTakeFirst();
          // First seen below: remembered, nothing to say. First seen above: a crossing (unless another process won).
          if (!above || Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
        } else {
          if (known.above === above) return 0;
          const flipped = await trx
            .updateTable('webhook_consent_crossings')
            .set({ above, changed_at: now })
            .where('organisation_id', '=', organisationId)
            .where('subscription_id', '=', subscription.id)
            .where('site_id', '=', figure.site)
            .where('category', '=', figure.category)
            .where('above', '=', known.above)
            .executeTakeFirst();
          if (Number(flipped.numUpdatedRows) === 0) return 0;
        }
        await emitWebhookEvent(
          trx,
          scope,
          'consent.threshold',
          {
            site: figure.site,
            category: figure.category === '*' ? null : figure.category,
            metric: settings.metric,
            direction: above ? 'above' : 'below',
            value: figure.value,
            threshold: settings.threshold,
            decisions: figure.decisions,
            windowDays: settings.windowDays,
            windowFrom: from,
            windowTo: today,
          },
          now,
          { subscriptionId: subscription.id },
        );
        return 1;
      });
    }
  }
  return emitted;
}

/** Organisations with an active subscription that listens to `consent.threshold` (ids only). */
export async function organisationsWatchingConsent<DB extends WebhookDb>(anyDb: Kysely<DB>): Promise<string[]> {
  const db = webhookView(anyDb);
  // Spans organisations by design (which ones to check?); each check is scoped.
  const rows = await acrossOrganisations('consent threshold lanes', () =>
    db
      .selectFrom('webhook_subscriptions')
      .select('organisation_id')
      .distinct()
      .where('active', '=', true)
      .where((eb) =>
        eb.or([eb(eb.val('consent.threshold'), '=', eb.fn.any('events')), eb(eb.val('*'), '=', eb.fn.any('events'))]),
      )
      .execute(),
  );
  return rows.map((r) => r.organisation_id);
}

/** The periodic check on the job runner: one lane per organisation, at most every `everyMs` (five minutes). */
export function registerConsentThresholdJobs<DB extends ConsentThresholdDb>(
  runner: JobRunner,
  anyDb: Kysely<DB>,
  everyMs = 5 * 60_000,
): void {
  const db = thresholdView(anyDb);
  let last = 0;
  runner.addLanedTicker({
    lanes: async (now) => {
      if (now.getTime() - last < everyMs) return [];
      last = now.getTime();
      return organisationsWatchingConsent(db);
    },
    run: async (organisationId, now) => {
      await checkConsentThresholds(db, { organisationId }, now);
    },
  });
}
