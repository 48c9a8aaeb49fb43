/**
 * `charter audit verify [--org slug] [--checkpoint file] [--json]` recomputes every chain, and compares it with signed
 * checkpoints when given (exit 1 naming the first broken link); `charter audit checkpoint [--org slug] [--out file]`
 * writes signed checkpoints of the heads; `charter audit public-key` prints what they are checked with; `charter audit export --format jsonl [--org slug]` prints the trail as JSON
 * Lines with its hashes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { findOrganisationBySlug, listOrganisations, type Organisation } from '../accounts/organisations.js';
import type { AccountsDb } from '../accounts/tables.js';
import { exitCodes, stringOption, UsageError, type CliIo, type Command, type CommandArgs } from '../cli/command.js';
import { readConfig } from '../platform/config.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { withCliDatabase } from '../cli/database.js';
import { callServer, remoteOptions, remoteServer, type RemoteServer } from '../cli/remote.js';
import { CheckpointError, readCheckpoints, takeCheckpoint, type Checkpoint } from './checkpoint.js';
import { resolveAuditKey } from './key.js';
import { exportAuditLines } from './query.js';
import { recordAudit } from './trail.js';
import { verifyChain, type ChainReport } from './verify.js';
async function selectOrganisations<DB extends AccountsDb>(
  db: Kysely<DB>,
  slug: string | undefined,
): Promise<Organisation[]> {
  if (!slug) return listOrganisations(db);
  const organisation = await findOrganisationBySlug(db, slug);
  if (!organisation) throw new UsageError(`no organisation "${slug}"`);
  return [organisation];
}

/** One line per organisation, the same words the console shows. */
export function describeReport(slug: string, report: ChainReport): string {
  const b = report.firstBreak;
  if (b) return `${slug}: BROKEN at entry ${b.seq}${b.action ? ` (${b.action}, ${b.at})` : ''}: ${b.message}`;
  const pruned =
    report.firstSeq !== null && report.firstSeq > 1 ? ` (entries before ${report.firstSeq} pruned, anchored)` : '';
  const checkpoint = !report.checkpoint
    ? ''
    : report.checkpoint.status === 'matches'
      ? `; matches the checkpoint of ${report.checkpoint.at} (entry ${report.checkpoint.seq})`
      : `; the checkpoint of ${report.checkpoint.at} (entry ${report.checkpoint.seq}) predates the pruned prefix and cannot be compared`;
  return `${slug}: ${report.entries} entr${report.entries === 1 ? 'y' : 'ies'}${pruned}, chain intact${checkpoint}`;
}

async function loadCheckpoints(io: CliIo, file: string): Promise<Checkpoint[]> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the checkpoint file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return readCheckpoints(text);
}

/** The checkpoints of a file, or undefined once a refused one is said (`checkpoint REFUSED: …`, exit 1 for the caller). */
async function checkpointsOrRefusal(io: CliIo, file: string): Promise<Checkpoint[] | undefined> {
  try {
    return await loadCheckpoints(io, file);
  } catch (error) {
    if (!(error instanceof CheckpointError)) throw error;
    io.out(`checkpoint REFUSED: ${error.message}`);
    return undefined;
  }
}

