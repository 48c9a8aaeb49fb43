/**
 * Response shapes of the notices' JSON API that the console reads too (it takes their types with `import type`).
 */
import { z } from 'zod';
import { languages } from '../charter/schema.js';

/** One published version of a site's notice or cookie policy. */
export const noticeVersionSchema = z.object({
  version: z.number(),
  revisionSeq: z.number(),
  publishedAt: z.string(),
  languages: z.array(z.string()),
  significant: z.boolean(),
});

/** `GET /api/v1/notices/:site/versions`, newest first. */
export const noticeVersionsSchema = z.object({ versions: z.array(noticeVersionSchema) });
export type NoticeVersions = z.infer<typeof noticeVersionsSchema>;

/** One change of a version, in words. */
export const noticeChangeSchema = z.object({ kind: z.string(), subject: z.string().optional(), text: z.string() });

/** `GET /api/v1/notices/:site/changes`: what changed in a version compared with the one before. */
export const noticeChangesSchema = z.object({
  version: z.number(),
  previous: z.number().nullable(),
  language: z.enum(languages),
  changes: z.array(noticeChangeSchema),
});
export type NoticeChanges = z.infer<typeof noticeChangesSchema>;

/** `GET /api/v1/notices/:site/subscribers`: counts by status and language, never an address. */
export const noticeSubscribersSchema = z.object({
  subscribers: z.array(z.object({ status: z.enum(['pending', 'confirmed']), language: z.string(), count: z.number() })),
});
export type NoticeSubscribers = z.infer<typeof noticeSubscribersSchema>;
