/**
 * The console's start page: the first steps of a new installation, each done or not from what the database and the
 * configuration say (never from a flag someone ticked), and the counts a privacy officer looks at first. It reads
 * several domains' tables but changes nothing; every query runs in one organisation-scoped transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import { lintCharter } from '../lint.js';
import { activeCharter } from '../charter/repository.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { listBreaches } from '../records/breach-repository.js';
import { toBreachView } from '../records/breach-views.js';
import { overviewView, type OverviewDb } from './tables.js';

const openRequestStates = ['received', 'awaiting-verification', 'verified', 'in-progress', 'awaiting-approval'];

export const startPageSchema = z.object({
  steps: z.object({
    charter: z.object({ applied: z.boolean(), errors: z.number().int(), warnings: z.number().int() }),
    sites: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        domain: z.string(),
        snippet: z.string().describe('the <script> tag to put in every page of the site'),
        bannerSeen: z.boolean().describe('the banner was shown or answered on this site at least once'),
      }),
    ),
    smtp: z.object({ configured: z.boolean() }),
    stores: z.object({ declared: z.number().int(), checked: z.number().int(), unchecked: z.array(z.string()) }),
    colleagues: z.object({ members: z.number().int() }),
    dryRun: z.object({ done: z.boolean(), at: z.string().nullable() }),
  }),
  counts: z.object({
    requests: z
      .object({
        open: z.number().int(),
        overdue: z.number().int(),
        nextDue: z.object({ id: z.string(), reference: z.string(), dueOn: z.string() }).nullable(),
      })
      .nullable(),
    consent: z
      .object({
        from: z.string(),
        to: z.string(),
        answers: z.number().int(),
        decided: z.number().int(),
        granted: z.number().int(),
        optInRate: z.number().nullable(),
      })
      .nullable()
      .describe('the last 7 days: opt-in rate = categories granted / categories decided'),
    retention: z.object({ awaitingApproval: z.number().int() }).nullable(),
    breaches: z
      .object({
        clocksRunning: z.number().int(),
        nextDeadline: z.object({ id: z.string(), reference: z.string(), deadline: z.string() }).nullable(),
      })
      .nullable(),
  }),
});

export type StartPage = z.infer<typeof startPageSchema>;

export interface StartPageInput {
  now: Date;
  /** Whether outgoing mail goes to an SMTP server (otherwise it is kept in the Outbox). */
  smtpConfigured: boolean;
  /** The public address of this Charter server, for the banner snippet. */
  publicUrl: string;
  /** Which counts the caller may see (a count of a domain needs that domain's read scope). */
  may: { requests: boolean; consent: boolean; retention: boolean; breaches: boolean };
}

/**
 * `<script src=".../banner/id.js" async></script>`, the same tag as the README's: the script carries the site's
 * configuration, so a first-time visitor waits for one request (the older `/banner.js` with data-site fetches it).
 */
