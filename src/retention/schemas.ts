/**
 * Shapes of retention's answers (plan, runs, schedule): one zod source for the API's validation and OpenAPI document
 * and for the TypeScript types the domain uses.
 */
import { z } from 'zod';

const counts = z.record(z.string(), z.number().int());

export const plannedHoldSchema = z.object({
  hold: z.string(),
  law: z.string(),
  kind: z.enum(['duration', 'flag']),
  anchor: z.string().optional(),
  duration: z.string().optional(),
  flag: z.string().optional(),
  keep: z.array(z.string()).optional(),
});

const blockedRowsSchema = z.object({
  table: z.string().describe('the referencing table'),
  reason: z.string().describe('why its rows stay: a hold id, restricted, ungoverned or not-due'),
  rows: z.number().int().describe('due rows they keep'),
  by: z.number().int().describe('referencing rows'),
});

export const plannedRuleSchema = z.object({
  id: z.string().describe('store/table, or store/table#columns for a column rule'),
  store: z.string().describe('store id, or "charter" for Charter\'s own data'),
  table: z.string(),
  purpose: z.string(),
  customer: z
    .string()
    .optional()
    .describe('a table processed for a customer: the customers[] id whose retention instructions the rule executes'),
  action: z.enum(['delete', 'anonymise']),
  period: z.string().describe('effective period: the longer of duration and minimum'),
  duration: z.string(),
  minimum: z.string().optional(),
  from: z.string().describe('the event the period runs from'),
  anchor: z.string().describe('anchor column, or table.column through a reference'),
  columns: z.array(z.string()).optional().describe('a column rule: the columns erased when due (the row stays)'),
  renewableByConsent: z.boolean(),
  holds: z.array(plannedHoldSchema),
  restrictColumn: z.string().optional(),
  why: z.string().describe('one line: rule, anchor, holds'),
  status: z.enum(['ok', 'error']),
  error: z.string().optional(),
  dueNow: z.number().int(),
  byMonth: z.array(z.number().int()).describe('rows becoming due in each of the next 12 months'),
  held: counts.describe('rows due now but kept, per hold id ("restricted": Art. 18)'),
  withoutAnchor: z.number().int().describe('rows with no anchor date: never due'),
  blocked: z
    .array(blockedRowsSchema)
    .describe('due rows a delete cannot reach because rows that stay reference them (not in dueNow)'),
  total: z.number().int().optional().describe('rows in the table'),
});
export type PlannedRule = z.infer<typeof plannedRuleSchema>;

export const planSchema = z.object({
  at: z.string(),
  charterRevision: z.string().optional(),
  months: z
    .array(z.string())
    .describe('end of each month of the plan; byMonth[i] counts rows due in (months[i-1], months[i]]'),
  rules: z.array(plannedRuleSchema),
  ungoverned: z.array(z.object({ store: z.string(), table: z.string() })).describe('tables no purpose governs'),
  problems: z.array(
    z.object({ store: z.string(), table: z.string(), severity: z.enum(['error', 'warning']), message: z.string() }),
  ),
  totals: z.object({ dueNow: z.number().int(), byMonth: z.array(z.number().int()) }),
});
export type RetentionPlan = z.infer<typeof planSchema>;

export const approvalReasonSchema = z.object({
  kind: z.enum(['first-run', 'share']),
  store: z.string(),
  table: z.string().optional(),
  due: z.number().int().optional(),
  total: z.number().int().nullable().optional(),
  message: z.string(),
});
export type ApprovalReason = z.infer<typeof approvalReasonSchema>;

export const blockedOutcomeSchema = z.object({
  rows: z
    .array(blockedRowsSchema)
    .describe('why due rows could not be deleted: rows of another table that stay still reference them'),
  anonymised: z.number().int().describe("of those, rows anonymised by their columns' strategies instead"),
  stayed: z.number().int().describe('due rows that stayed with their personal data'),
  error: z.string().optional().describe('why the anonymisation of the blocked rows failed'),
});
export type BlockedOutcome = z.infer<typeof blockedOutcomeSchema>;

export const runStepSchema = z.object({
  position: z.number().int(),
  rule: z.string().describe('rule id: store/table, or store/table#columns for a column rule'),
  columns: z.array(z.string()).nullable().describe("a column rule's columns; null for a rule on whole rows"),
  store: z.string(),
  table: z.string(),
  purpose: z.string().nullable(),
  customer: z
    .string()
    .nullable()
    .optional()
    .describe('a table processed for a customer: the customers[] id on whose instructions the step ran'),
  action: z.enum(['delete', 'anonymise']),
  period: z.string(),
  anchor: z.string(),
  status: z.enum(['pending', 'counted', 'refused', 'running', 'done', 'blocked', 'failed']),
  due: z.number().int().nullable(),
  total: z.number().int().nullable(),
  held: counts.describe('rows due but kept under each hold'),
  withoutAnchor: z.number().int().nullable(),
  deleted: z.number().int(),
  anonymised: z.number().int(),
  reduced: counts.describe("held rows reduced to the hold's kept columns"),
  blocked: blockedOutcomeSchema.nullable(),
  batches: z.number().int(),
  problems: z.array(z.string()).describe('why the step was refused (live schema check)'),
  error: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
});
export type RunStep = z.infer<typeof runStepSchema>;

export const runSchema = z.object({
  id: z.string(),
  trigger: z.enum(['cli', 'schedule', 'api']),
  actor: z.string(),
  dryRun: z.boolean(),
  cutoff: z.string().describe('rows due at or before this instant'),
  charterSeq: z.number().int(),
  charterRevision: z.string(),
  status: z
    .enum([
      'counting',
      'awaiting-approval',
      'approved',
      'running',
      'completed',
      'partial',
      'failed',
      'rejected',
      'superseded',
    ])
    .describe('partial: due rows stayed (blocked or refused); superseded: a newer run was approved'),
  approvalReasons: z.array(approvalReasonSchema),
  approval: z
    .object({
      decision: z.enum(['approved', 'rejected']),
      actor: z.string(),
      note: z.string().nullable(),
      decidedAt: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  heartbeatAt: z.string().nullable(),
  error: z.string().nullable(),
  totals: z.object({
    due: z.number().int(),
    deleted: z.number().int(),
    anonymised: z.number().int(),
    reduced: z.number().int(),
    held: z.number().int(),
    stayed: z.number().int().describe('due rows that stayed with their personal data (blocked)'),
  }),
  steps: z.array(runStepSchema),
});
export type RunRecord = z.infer<typeof runSchema>;

export const scheduleSchema = z.object({
  enabled: z.boolean(),
  timeOfDay: z.string().describe('UTC, HH:MM'),
  nextRunAt: z.string().nullable(),
});
export type Schedule = z.infer<typeof scheduleSchema>;
