/**
 * The agency view: the organisations a person works for, side by side — name, sites, open and overdue requests, the
 * last site scan and its findings — so an agency (or an operator) sees its clients in one list and switches between
 * them. Each organisation's figures are read in that organisation's own scope; a person sees only the organisations
 * they are a member of (an operator: every organisation), a token only its own.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { type AccountsDb, accountsView } from './tables.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import type { Caller } from './caller.js';
import { listOrganisationEntries } from './organisations.js';
import { isOperator } from './operators.js';
import { membershipsOf } from './users.js';

export interface AgencyRow {
  slug: string;
  name: string;
  archived: boolean;
  /** Whether the caller may switch the console to it (a member); an operator may see others without being one. */
  member: boolean;
  sites: string[];
  openRequests: number;
  overdueRequests: number;
  lastScan: { at: string; findings: number } | null;
}

export async function agencyOverview<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  caller: Caller,
  now: Date,
): Promise<AgencyRow[]> {
  const db = accountsView(anyDb);
  const entries = await listOrganisationEntries(db);
  const memberOf = new Set(
    caller.kind === 'user' && caller.userId
      ? (await membershipsOf(db, caller.userId)).map((m) => m.organisationId)
      : [caller.organisationId],
  );
  const operator = caller.kind === 'user' && caller.userId ? await isOperator(db, caller.userId) : false;
  const visible = entries.filter((e) => memberOf.has(e.id) || operator);
  const rows: AgencyRow[] = [];
  for (const entry of visible) {
    const figures = await inOrganisation(db, { organisationId: entry.id }, async (trx) => {
      const requests = await sql<{ open: number; overdue: number }>`
        select count(*) filter (where closed_at is null)::int as open,
               count(*) filter (where closed_at is null and due_at < ${now.toISOString()}::timestamptz)::int as overdue
          from rights_requests where organisation_id = ${entry.id}`.execute(trx);
      const scan = await sql<{ finished_at: Date | string; findings: number }>`
        select finished_at, (violations + warnings)::int as findings from site_scans
         where organisation_id = ${entry.id} and status = 'completed' and finished_at is not null
         order by finished_at desc limit 1`.execute(trx);
      return { requests: requests.rows[0], scan: scan.rows[0] };
    });
    rows.push({
      slug: entry.slug,
      name: entry.name,
      archived: entry.archivedAt !== null,
      member: memberOf.has(entry.id),
      sites: entry.sites,
      openRequests: figures.requests?.open ?? 0,
      overdueRequests: figures.requests?.overdue ?? 0,
      lastScan: figures.scan
        ? { at: new Date(figures.scan.finished_at).toISOString(), findings: figures.scan.findings }
        : null,
    });
  }
  return rows;
}
