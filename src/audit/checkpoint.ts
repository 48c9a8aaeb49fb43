/**
 * Signed checkpoints of a chain head, made to leave the database: the organisation, the head's seq and hash, the
 * number of entries present and the time, signed with the Ed25519 key derived from the audit key (key.ts). Kept
 * elsewhere (a file, a mailbox), a checkpoint lets the verifier detect what no chain can show by itself: a chain that
 * was cut short and its head moved back, or rewritten whole by someone holding the key.
 *
 * Taking a checkpoint first appends `audit.checkpointed`, so the checkpoint covers the record of its own taking.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { canonicalJson } from '../charter/revision.js';
import { viewOf } from '../platform/db/view.js';
import type { AuditTables } from './tables.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { currentAuditKey, fingerprint, verifySignature, type AuditKey } from './key.js';
import { recordAudit } from './trail.js';

/** The audit domain's handle: its own tables only. */
const auditView = viewOf<AuditTables>();

export const checkpointFormat = 'charter-audit-checkpoint/1';

export const checkpointSchema = z.object({
  format: z.literal(checkpointFormat),
  organisation: z.object({ id: z.uuid(), slug: z.string().max(200) }),
  /** The head's sequence number. */
  seq: z.number().int().min(1),
  /** Entries present when it was taken (fewer than `seq` after pruning). */
  entries: z.number().int().min(0),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  keyId: z.string().max(64),
  /** Ed25519 public key, SPKI DER in base64url. */
  publicKey: z.string().max(200),
  /** Ed25519 signature (base64url) of the canonical JSON of every other field. */
  signature: z.string().max(200),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** The text a checkpoint's signature covers. */
function signedText(checkpoint: Omit<Checkpoint, 'signature'>): string {
  const { format, organisation, seq, entries, headHash, at, keyId, publicKey } = checkpoint;
  return canonicalJson({ format, organisation, seq, entries, headHash, at, keyId, publicKey });
}

/** Appends `audit.checkpointed` and returns the signed checkpoint of the head that entry became. */
export async function takeCheckpoint<DB extends AuditTables>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  input: { organisationSlug: string; actor: string; now?: Date; key?: AuditKey },
): Promise<Checkpoint> {
  const db = auditView(anyDb);
  const organisationId = requireScope(scope);
  const key = input.key ?? currentAuditKey();
  const now = input.now ?? new Date();
  return inOrganisation(db, scope, async (trx) => {
    const entry = await recordAudit(
      trx,
      scope,
      { actor: input.actor, action: 'audit.checkpointed', data: { keyId: key.id } },
      now,
      key,
    );
    const counted = await trx
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    const unsigned = {
      format: checkpointFormat,
      organisation: { id: organisationId, slug: input.organisationSlug },
      seq: entry.seq,
      entries: Number(counted.n),
      headHash: entry.hash,
      at: entry.at.toISOString(),
      keyId: key.id,
      publicKey: key.publicKey,
    } as const;
    return { ...unsigned, signature: key.sign(signedText(unsigned)) };
  });
}

export class CheckpointError extends Error {
  override name = 'CheckpointError';
  constructor(
    message: string,
    /** The offending field, when one is. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * Reads a checkpoint file (one checkpoint, or an array of them) and checks each signature against `publicKey` (this
 * installation's by default): a checkpoint signed by any other key, or altered, is refused.
 */
export function readCheckpoints(text: string, publicKey: string = currentAuditKey().publicKey): Checkpoint[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CheckpointError('the checkpoint file is not JSON');
  }
  const list = z
    .array(checkpointSchema)
    .max(10_000)
    .safeParse(Array.isArray(parsed) ? parsed : [parsed]);
  if (!list.success) {
    const issue = list.error.issues[0];
    throw new CheckpointError(
      `the checkpoint file is not a Charter audit checkpoint (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`,
    );
  }
  for (const checkpoint of list.data) checkCheckpointSignature(checkpoint, publicKey);
  return list.data;
}

/** Refuses a checkpoint signed by another key than `publicKey` (this installation's by default), or altered. */
export function checkCheckpointSignature(
  checkpoint: Checkpoint,
  publicKey: string = currentAuditKey().publicKey,
): void {
  const where = `the checkpoint of ${checkpoint.organisation.slug} at entry ${checkpoint.seq}`;
  if (checkpoint.publicKey !== publicKey) {
    throw new CheckpointError(
      `${where} is signed by audit key ${fingerprint(checkpoint.publicKey)}, not by this installation's key ${fingerprint(publicKey)}`,
      'publicKey',
    );
  }
  if (!verifySignature(publicKey, signedText(checkpoint), checkpoint.signature)) {
    throw new CheckpointError(`${where} has a signature that does not verify: the file was altered`, 'signature');
  }
}
