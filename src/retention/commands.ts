/**
 * `charter retention plan [--at DATE] [--charter file] [--org slug] [--json]` — what is due now and in each of the
 * next 12 months, and why.
 * `charter retention run [--dry-run] [--approve] [--charter file] [--org slug] [--json]` — finishes interrupted
 * runs, then counts, gates and sweeps; a progress bar on a TTY. Exit 1 when the run waits for approval or a step
 * failed.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ensureOrganisation, findOrganisationBySlug, listOrganisations } from '../accounts/organisations.js';
import { exitCodes, stringOption, UsageError, type CliIo, type Command, type CommandArgs } from '../cli/command.js';
import { formatProblem } from '../charter/loader.js';
import { loadCharterFile } from '../charter/template-files.js';
import { activeCharter, applyCharter } from '../charter/repository.js';
import { charterRevision } from '../charter/revision.js';
import type { Charter } from '../charter/schema.js';
import type { AccountsDb } from '../accounts/tables.js';
import { readConfig, type Config } from '../platform/config.js';
import type { OpenDatabase } from '../platform/db/database.js';
import type { OrgScope } from '../platform/db/tenancy.js';
import { CharterFileError } from '../server.js';
import { withCliDatabase } from '../cli/database.js';
import { callServer, remoteOptions, remoteServer, type RemoteServer } from '../cli/remote.js';
import type { RetentionPlan, RunRecord } from './schemas.js';
import { withExclusiveLock } from '../platform/jobs.js';
import { composeRetention, retentionSettings } from './deps.js';
import type { RetentionDb } from './tables.js';
import { sweepInstallation } from './installation.js';
import { computePlan } from './plan.js';
import { formatPlan, formatRun, progressLine } from './present.js';
import { runRetention } from './sweep.js';
import { defaultText } from '../charter/localized.js';

async function loadFile(io: CliIo, file: string): Promise<{ charter: Charter; source: string }> {
  const path = resolve(io.cwd, file);
  const loaded = await loadCharterFile(path);
  if (!loaded.ok) throw new CharterFileError(loaded.problems.map((p) => formatProblem({ ...p, file })).join('\n'));
  return { charter: loaded.charter, source: await readFile(path, 'utf8') };
}

/** The organisation named by --org, or the only one there is. */
async function organisationScope<DB extends AccountsDb>(
  database: OpenDatabase<DB>,
  slug: string | undefined,
): Promise<OrgScope | undefined> {
  if (slug) {
    const organisation = await findOrganisationBySlug(database.db, slug);
    if (!organisation) throw new UsageError(`no organisation "${slug}"`);
    return { organisationId: organisation.id };
  }
  const all = await listOrganisations(database.db);
  if (all.length > 1)
    throw new UsageError(`several organisations (${all.map((o) => o.slug).join(', ')}): name one with --org`);
  return all[0] ? { organisationId: all[0].id } : undefined;
}

function parseAt(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw new UsageError(`--at takes a date (YYYY-MM-DD) or an ISO instant, not "${value}"`);
  return date;
}

/** The options both retention commands take: a charter file, the organisation, JSON output, a server's token. */
const charterOptions = {
  charter: { type: 'string' },
  org: { type: 'string' },
  json: { type: 'boolean' },
  ...remoteOptions,
} satisfies Command['options'];

/**
 * The server that holds the PGlite database, if one does (the command then asks it); a charter file is refused then,
 * since the server applies files only through `charter apply`.
 */
function serverWithoutFile(
  io: CliIo,
  config: Config,
  args: CommandArgs,
  file: string | undefined,
  need: { scope: string; verb: string },
): RemoteServer | undefined {
  const remote = remoteServer(io, config, args, need.scope);
  if (remote && file)
    throw new UsageError(
      `a server holds the database: apply the file first (charter apply), then ${need.verb} without --charter`,
    );
  return remote;
}

/** The retention services over the database this command opened. */
function localRetention<DB extends RetentionDb>(database: OpenDatabase<DB>, config: Config, io: CliIo) {
  return composeRetention({ db: database.db, dbKind: database.kind, config, env: io.env, clock: () => new Date() });
}

