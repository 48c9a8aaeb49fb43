/**
 * How a stored retention run reads: its row, steps and approval mapped to the `RunRecord` the API, the console and
 * the CLI show, with the step totals summed. Pure: no database access.
 */
import { customerOfPurpose } from './processor-rules.js';
import type { ApprovalReason, BlockedOutcome, RunRecord, RunStep } from './schemas.js';
import type { Selectable } from 'kysely';
import type { RetentionRunStepTable, RetentionRunTable } from './tables.js';

/** A run as the API and the reports show it, from its row, its steps and its approval. */
export function toRecord(
  row: Selectable<RetentionRunTable>,
  steps: Selectable<RetentionRunStepTable>[],
  approval: { decision: 'approved' | 'rejected'; actor: string; note: string | null; decided_at: Date } | undefined,
): RunRecord {
  const mapped: RunStep[] = steps.map((s) => ({
    position: s.position,
    store: s.store_id,
    table: s.table_name,
    purpose: s.purpose_id,
    customer: customerOfPurpose(s.purpose_id) ?? null,
    action: s.action,
    period: s.period,
    anchor: s.anchor,
    status: s.status,
    due: s.due === null ? null : Number(s.due),
    total: s.total === null ? null : Number(s.total),
    held: parseJson<Record<string, number>>(s.held, {}),
    withoutAnchor: s.without_anchor === null ? null : Number(s.without_anchor),
    deleted: Number(s.deleted),
    anonymised: Number(s.anonymised),
    reduced: parseJson<Record<string, number>>(s.reduced, {}),
    blocked: parseJson<BlockedOutcome | null>(s.blocked, null),
    rule: s.rule_id ?? `${s.store_id}/${s.table_name}`,
    columns: parseJson<string[] | null>(s.columns, null),
    batches: s.batches,
    problems: parseJson<string[]>(s.problems, []),
    error: s.error,
    startedAt: iso(s.started_at),
    finishedAt: iso(s.finished_at),
    durationMs: s.duration_ms,
  }));
  const sum = (f: (s: RunStep) => number) => mapped.reduce((total, s) => total + f(s), 0);
  const values = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  return {
    id: row.id,
    trigger: row.trigger,
    actor: row.actor,
    dryRun: row.dry_run,
    cutoff: iso(row.cutoff) ?? '',
    charterSeq: row.charter_seq,
    charterRevision: row.charter_revision,
    status: row.status,
    approvalReasons: parseJson<ApprovalReason[]>(row.approval_reasons, []),
    approval: approval
      ? {
          decision: approval.decision,
          actor: approval.actor,
          note: approval.note,
          decidedAt: iso(approval.decided_at) ?? '',
        }
      : null,
    createdAt: iso(row.created_at) ?? '',
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    heartbeatAt: iso(row.heartbeat_at),
    error: row.error,
    totals: {
      due: sum((s) => s.due ?? 0),
      deleted: sum((s) => s.deleted),
      anonymised: sum((s) => s.anonymised),
      reduced: sum((s) => values(s.reduced)),
      held: sum((s) => values(s.held)),
      stayed: sum((s) => s.blocked?.stayed ?? 0),
    },
    steps: mapped,
  };
}

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** A JSON column as stored (text on some drivers, parsed on others); the fallback for null or unreadable text. */
export function parseJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }
  return value as T;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
