/**
 * Response shapes of the charter routes that the console reads too (it takes their types with `import type`). The
 * lint and preview answers stay beside their routes (routes.ts, editor-routes.ts).
 */
import { z } from 'zod';
import type { Charter } from './schema.js';

/** One revision in the history (`GET /api/v1/charter/revisions`). */
export const revisionSummarySchema = z.object({
  seq: z.number(),
  revision: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByEmail: z.string().optional().describe('the member behind a `user:` actor, when still a member'),
  restoredFrom: z.number().nullable().describe('for a rollback: the earlier revision it restores'),
});

/**
 * The active charter with its lint findings (`GET /api/v1/charter/overview`). The charter is sent as stored (the
 * charter schema's output); the schema here does not check it again, hence a record.
 */
export const charterOverviewSchema = z.object({
  seq: z.number(),
  revision: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  charter: z.record(z.string(), z.unknown()),
  findings: z.array(
    z.object({
      rule: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      article: z.string(),
      path: z.string(),
      message: z.string(),
      line: z.number().optional().describe('line in the revision as the console editor shows it (its YAML)'),
      column: z.number().optional(),
    }),
  ),
});

/** What a reader of the overview gets: the charter it holds is the stored one, the charter schema's output. */
export type CharterOverview = Omit<z.infer<typeof charterOverviewSchema>, 'charter'> & { charter: Charter };

/** A site the active charter declares, as the overview lists it. */
export type DeclaredSite = Charter['sites'][number];
