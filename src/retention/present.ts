/**
 * Text presentation of plans and runs for the CLI (pure): aligned tables, and a one-line progress bar for a TTY.
 */
import type { RetentionPlan } from './plan.js';
import type { RunProgress } from './sweep.js';
import type { RunRecord } from './runs.js';
import type { BlockedOutcome } from './schemas.js';
import { defaultColumns, formatTable, wrapLines } from '../platform/text-layout.js';

function table(header: string[], rows: string[][], rightAligned: ReadonlySet<number>, width: number): string[] {
  return formatTable(header, rows, { rightAligned, width });
}

const number = (n: number) => n.toLocaleString('en-US');
const held = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([hold, n]) => `${hold} ${number(n)}`)
    .join(', ') || '—';

/** The plan as the CLI prints it within `width` columns: totals per rule, the months ahead, and why. */
export function formatPlan(plan: RetentionPlan, width = defaultColumns): string {
  const lines: string[] = [];
  lines.push(
    `Retention plan at ${plan.at}${plan.charterRevision ? ` (charter ${plan.charterRevision.slice(0, 12)})` : ''}`,
  );
  lines.push('');
  const rows = plan.rules.map((r) => [
    `${r.store}/${r.table}${r.columns ? ` (${r.columns.join(', ')})` : ''}`,
    r.action,
    r.period,
    r.status === 'ok' ? number(r.dueNow) : 'error',
    r.status === 'ok' ? number(r.byMonth.reduce((a, b) => a + b, 0)) : '',
    r.status === 'ok' ? held(r.held) : '',
    r.status === 'ok' && r.withoutAnchor > 0 ? number(r.withoutAnchor) : '',
  ]);
  lines.push(
    ...table(
      ['table', 'action', 'period', 'due now', 'next 12 months', 'kept under hold', 'no anchor date'],
      rows,
      new Set([3, 4, 6]),
      width,
    ),
  );
  const upcoming = plan.rules.filter((r) => r.status === 'ok' && r.byMonth.some((n) => n > 0));
  if (upcoming.length > 0) {
    lines.push('');
    lines.push('Becoming due, month by month (until the date shown):');
    const header = ['table', ...plan.months.map((m) => m.slice(0, 10))];
    const monthRows = upcoming.map((r) => [
      `${r.store}/${r.table}`,
      ...r.byMonth.map((n) => (n === 0 ? '.' : number(n))),
    ]);
    lines.push(...table(header, monthRows, new Set(header.map((_, i) => i).slice(1)), width));
  }
  lines.push('');
  lines.push('Why:');
  for (const r of plan.rules)
    lines.push(`  ${r.store}/${r.table}: ${r.status === 'ok' ? r.why : `cannot be counted: ${r.error ?? ''}`}`);
  for (const r of plan.rules) {
    const blocked = r.blocked.filter((b) => b.rows > 0);
    if (blocked.length > 0)
      lines.push(
        `  ${r.store}/${r.table}: not counted as due, ${describeBlocked({ rows: blocked, anonymised: 0, stayed: 0 })} (anonymised instead when the run comes)`,
      );
  }
  for (const p of plan.problems) lines.push(`  ${p.store}/${p.table}: ${p.severity}: ${p.message}`);
  if (plan.ungoverned.length > 0) {
    lines.push('');
    lines.push(
      `Not governed by any purpose (never deleted): ${plan.ungoverned.map((u) => `${u.store}/${u.table}`).join(', ')}`,
    );
  }
  lines.push('');
  lines.push(
    `Total: ${number(plan.totals.dueNow)} due now, ${number(plan.totals.byMonth.reduce((a, b) => a + b, 0))} in the next 12 months.`,
  );
  return wrapLines(lines.join('\n'), width);
}

