/**
 * Response shapes of the consent routes that the console reads too (it takes their types with `import type`).
 */
import { z } from 'zod';

/** One record of a visitor's consent history, as the privacy team looks it up (no IP address, no user agent). */
export const historyEntrySchema = z.object({
  receipt: z.string(),
  recordedAt: z.string(),
  site: z.string(),
  revision: z.string(),
  method: z.string(),
  language: z.string(),
  choices: z.record(z.string(), z.boolean()),
  gpc: z.boolean(),
  pageUrl: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** `GET /api/v1/consent/visitors/:visitor`: the visitor's records, newest first, up to the history limit. */
export const visitorHistorySchema = z.object({
  visitor: z.string(),
  records: z.array(historyEntrySchema),
  truncated: z.boolean(),
});