export const retentionPlanCommand: Command = {
  name: 'retention plan',
  summary: 'Rows due for deletion/anonymisation now and in each of the next 12 months, and why',
  usage: 'retention plan [--at DATE] [--charter file] [--org slug] [--json] [--token T]',
  options: { at: { type: 'string' }, ...charterOptions },
  help: [
    'Counts in the stores the charter declares (connection URLs from the environment variables it names), holds and',
    'restrictions left out, renewals by consent applied. With --charter the file is planned as it is (not applied);',
    'otherwise the active charter of the organisation. --at plans as of another date (e.g. --at 2027-01-01).',
    "While a server holds the PGlite database, the token's organisation is planned by that server (--token or",
    'CHARTER_TOKEN, scope retention:read).',
  ].join('\n'),
  async run(args: CommandArgs, io: CliIo) {
    const at = parseAt(stringOption(args, 'at'));
    const file = stringOption(args, 'charter');
    const config = readConfig(io.env);
    const remote = serverWithoutFile(io, config, args, file, { scope: 'retention:read', verb: 'plan' });
    if (remote) {
      await checkOrganisation(remote, args);
      const plan = await callServer<RetentionPlan>(
        remote,
        'GET',
        `/api/v1/retention/plan${at ? `?at=${encodeURIComponent(at.toISOString())}` : ''}`,
      );
      io.out(args.values.json ? JSON.stringify(plan, null, 2) : formatPlan(plan, io.columns));
      return plan.rules.some((r) => r.status === 'error') ? exitCodes.findings : exitCodes.ok;
    }
    return withCliDatabase(io, config, 'retention plan', async (database) => {
      let charter: Charter;
      let scope: OrgScope | undefined;
      let revision: string;
      if (file) {
        charter = (await loadFile(io, file)).charter;
        revision = charterRevision(charter);
        const organisation = await findOrganisationBySlug(
          database.db,
          stringOption(args, 'org') ?? charter.organisation.id,
        );
        scope = organisation ? { organisationId: organisation.id } : undefined;
      } else {
        scope = await organisationScope(database, stringOption(args, 'org'));
        const stored = scope ? await activeCharter(database.db, scope) : undefined;
        if (!stored) throw new UsageError('no charter applied yet: pass --charter file (or run charter apply)');
        charter = stored.charter;
        revision = stored.revision;
      }
      const deps = localRetention(database, config, io);
      const plan = await computePlan(deps, scope, charter, at ?? new Date(), revision);
      io.out(args.values.json ? JSON.stringify(plan, null, 2) : formatPlan(plan, io.columns));
      return plan.rules.some((r) => r.status === 'error') ? exitCodes.findings : exitCodes.ok;
    });
  },
};

