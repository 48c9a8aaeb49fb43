/**
 * The approval step: what a privacy officer sees and approves before Charter acts (a dry run on the stores, nothing
 * changed), then the request waits in `awaiting-approval` and the officers are mailed.
 */
import type { Charter } from '../charter/schema.js';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import type { RightsContext } from './context.js';
import { mailOfficers } from './officer-mail.js';
import { processorCounts } from './processor-data.js';
import { reachCounter, summariseReach } from './reach.js';
import { restrictionTasks } from './recipients.js';
import { recordNotifications } from './notifications.js';
import { findRequest, transition } from './repository.js';
import { identitiesOf } from './request-identities.js';
import type { RightsRequest } from './request-row.js';
import { rememberRestriction, type UnmarkedTable } from './restricted-identities.js';
import {
  changesPlan,
  rectificationChanges,
  summariseErasure,
  summariseRestriction,
  type PlannedChange,
} from './results.js';

/**
 * Prepares what a privacy officer approves: the dry-run plan of an erasure (stores, tables, rows, fields, holds), the
 * proposed column changes of a rectification, the restriction pending an objection's assessment (Art. 18(1)(d)), or
 * the rows an access package would hold.
 */
export async function prepareForApproval(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
): Promise<void> {
  const identities = identitiesOf(request);
  let plan: unknown;
  let changes: PlannedChange[] | undefined;
  // Which tables and rows the request reaches, and how (shown with the plan, before anything runs).
  // Rows held for customers are counted apart: they will be routed to the customer, not exported or written.
  let processorData: { customer: string; rows: number }[] = [];
  // Art. 18(1)(d): tables the restriction pending the objection could not be marked in (remembered with the plan).
  let unmarkedWhileWeighed: UnmarkedTable[] = [];
  const reached = async () => {
    const counter = reachCounter();
    const summaries = await context.withStores(scope, charter, (s) =>
      s.collect(identities, (records) => counter.add(records)),
    );
    processorData = processorCounts(charter, summaries);
    return summariseReach(charter, [...new Set(identities.map((i) => i.type))], counter.counts);
  };
  switch (request.type) {
    case 'erasure': {
      const planned = await context.withStores(scope, charter, (s) => s.erase(request.id, identities, true));
      plan = {
        erasure: summariseErasure(charter, planned),
        processorData: processorCounts(charter, planned),
        reach: await reached(),
      };
      break;
    }
    case 'rectification': {
      changes = rectificationChanges(charter, request);
      plan = changesPlan(changes);
      break;
    }
    case 'objection':
      if (request.details.objection?.kind === 'legitimate-interest') {
        // Art. 18(1)(d): the data is restricted while the officer weighs the grounds.
        const restricted = summariseRestriction(
          await context.withStores(scope, charter, (s) => s.restrict(request.id, identities, true)),
        );
        plan = { restriction: restricted, purpose: request.details.objection.purpose ?? null };
        unmarkedWhileWeighed = restricted.unsupported;
      } else plan = { suppression: true };
      break;
    case 'access':
    case 'portability': {
      const reach = await reached();
      plan = { reach, processorData };
      break;
    }
    default:
      plan = { type: request.type };
  }
  const now = context.now();
  const waiting = await inOrganisation(context.db, scope, async (trx) => {
    const current = await findRequest(trx, scope, request.id, { lock: true });
    if (!current || current.state !== 'in-progress') return undefined;
    await rememberRestriction(trx, scope, request, identities, unmarkedWhileWeighed, now);
    await recordNotifications(trx, scope, request, restrictionTasks(unmarkedWhileWeighed), now);
    return transition(trx, scope, current, 'awaiting-approval', {
      actor: 'system',
      at: now,
      patch: {
        plan: JSON.stringify(plan),
        next_attempt_at: null,
        last_error: null,
        ...(changes ? { changes: JSON.stringify(changes) } : {}),
      },
    });
  });
  if (waiting) await mailOfficers(context, scope, charter, waiting, 'approval');
}