/** The organisation of the token the server was called with; a `--org` naming another one is refused. */
async function tokenOrganisation(
  remote: RemoteServer,
  slug: string | undefined,
): Promise<{ id: string; slug: string }> {
  const me = await callServer<{ organisation: { id: string; slug: string } }>(remote, 'GET', '/api/v1/auth/me');
  if (slug && slug !== me.organisation.slug)
    throw new UsageError(`the token is of the organisation "${me.organisation.slug}", not "${slug}"`);
  return me.organisation;
}

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary:
    'Recompute the audit chains (and compare them with signed checkpoints); report the first broken link (exit 1)',
  usage: 'audit verify [--org slug] [--checkpoint file] [--json] [--token T]',
  options: { org: { type: 'string' }, checkpoint: { type: 'string' }, json: { type: 'boolean' }, ...remoteOptions },
  help: [
    'Checks every organisation (or the one named) from its first entry: an edited, deleted, reordered or unkeyed entry',
    'breaks the chain. With --checkpoint (a file written by `charter audit checkpoint` or downloaded from the console),',
    'each organisation in it is also compared with its checkpoint: a chain cut short (head moved back) or rewritten since',
    "is reported. A checkpoint not signed by this installation's audit key is refused (exit 1).",
    "While a server holds the PGlite database, the chain of the token's organisation is verified by that server",
    '(--token or CHARTER_TOKEN, scope audit:read).',
  ].join('\n'),
  async run(args, io) {
    const file = stringOption(args, 'checkpoint');
    const config = readConfig(io.env);
    const remote = remoteServer(io, config, args, 'audit:read');
    if (remote) return verifyThroughServer(remote, args, io, file);
    return withCliDatabase(io, config, 'audit verify', async (database) => {
      const checkpoints = file ? await checkpointsOrRefusal(io, file) : [];
      if (!checkpoints) return exitCodes.findings;
      const organisations = await selectOrganisations(database.db, stringOption(args, 'org'));
      let broken = false;
      const reports = [];
      for (const organisation of organisations) {
        const checkpoint = checkpoints.find((c) => c.organisation.id === organisation.id);
        const report = await verifyChain(database.db, { organisationId: organisation.id }, { checkpoint });
        reports.push({ organisation: organisation.slug, ...report });
        if (!report.ok) broken = true;
        // Said, not silently skipped: an organisation the checkpoint file does not cover was compared with nothing.
        const uncovered = file && !checkpoint && report.ok ? '; the checkpoint file has no checkpoint of it' : '';
        if (!args.values.json) io.out(`${describeReport(organisation.slug, report)}${uncovered}`);
      }
      // A checkpoint of an organisation that is no longer in the database: its whole chain is gone.
      if (!stringOption(args, 'org')) {
        for (const checkpoint of checkpoints.filter((c) => !organisations.some((o) => o.id === c.organisation.id))) {
          broken = true;
          const message = `the checkpoint of ${checkpoint.at} saw ${checkpoint.seq} entries; the organisation and its chain are gone`;
          reports.push({
            organisation: checkpoint.organisation.slug,
            ok: false,
            firstBreak: { kind: 'truncated', seq: 1, action: null, at: null, message },
          });
          if (!args.values.json) io.out(`${checkpoint.organisation.slug}: BROKEN at entry 1: ${message}`);
        }
      }
      if (args.values.json) io.out(JSON.stringify(reports, null, 2));
      else if (organisations.length === 0) io.out('No organisations yet.');
      return broken ? exitCodes.findings : exitCodes.ok;
    });
  },
};

/** `audit verify` asked of the running server that holds the database: the chain of the token's organisation. */
async function verifyThroughServer(
  remote: RemoteServer,
  args: CommandArgs,
  io: CliIo,
  file: string | undefined,
): Promise<number> {
  const organisation = await tokenOrganisation(remote, stringOption(args, 'org'));
  const checkpoints = file ? await checkpointsOrRefusal(io, file) : [];
  if (!checkpoints) return exitCodes.findings;
  const checkpoint = checkpoints.find((c) => c.organisation.id === organisation.id);
  const answer = checkpoint
    ? await callServer<Omit<ChainReport, 'organisationId'>>(remote, 'POST', '/api/v1/audit/verify', checkpoint)
    : await callServer<Omit<ChainReport, 'organisationId'>>(remote, 'GET', '/api/v1/audit/verify');
  const report: ChainReport = { ...answer, organisationId: organisation.id };
  if (args.values.json) io.out(JSON.stringify([{ organisation: organisation.slug, ...answer }], null, 2));
  else
    io.out(
      `${describeReport(organisation.slug, report)}${file && !checkpoint && report.ok ? '; the checkpoint file has no checkpoint of it' : ''}`,
    );
  return report.ok ? exitCodes.ok : exitCodes.findings;
}