export const retentionRunCommand: Command = {
  name: 'retention run',
  summary: 'Delete or anonymise what is past retention (resumes interrupted runs; --dry-run changes nothing)',
  usage: 'retention run [--dry-run] [--approve] [--charter file] [--org slug] [--json] [--token T]',
  options: { 'dry-run': { type: 'boolean' }, approve: { type: 'boolean' }, ...charterOptions },
  help: [
    'A first run on a store, or one that would act on more than RETENTION_APPROVAL_SHARE (default 10%) of a table,',
    'waits for a privacy officer (console, or POST /api/v1/retention/runs/{id}/approve); --approve lets the operator',
    'approve it here (recorded in the audit trail). Batches of RETENTION_BATCH_SIZE rows, one short transaction each.',
    'With --charter the file is applied first (as charter serve does).',
    "While a server holds the PGlite database, the run is started on that server for the token's organisation and",
    'followed to its end (--token or CHARTER_TOKEN, scope retention:run); the server sweeps its own data on its schedule.',
  ].join('\n'),
  async run(args: CommandArgs, io: CliIo) {
    const file = stringOption(args, 'charter');
    const config = readConfig(io.env);
    const remote = serverWithoutFile(io, config, args, file, { scope: 'retention:run', verb: 'run' });
    if (remote) {
      return runThroughServer(remote, args, io);
    }
    return withCliDatabase(io, config, 'retention run', async (database) => {
      let scope: OrgScope | undefined;
      if (file) {
        const { charter, source } = await loadFile(io, file);
        const organisation = await ensureOrganisation(
          database.db,
          charter.organisation.id,
          defaultText(charter.organisation.legalName, charter),
        );
        scope = { organisationId: organisation.id };
        await applyCharter(database.db, scope, { charter, source, format: 'yaml', actor: 'cli' });
      } else {
        scope = await organisationScope(database, stringOption(args, 'org'));
        if (!scope) throw new UsageError('no organisation yet: pass --charter file (or run charter apply)');
      }
      const deps = localRetention(database, config, io);
      const settings = retentionSettings(config);
      const showProgress = io.isTTY && !args.values.json;
      let lastDraw = 0;
      const outcome = await runRetention(deps, scope, {
        trigger: 'cli',
        actor: 'cli',
        dryRun: Boolean(args.values['dry-run']),
        approve: Boolean(args.values.approve),
        ...settings,
        onProgress: showProgress
          ? (progress) => {
              const now = Date.now();
              if (now - lastDraw < 100 && progress.done < progress.due) return;
              lastDraw = now;
              process.stderr.write(`\r${progressLine(progress)}\u001b[K`);
            }
          : undefined,
      });
      if (showProgress) process.stderr.write('\r\u001b[K');
      // Installation-wide own data (consent months, installation mails), unless this is a dry run.
      const installation = args.values['dry-run']
        ? undefined
        : await withExclusiveLock(database.db, database.kind, 'retention:installation', () =>
            sweepInstallation(database.db, deps.own, deps.clock(), settings.batchSize),
          );
      const runs = [...outcome.resumed, ...(outcome.run ? [outcome.run] : [])];
      if (args.values.json)
        io.out(
          JSON.stringify(
            { ...outcome, installation: installation?.acquired ? installation.result : undefined },
            null,
            2,
          ),
        );
      else {
        for (const run of outcome.resumed) io.out(`Resumed an interrupted run:\n${formatRun(run, io.columns)}\n`);
        if (outcome.run) io.out(formatRun(outcome.run, io.columns));
        if (installation?.acquired) {
          const dropped = installation.result.consentMonths.filter((m) => m.dropped);
          io.out(
            `\nCharter's own data: ${dropped.length} consent month(s) dropped (${dropped.reduce((n, m) => n + m.records, 0)} records${dropped.length ? `: ${dropped.map((m) => m.month).join(', ')}` : ''}), ${installation.result.installationMails} installation mail(s) deleted.`,
          );
        }
      }
      return runs.every((r) => r.status === 'completed') ? exitCodes.ok : exitCodes.findings;
    });
  },
};

/** The token's organisation, checked against --org when given. */
async function checkOrganisation(remote: RemoteServer, args: CommandArgs): Promise<void> {
  const me = await callServer<{ organisation: { slug: string } }>(remote, 'GET', '/api/v1/auth/me');
  const slug = stringOption(args, 'org');
  if (slug && slug !== me.organisation.slug)
    throw new UsageError(`the token is of the organisation "${me.organisation.slug}", not "${slug}"`);
}

/** States in which a run started through the API is still moving (its job has not finished it yet). */
const moving: readonly RunRecord['status'][] = ['counting', 'approved', 'running'];
/** How long the terminal follows a run the server executes before it says so and leaves it running. */
const followForMs = 60 * 60 * 1000;

async function followRun(remote: RemoteServer, id: string): Promise<RunRecord> {
  const until = Date.now() + followForMs;
  for (;;) {
    const run = await callServer<RunRecord>(remote, 'GET', `/api/v1/retention/runs/${encodeURIComponent(id)}`);
    if (!moving.includes(run.status) || Date.now() > until) return run;
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
  }
}

/** `retention run` beside a server: the server's job executes the run; the terminal starts it, approves it when asked, and follows it. */
async function runThroughServer(remote: RemoteServer, args: CommandArgs, io: CliIo): Promise<number> {
  await checkOrganisation(remote, args);
  const started = await callServer<RunRecord>(remote, 'POST', '/api/v1/retention/runs', {
    dryRun: Boolean(args.values['dry-run']),
  });
  let run = await followRun(remote, started.id);
  if (run.status === 'awaiting-approval' && args.values.approve) {
    await callServer<RunRecord>(remote, 'POST', `/api/v1/retention/runs/${encodeURIComponent(run.id)}/approve`, {
      note: 'approved at the command line',
    });
    run = await followRun(remote, run.id);
  }
  if (args.values.json) io.out(JSON.stringify({ run }, null, 2));
  else {
    io.out(formatRun(run, io.columns));
    if (moving.includes(run.status))
      io.out(`\nThe run is still ${run.status} on the server; follow it in the console (Retention).`);
  }
  return run.status === 'completed' ? exitCodes.ok : exitCodes.findings;
}

export const retentionCommands: Command[] = [retentionPlanCommand, retentionRunCommand];