export function bannerSnippet(publicUrl: string, siteId: string): string {
  return `<script src="${publicUrl}/banner/${encodeURIComponent(siteId)}.js" async></script>`;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** What the setup steps need to know: colleagues, sites whose banner was seen, stores checked, a dry run done. */
async function setupFacts(trx: Transaction<OverviewDb>, organisationId: string) {
  const members = await trx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const seenSites = await trx
    .selectFrom('consent_daily_stats')
    .select('site_id')
    .distinct()
    .where('organisation_id', '=', organisationId)
    .execute();
  const dryRun = await trx
    .selectFrom('retention_runs')
    .select('created_at')
    .where('organisation_id', '=', organisationId)
    .where('dry_run', '=', true)
    .where('status', '=', 'completed')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  // A store counts as checked once a retention run reached it and counted its rows: the run compares the
  // declaration with the live schema first and refuses the step otherwise.
  const checkedStores = await trx
    .selectFrom('retention_run_steps')
    .select('store_id')
    .distinct()
    .where('organisation_id', '=', organisationId)
    .where('status', 'in', ['counted', 'done'])
    .execute();
  return { members, seenSites, dryRun, checkedStores };
}

/** The counts the caller may see: open and overdue requests, the week's consent answers, runs awaiting approval. */
async function countFacts(
  trx: Transaction<OverviewDb>,
  organisationId: string,
  input: StartPageInput,
  week: { from: string; to: string },
) {
  const requests = input.may.requests
    ? await trx
        .selectFrom('rights_requests')
        .select([
          (eb) => eb.fn.countAll<string>().as('open'),
          sql<string>`count(*) filter (where due_at < ${input.now})`.as('overdue'),
        ])
        .where('organisation_id', '=', organisationId)
        .where('state', 'in', openRequestStates)
        .executeTakeFirstOrThrow()
    : undefined;
  const nextDue = input.may.requests
    ? await trx
        .selectFrom('rights_requests')
        .select(['id', 'reference', 'due_on'])
        .where('organisation_id', '=', organisationId)
        .where('state', 'in', openRequestStates)
        .orderBy('due_at')
        .orderBy('reference')
        .limit(1)
        .executeTakeFirst()
    : undefined;
  const consent = input.may.consent
    ? await trx
        .selectFrom('consent_daily_stats')
        .select([
          sql<string>`coalesce(sum(count) filter (where metric = 'records'), 0)`.as('answers'),
          sql<string>`coalesce(sum(count) filter (where metric like 'decided:%'), 0)`.as('decided'),
          sql<string>`coalesce(sum(count) filter (where metric like 'granted:%'), 0)`.as('granted'),
        ])
        .where('organisation_id', '=', organisationId)
        .where('day', '>=', week.from)
        .where('day', '<=', week.to)
        .executeTakeFirstOrThrow()
    : undefined;
  const awaiting = input.may.retention
    ? await trx
        .selectFrom('retention_runs')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('organisation_id', '=', organisationId)
        .where('status', '=', 'awaiting-approval')
        .executeTakeFirstOrThrow()
    : undefined;
  return { requests, nextDue, consent, awaiting };
}

/** Reads the start page of one organisation. Fails closed without a scope. */
export async function readStartPage<DB extends OverviewDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  input: StartPageInput,
): Promise<StartPage> {
  const db = overviewView(anyDb);
  const organisationId = requireScope(scope);
  const stored = await activeCharter(db, scope);
  const charter = stored?.charter;
  const findings = charter ? lintCharter(charter, { now: input.now }) : [];
  const weekFrom = day(new Date(input.now.getTime() - 6 * 86_400_000));
  const weekTo = day(input.now);

  const facts = await inOrganisation(db, scope, async (trx) => ({
    ...(await setupFacts(overviewView(trx), organisationId)),
    ...(await countFacts(overviewView(trx), organisationId, input, { from: weekFrom, to: weekTo })),
  }));

  const breaches = input.may.breaches
    ? (await listBreaches(db, scope)).map((b) => toBreachView(b, input.now))
    : undefined;
  const running = (breaches ?? [])
    .filter((b) => b.clock.state === 'running' || b.clock.state === 'due-soon' || b.clock.state === 'overdue')
    .sort((a, b) => Date.parse(a.clock.deadline) - Date.parse(b.clock.deadline));

  const seen = new Set(facts.seenSites.map((r) => r.site_id));
  const checked = new Set(facts.checkedStores.map((r) => r.store_id));
  const stores = charter?.stores ?? [];
  const decided = Number(facts.consent?.decided ?? 0);
  const granted = Number(facts.consent?.granted ?? 0);
  const firstRunning = running[0];
  return {
    steps: {
      charter: {
        applied: stored !== undefined,
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
      },
      sites: (charter?.sites ?? []).map((site) => ({
        id: site.id,
        name: site.name,
        domain: site.domain,
        snippet: bannerSnippet(input.publicUrl, site.id),
        bannerSeen: seen.has(site.id),
      })),
      smtp: { configured: input.smtpConfigured },
      stores: {
        declared: stores.length,
        checked: stores.filter((s) => checked.has(s.id)).length,
        unchecked: stores.filter((s) => !checked.has(s.id)).map((s) => s.name ?? s.id),
      },
      colleagues: { members: Number(facts.members.n) },
      dryRun: {
        done: facts.dryRun !== undefined,
        at: facts.dryRun ? new Date(facts.dryRun.created_at).toISOString() : null,
      },
    },
    counts: {
      requests: facts.requests
        ? {
            open: Number(facts.requests.open),
            overdue: Number(facts.requests.overdue),
            nextDue: facts.nextDue
              ? { id: facts.nextDue.id, reference: facts.nextDue.reference, dueOn: facts.nextDue.due_on }
              : null,
          }
        : null,
      consent: facts.consent
        ? {
            from: weekFrom,
            to: weekTo,
            answers: Number(facts.consent.answers),
            decided,
            granted,
            optInRate: decided > 0 ? Math.round((granted / decided) * 1000) / 1000 : null,
          }
        : null,
      retention: facts.awaiting ? { awaitingApproval: Number(facts.awaiting.n) } : null,
      breaches: breaches
        ? {
            clocksRunning: running.length,
            nextDeadline: firstRunning
              ? { id: firstRunning.id, reference: firstRunning.reference, deadline: firstRunning.clock.deadline }
              : null,
          }
        : null,
    },
  };
}
