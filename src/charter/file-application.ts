/**
 * `serve --charter FILE` at every start: the file is applied only when it changed since it was last applied from a
 * file. A restart with the same file must not undo work: a newer revision applied through the API or the console stays
 * active. A changed file passes the same gate as `charter apply` (validation and lint errors refuse it).
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { ensureOrganisation } from '../accounts/organisations.js';
import { type CharterDb, charterView } from './views.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { formatProblem, loadCharter } from './loader.js';
import { activeCharter, applyCharter } from './repository.js';
import { lintSubmission } from './routes.js';
import { defaultText } from './localized.js';

export type FileApplication =
  /** The file changed (or was never applied): it is the active revision now (`changed` false when its content already was). */
  | { outcome: 'applied'; organisation: string; seq: number; changed: boolean }
  /** The file is the one last applied from a file, as revision `fileSeq`; revision `activeSeq` stays active. */
  | { outcome: 'unchanged'; organisation: string; fileSeq: number; activeSeq: number }
  /** The gate refused the file: every problem, as `file:line:col: error: …`. */
  | { outcome: 'refused'; problems: string[] };

export function fileHash(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** Checks a charter file as `charter apply` is checked: syntax, shape and references, then lint errors. */
export function gateCharterFile(source: string, file: string, now: Date) {
  const checked = lintSubmission({ source, file }, now);
  const problems = [
    ...checked.problems.map((p) => formatProblem({ ...p, file })),
    ...checked.findings
      .filter((f) => f.severity === 'error')
      .map((f) => `${file}:${f.line}:${f.column}: error: ${f.path}: ${f.message} [${f.rule}; ${f.article}]`),
  ];
  return { checked, problems };
}

/** Applies a charter file at start when it changed since it was last applied from a file (see the module comment). */
export async function applyCharterFile<DB extends CharterDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  input: { source: string; file: string; actor: string; now: Date },
): Promise<FileApplication> {
  const db = charterView(anyDb);
  const { problems } = gateCharterFile(input.source, input.file, input.now);
  // Refused before anything is compared: a file with errors is reported at every start, never silently skipped.
  if (problems.length > 0) return { outcome: 'refused', problems };
  const loaded = loadCharter(input.source, input.file);
  if (!loaded.ok)
    return { outcome: 'refused', problems: loaded.problems.map((p) => formatProblem({ ...p, file: input.file })) };
  const charter = loaded.charter;
  const organisation = await ensureOrganisation(
    db,
    charter.organisation.id,
    defaultText(charter.organisation.legalName, charter),
  );
  const scope = { organisationId: organisation.id };
  const hash = fileHash(input.source);

  const previous = await inOrganisation(db, scope, async (trx) => {
    const last = await trx
      .selectFrom('charter_file_applications')
      .select(['file_hash', 'seq'])
      .where('organisation_id', '=', organisation.id)
      .orderBy('applied_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last) return last.file_hash === hash ? last.seq : undefined;
    // Installations from before file hashes were kept: a revision with exactly this text was applied from it.
    const same = await trx
      .selectFrom('charter_revisions')
      .select('seq')
      .where('organisation_id', '=', organisation.id)
      .where('source', '=', input.source)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (same)
      await trx
        .insertInto('charter_file_applications')
        .values({ organisation_id: organisation.id, file_hash: hash, seq: same.seq })
        .execute();
    return same?.seq;
  });
  const active = await activeCharter(db, scope);
  if (previous !== undefined && active)
    return { outcome: 'unchanged', organisation: organisation.slug, fileSeq: previous, activeSeq: active.seq };

  const applied = await applyCharter(db, scope, { charter, source: input.source, format: 'yaml', actor: input.actor });
  await inOrganisation(db, scope, (trx) =>
    trx
      .insertInto('charter_file_applications')
      .values({ organisation_id: organisation.id, file_hash: hash, seq: applied.seq })
      .execute(),
  );
  return { outcome: 'applied', organisation: organisation.slug, seq: applied.seq, changed: applied.changed };
}

/** The one line `serve` prints about the file. */
export function describeFileApplication(
  file: string,
  result: Exclude<FileApplication, { outcome: 'refused' }>,
): string {
  if (result.outcome === 'applied')
    return result.changed
      ? `Applied ${file} as revision ${result.seq} of ${result.organisation}.`
      : `${file} is the active revision ${result.seq} of ${result.organisation}.`;
  if (result.fileSeq === result.activeSeq)
    return `${file} is unchanged since it was applied as revision ${result.fileSeq} of ${result.organisation}; it stays active.`;
  return `${file} is unchanged since it was applied as revision ${result.fileSeq}; revision ${result.activeSeq} of ${result.organisation}, applied since through the API or console, stays active (edit the file to publish it again).`;
}
