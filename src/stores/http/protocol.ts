/**
 * The HTTP store protocol (docs/http-store-protocol.md): request shapes, and the signature both sides compute.
 *
 * Every request is a POST with a JSON body, signed with HMAC-SHA256 over `timestamp + "." + nonce + "." + body`
 * with the shared secret. The adapter refuses a timestamp outside the replay window (five minutes either way) and a
 * nonce it has already seen inside that window, so a captured request cannot be played again.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const protocolVersion = '1';
export const timestampHeader = 'charter-timestamp';
export const nonceHeader = 'charter-nonce';
export const signatureHeader = 'charter-signature';
export const versionHeader = 'charter-protocol';
/** Seconds a signed request stays valid either side of the adapter's clock. */
export const replayWindowSeconds = 300;

export function sign(secret: string, timestamp: string, nonce: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${nonce}.${body}`, 'utf8').digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' | 'replayed' };

/**
 * Verifies a request's signature and freshness. `seen` remembers nonces inside the window (pass the same map for
 * every request of one adapter); it is pruned as it is used.
 */
export function verifySignature(
  secret: string,
  headers: { timestamp?: string | undefined; nonce?: string | undefined; signature?: string | undefined },
  body: string,
  nowSeconds: number,
  seen: Map<string, number>,
): SignatureCheck {
  const { timestamp, nonce, signature } = headers;
  if (!timestamp || !nonce || !signature || !/^\d{1,12}$/.test(timestamp) || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) {
    return { ok: false, reason: 'missing' };
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > replayWindowSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(sign(secret, timestamp, nonce, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  for (const [key, at] of seen) if (at < nowSeconds - 2 * replayWindowSeconds) seen.delete(key);
  if (seen.has(nonce)) return { ok: false, reason: 'replayed' };
  seen.set(nonce, nowSeconds);
  return { ok: true };
}

const identitySchema = z.strictObject({
  type: z.enum(['email', 'phone', 'customer-number', 'account-id']),
  value: z.string().min(1).max(320),
});
const identities = z.array(identitySchema).min(1).max(20);
/** Art. 18: the identities of restricted people Charter remembers (a store could not mark them), for retention. */
const restrictedIdentities = z.array(identitySchema).max(10_000);
const jobId = z.string().min(1).max(200);
const isoInstant = z.iso.datetime({ offset: true });
const period = z.string().regex(/^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, 'an ISO 8601 duration');
const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);
const exclusion = z.strictObject({
  column: z.string().min(1),
  values: z.array(z.union([z.string(), z.number()])).max(100_000),
});

export const accessBodySchema = z.strictObject({
  identities,
  excludeRestricted: z.boolean().optional(),
  includeSecrets: z.boolean().optional(),
});
export const contactsBodySchema = z.strictObject({ identities });
export const eraseBodySchema = z.strictObject({
  jobId,
  identities,
  dryRun: z.boolean().optional(),
  batchSize: z.number().int().min(1).max(10_000).optional(),
});
export const rectifyBodySchema = z.strictObject({
  jobId,
  identities,
  changes: z.array(z.strictObject({ table: z.string().min(1), column: z.string().min(1), value: jsonValue })).min(1),
});
export const restrictBodySchema = z.strictObject({ jobId, identities, restricted: z.boolean() });
export const dueBodySchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('count'),
    table: z.string().min(1),
    period,
    cutoffs: z.array(isoInstant).min(1).max(24),
    now: isoInstant,
    exclude: z.array(exclusion).optional(),
    action: z.enum(['delete', 'anonymise']).optional(),
    anchor: z.string().min(1).max(200).optional(),
    rules: z
      .array(z.strictObject({ table: z.string().min(1), period: period.optional() }))
      .max(1000)
      .optional(),
    restrictedIdentities: restrictedIdentities.optional(),
  }),
  z.strictObject({
    mode: z.literal('sweep'),
    jobId,
    table: z.string().min(1),
    period,
    cutoff: isoInstant,
    now: isoInstant,
    action: z.enum(['delete', 'anonymise']),
    batchSize: z.number().int().min(1).max(10_000),
    exclude: z.array(exclusion).optional(),
    dryRun: z.boolean().optional(),
    after: isoInstant.optional(),
    anchor: z.string().min(1).max(200).optional(),
    columns: z.array(z.string().min(1)).max(1000).optional(),
    referencedOnly: z.boolean().optional(),
    batchId: z.string().min(1).max(64).optional(),
    restrictedIdentities: restrictedIdentities.optional(),
  }),
]);

export const operations = ['access', 'contacts', 'erase', 'rectify', 'restrict', 'due'] as const;
export type Operation = (typeof operations)[number];