/** "blocked by 2 rows in invoices (hold vat-invoices); 1 anonymised instead, 1 stayed with its personal data". */
export function describeBlocked(blocked: BlockedOutcome): string {
  const why = blocked.rows
    .map((b) => `${number(b.by)} row${b.by === 1 ? '' : 's'} in ${b.table} (${blockedReason(b.reason)})`)
    .join(', ');
  const outcome = [
    blocked.anonymised > 0 ? `${number(blocked.anonymised)} anonymised instead of deleted` : '',
    blocked.stayed > 0 ? `${number(blocked.stayed)} stayed with their personal data` : '',
    blocked.error ? `anonymising failed: ${blocked.error}` : '',
  ].filter(Boolean);
  return `${why ? `blocked by ${why}` : 'due rows not deleted'}${outcome.length ? `; ${outcome.join('; ')}` : ''}`;
}

function blockedReason(reason: string): string {
  if (reason === 'ungoverned') return 'no rule deletes them';
  if (reason === 'not-due') return 'not due yet under their own rule';
  if (reason === 'restricted') return 'restricted, Art. 18';
  return `hold ${reason}`;
}

/** A run report within `width` columns: one row per step and the outcome. */
export function formatRun(run: RunRecord, width = defaultColumns): string {
  const lines: string[] = [];
  lines.push(
    `Retention run ${run.id}${run.dryRun ? ' (dry run: nothing changed)' : ''} at cutoff ${run.cutoff}: ${run.status}`,
  );
  lines.push('');
  const rows = run.steps.map((s) => [
    `${s.store}/${s.table}`,
    s.action,
    s.status,
    s.due === null ? '' : number(s.due),
    number(s.deleted),
    number(s.anonymised),
    held(s.reduced),
    held(s.held),
    s.durationMs === null ? '' : `${number(s.durationMs)} ms`,
  ]);
  lines.push(
    ...table(
      [
        'table',
        'action',
        'status',
        'due',
        'deleted',
        'anonymised',
        'reduced to held columns',
        'kept under hold',
        'time',
      ],
      rows,
      new Set([3, 4, 5, 8]),
      width,
    ),
  );
  for (const s of run.steps) {
    if (s.columns) lines.push(`  ${s.store}/${s.table}: column rule on ${s.columns.join(', ')} (rows stay)`);
    if (s.blocked) lines.push(`  ${s.store}/${s.table}: ${describeBlocked(s.blocked)}`);
    if (s.customer)
      lines.push(`  ${s.store}/${s.table}: on the instructions of customer ${s.customer} (processor, Art. 28(3)(a))`);
    for (const problem of s.problems) lines.push(`  ${s.store}/${s.table}: refused: ${problem}`);
    if (s.error) lines.push(`  ${s.store}/${s.table}: failed: ${s.error}`);
  }
  if (run.status === 'awaiting-approval') {
    lines.push('');
    lines.push('Waiting for approval:');
    for (const reason of run.approvalReasons) lines.push(`  - ${reason.message}`);
    lines.push('A privacy officer approves it in the console (or: charter retention run --approve).');
  }
  if (run.status === 'partial') {
    lines.push('');
    lines.push(
      `Not done: ${number(run.totals.stayed)} due row(s) stayed with their personal data${run.steps.some((s) => s.status === 'refused') ? ', and refused tables were not swept' : ''}.`,
    );
  }
  if (run.status === 'superseded' && run.error) lines.push(`\n${run.error}`);
  if (run.approval) lines.push(`\n${run.approval.decision} by ${run.approval.actor} at ${run.approval.decidedAt}`);
  return wrapLines(lines.join('\n'), width);
}

/** One line of a progress bar, rewritten in place on a TTY. */
export function progressLine(progress: RunProgress, width = 30): string {
  const share = progress.due > 0 ? Math.min(1, progress.done / progress.due) : 1;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  step ${progress.position + 1}/${progress.steps}  ${progress.store}/${progress.table}  ${number(progress.done)}/${number(progress.due)}`;
}