export const auditCheckpointCommand: Command = {
  name: 'audit checkpoint',
  summary: 'Write signed checkpoints of the audit chain heads (keep them outside the database)',
  usage: 'audit checkpoint [--org slug] [--out file] [--token T]',
  options: { org: { type: 'string' }, out: { type: 'string' }, ...remoteOptions },
  help: [
    'Appends audit.checkpointed to each chain (or the one named) and writes the head it became, signed with the',
    'Ed25519 key derived from the audit key: one JSON object with --org, else an array. Without --out it is printed.',
    'Keep it where a database writer cannot reach; `charter audit verify --checkpoint file` compares with it.',
    "While a server holds the PGlite database, that server takes the checkpoint of the token's organisation",
    '(--token or CHARTER_TOKEN, scope audit:read).',
  ].join('\n'),
  async run(args, io) {
    const out = stringOption(args, 'out');
    const slug = stringOption(args, 'org');
    const config = readConfig(io.env);
    const remote = remoteServer(io, config, args, 'audit:read');
    if (remote) {
      await tokenOrganisation(remote, slug);
      const checkpoint = await callServer<Checkpoint>(remote, 'GET', '/api/v1/audit/checkpoint');
      return writeCheckpoints(io, out, slug, [checkpoint]);
    }
    return withCliDatabase(
      io,
      config,
      'audit checkpoint',
      async (database) => {
        const checkpoints: Checkpoint[] = [];
        for (const organisation of await selectOrganisations(database.db, slug)) {
          checkpoints.push(
            await takeCheckpoint(
              database.db,
              { organisationId: organisation.id },
              { organisationSlug: organisation.slug, actor: 'cli' },
            ),
          );
        }
        return writeCheckpoints(io, out, slug, checkpoints);
      },
      "Download a signed checkpoint from the running server's console (Audit) or GET /api/v1/audit/checkpoint, or stop the server first.",
    );
  },
};

/** Prints the checkpoints (one object when an organisation was named, else an array) or writes them to `out`. */
async function writeCheckpoints(
  io: CliIo,
  out: string | undefined,
  slug: string | undefined,
  checkpoints: Checkpoint[],
): Promise<number> {
  const text = `${JSON.stringify(slug ? checkpoints[0] : checkpoints, null, 2)}\n`;
  if (!out) {
    io.out(text.trimEnd());
    return exitCodes.ok;
  }
  await writeFile(resolve(io.cwd, out), text, { mode: 0o644 });
  for (const c of checkpoints)
    io.out(
      `${c.organisation.slug}: checkpoint of entry ${c.seq} (${c.entries} entries, head ${c.headHash.slice(0, 16)}…) written to ${out}`,
    );
  return exitCodes.ok;
}

export const auditExportCommand: Command = {
  name: 'audit export',
  summary: 'Print the audit trail as JSON Lines with hashes (for offline verification or archiving)',
  usage: 'audit export [--format jsonl] [--org slug]',
  options: { format: { type: 'string' }, org: { type: 'string' } },
  async run(args, io) {
    const format = stringOption(args, 'format') ?? 'jsonl';
    if (format !== 'jsonl') throw new UsageError(`unknown format "${format}"; jsonl is supported`);
    return withCliDatabase(
      io,
      readConfig(io.env),
      'audit export',
      async (database) => {
        for (const organisation of await selectOrganisations(database.db, stringOption(args, 'org'))) {
          const scope = { organisationId: organisation.id };
          await inOrganisation(database.db, scope, (trx) =>
            recordAudit(trx, scope, { actor: 'cli', action: 'audit.exported', data: { format } }),
          );
          for await (const line of exportAuditLines(database.db, scope, organisation.slug)) io.out(line.trimEnd());
        }
        return exitCodes.ok;
      },
      'Export the trail through the running server (GET /api/v1/audit/export), or stop the server first.',
    );
  },
};

export const auditPublicKeyCommand: Command = {
  name: 'audit public-key',
  summary:
    "Print the audit key's id and Ed25519 public key (what a checkpoint's signature is checked with; not secret)",
  usage: 'audit public-key',
  help: 'Keep it with the checkpoints: a checkpoint whose publicKey differs was not signed by this installation.',
  async run(_args, io) {
    const key = resolveAuditKey(readConfig(io.env));
    io.out(`key id      ${key.id}`);
    io.out(`public key  ${key.publicKey}`);
    return exitCodes.ok;
  },
};

export const auditCommands: Command[] = [
  auditVerifyCommand,
  auditCheckpointCommand,
  auditPublicKeyCommand,
  auditExportCommand,
];
