/**
 * Execution of an approved (or approval-free) request: the work on the stores and the consent ledger per request type,
 * what it tells recipients (Art. 19) and customers (Art. 28), then the completion (completion.ts).
 */
import type { Charter } from '../charter/schema.js';
import type { OrgScope } from '../platform/db/tenancy.js';
import { preparePackage } from './access-package.js';
import { completeRequest, tellRequester, type Execution } from './completion.js';
import type { RightsContext } from './context.js';
import { processorCounts, routeToControllers } from './processor-data.js';
import { calledHttpStores, planNotifications, restrictionTasks } from './recipients.js';
import { emailsOf, identitiesOf } from './request-identities.js';
import type { RightsRequest } from './request-row.js';
import {
  changesByStore,
  summariseErasure,
  summariseRectification,
  summariseRestriction,
  type PlannedChange,
} from './results.js';

/** Executes a request on the stores and the ledger, completes it, and tells the requester. */
export async function execute(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
): Promise<void> {
  const done = await runRequest(context, scope, charter, request);
  const findings = await routeToControllers(context, scope, charter, request, done.processor);
  if (findings.length > 0) done.result = { ...done.result, processorData: findings };
  const completed = await completeRequest(context, scope, request, done);
  if (completed) await tellRequester(context, scope, charter, completed, done, findings);
}

/** An execution that tells no recipient, found no customer data and left no table unmarked. */
function nothingElse(): Omit<Execution, 'result'> {
  return { notifications: [], processor: [], unmarked: [] };
}

function runRequest(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
): Promise<Execution> {
  switch (request.type) {
    case 'access':
    case 'portability':
      return runAccess(context, scope, charter, request);
    case 'erasure':
      return runErasure(context, scope, charter, request);
    case 'rectification':
      return runRectification(context, scope, charter, request);
    case 'restriction':
      return runRestriction(context, scope, charter, request);
    case 'objection':
      return runObjection(context, scope, charter, request);
    case 'withdrawal':
      return runWithdrawal(context, scope, request);
  }
}

async function runAccess(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
): Promise<Execution> {
  const prepared = await preparePackage(context, scope, charter, request);
  return {
    ...nothingElse(),
    result: { tables: prepared.tables },
    processor: prepared.processor,
    delivery: { package: prepared.package, deliver: prepared.deliver },
  };
}

async function runErasure(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
): Promise<Execution> {
  const results = await context.withStores(scope, charter, (s) => s.erase(request.id, identitiesOf(request), false));
  const summary = summariseErasure(charter, results);
  const touched = [...summary.erased, ...summary.kept].map((e) => ({ store: e.store, table: e.table }));
  const notifications = planNotifications(
    charter,
    touched,
    calledHttpStores(charter, results),
    rowsByStore(
      results.map((r) => ({ store: r.store, rows: r.erased.reduce((n, e) => n + e.deleted + e.updated, 0) })),
    ),
  );
  // The purpose consents filed under the person's addresses go too (their marketing suppression, if any, stays).
  let consentEvents = 0;
  for (const email of emailsOf(request)) consentEvents += await context.deps.consent.erase(scope, email);
  return {
    ...nothingElse(),
    result: { erasure: summary, consentEventsErased: consentEvents },
    notifications,
    processor: processorCounts(charter, results),
  };
}

async function runRectification(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
): Promise<Execution> {
  const changes = (request.changes as PlannedChange[] | null) ?? [];
  const results = await context.withStores(scope, charter, (s) =>
    s.rectify(request.id, identitiesOf(request), changesByStore(changes)),
  );
  const summary = summariseRectification(charter, results);
  return {
    ...nothingElse(),
    result: { rectification: summary },
    notifications: planNotifications(
      charter,
      summary.updated,
      calledHttpStores(charter, results),
      rowsByStore(results.map((r) => ({ store: r.store, rows: r.updated.reduce((n, u) => n + u.rows, 0) }))),
    ),
    processor: processorCounts(charter, results),
  };
}

async function runRestriction(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
): Promise<Execution> {
  const results = await context.withStores(scope, charter, (s) => s.restrict(request.id, identitiesOf(request), true));
  const summary = summariseRestriction(results);
  // Art. 18 where a table cannot mark it: the officer restricts by hand (a task per table), Charter keeps the
  // rows from retention meanwhile (the identities are remembered in the completing transaction).
  return {
    result: { restriction: summary },
    notifications: [
      ...planNotifications(
        charter,
        summary.updated,
        calledHttpStores(charter, results),
        rowsByStore(results.map((r) => ({ store: r.store, rows: r.updated.reduce((n, u) => n + u.rows, 0) }))),
      ),
      ...restrictionTasks(summary.unsupported),
    ],
    processor: processorCounts(charter, results),
    unmarked: summary.unsupported,
  };
}

async function runObjection(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
): Promise<Execution> {
  if (request.details.objection?.kind === 'legitimate-interest')
    return { ...nothingElse(), result: { objection: 'upheld', purpose: request.details.objection.purpose ?? null } };
  const marketing = charter.purposes.filter((p) => p.directMarketing && p.legalBasis === 'consent');
  let withdrawn = 0;
  for (const email of emailsOf(request)) {
    await context.deps.consent.suppress(scope, email);
    for (const purpose of marketing)
      if (await context.deps.consent.withdraw(scope, { email, purpose: purpose.id, reference: request.reference }))
        withdrawn++;
  }
  return {
    ...nothingElse(),
    result: { objection: 'direct-marketing', suppressed: emailsOf(request).length, consentsWithdrawn: withdrawn },
  };
}

async function runWithdrawal(context: RightsContext, scope: OrgScope, request: RightsRequest): Promise<Execution> {
  const purpose = request.details.withdrawal?.purpose ?? '';
  let withdrawn = 0;
  for (const email of emailsOf(request))
    if (await context.deps.consent.withdraw(scope, { email, purpose, reference: request.reference })) withdrawn++;
  return { ...nothingElse(), result: { withdrawal: { purpose, withdrawn } } };
}

function rowsByStore(entries: { store: string; rows: number }[]): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const { store, rows: n } of entries) rows[store] = (rows[store] ?? 0) + n;
  return rows;
}

export type { Execution } from './completion.js';
