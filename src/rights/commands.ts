/**
 * `charter requests list [--org slug] [--state s] [--overdue] [--json]` — the requests inbox with deadlines (masked
 * identities); exit 1 when an open request is overdue.
 * `charter requests tick [--json]` — runs what became due once (dispatches, ended grace periods, unverifiable
 * closures, reminders, expired packages), for installations that do not run `charter serve` all the time.
 */
import { findOrganisationBySlug, listOrganisations } from '../accounts/organisations.js';
import { createInstallationMailer } from '../accounts/installation-mailer.js';
import { exitCodes, stringOption, UsageError, type CliIo, type Command, type CommandArgs } from '../cli/command.js';
import { readConfig } from '../platform/config.js';
import { defaultColumns, formatTable } from '../platform/text-layout.js';
import { createLogger } from '../platform/logger.js';
import { withCliDatabase } from '../cli/database.js';
import { callServer, remoteOptions, remoteServer, type RemoteServer } from '../cli/remote.js';
import type { RequestSummary } from './schemas.js';
import { mask } from './api.js';
import { daysLeft } from './deadline.js';
import { tick } from './due.js';
import { createRightsContext } from './register.js';
import { listRequests } from './repository.js';
import { isFinal, requestStates, type RequestState } from './workflow.js';

export const requestsListCommand: Command = {
  name: 'requests list',
  summary: 'The requests inbox with deadlines; exit 1 when an open request is overdue',
  usage: 'requests list [--org slug] [--state state] [--overdue] [--json] [--token T]',
  options: {
    org: { type: 'string' },
    state: { type: 'string' },
    overdue: { type: 'boolean' },
    json: { type: 'boolean' },
    ...remoteOptions,
  },
  help: "While a server holds the PGlite database, the inbox of the token's organisation is read from that server (--token or CHARTER_TOKEN, scope requests:read).",
  async run(args, io) {
    const state = stringOption(args, 'state');
    if (state && !(requestStates as readonly string[]).includes(state))
      throw new UsageError(`--state is one of ${requestStates.join(', ')}`);
    const config = readConfig(io.env);
    const remote = remoteServer(io, config, args, 'requests:read');
    if (remote) return presentRows(io, args, await rowsFromServer(remote, args, state));
    return withCliDatabase(io, config, 'requests list', async (database) => {
      const slug = stringOption(args, 'org');
      const organisations = slug
        ? [await findOrganisationBySlug(database.db, slug)]
        : await listOrganisations(database.db);
      if (organisations.some((o) => !o)) throw new UsageError(`no organisation "${slug}"`);
      const now = new Date();
      const rows = [];
      for (const organisation of organisations) {
        if (!organisation) continue;
        const found = await listRequests(
          database.db,
          { organisationId: organisation.id },
          {
            states: state ? [state as RequestState] : undefined,
            overdueAt: args.values.overdue ? now : undefined,
            limit: 200,
          },
        );
        for (const r of found.requests) {
          rows.push({
            organisation: organisation.slug,
            reference: r.reference,
            type: r.type,
            state: r.state,
            channel: r.channel,
            site: r.siteId,
            identity: mask(r.identity.value),
            dueOn: r.dueOn,
            overdue: !isFinal(r.state) && r.dueAt <= now,
            daysLeft: daysLeft(now, r.dueOn),
          });
        }
      }
      return presentRows(io, args, rows);
    });
  },
};

interface InboxRow {
  organisation: string;
  reference: string;
  type: string;
  state: RequestState;
  channel: string;
  site: string;
  identity: string;
  dueOn: string;
  overdue: boolean;
  daysLeft: number;
}

function presentRows(io: CliIo, args: CommandArgs, rows: InboxRow[]): number {
  if (args.values.json) io.out(JSON.stringify(rows, null, 2));
  else {
    const cells = rows.map((r) => [
      r.reference,
      r.type,
      r.state,
      `${r.dueOn}${r.overdue ? ' OVERDUE' : isFinal(r.state) ? '' : ` (${r.daysLeft} days)`}`,
      r.channel,
      r.site,
      r.identity,
    ]);
    if (rows.length > 0)
      for (const line of formatTable(['reference', 'type', 'state', 'due', 'channel', 'site', 'person'], cells, {
        width: io.columns ?? defaultColumns,
      }))
        io.out(line);
    io.out(`${rows.length} request${rows.length === 1 ? '' : 's'}, ${rows.filter((r) => r.overdue).length} overdue`);
  }
  return rows.some((r) => r.overdue) ? exitCodes.findings : exitCodes.ok;
}

/** The inbox of the token's organisation, read from the running server (the same masked identities). */
async function rowsFromServer(remote: RemoteServer, args: CommandArgs, state: string | undefined): Promise<InboxRow[]> {
  const me = await callServer<{ organisation: { slug: string } }>(remote, 'GET', '/api/v1/auth/me');
  const slug = stringOption(args, 'org');
  if (slug && slug !== me.organisation.slug)
    throw new UsageError(`the token is of the organisation "${me.organisation.slug}", not "${slug}"`);
  const query = new URLSearchParams({
    limit: '200',
    ...(state ? { state } : {}),
    ...(args.values.overdue ? { overdue: 'true' } : {}),
  });
  const answer = await callServer<{ requests: RequestSummary[] }>(
    remote,
    'GET',
    `/api/v1/requests?${query.toString()}`,
  );
  return answer.requests.map((r) => ({
    organisation: me.organisation.slug,
    reference: r.reference,
    type: r.type,
    state: r.state,
    channel: r.channel,
    site: r.site,
    identity: r.identity,
    dueOn: r.dueOn,
    overdue: r.overdue,
    daysLeft: r.daysLeft,
  }));
}

export const requestsTickCommand: Command = {
  name: 'requests tick',
  summary: 'Run what became due once: dispatches, grace periods, unverifiable closures, reminders, expired packages',
  usage: 'requests tick [--json]',
  options: { json: { type: 'boolean' } },
  async run(args, io) {
    const config = readConfig(io.env);
    return withCliDatabase(
      io,
      config,
      'requests tick',
      async (database) => {
        const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
        const mailer = createInstallationMailer({ db: database.db, logger, config });
        const context = createRightsContext(
          { db: database.db, dbKind: database.kind, config, logger, clock: () => new Date(), mailer },
          { env: io.env },
        );
        try {
          const report = await tick(context);
          await context.idle();
          io.out(
            args.values.json
              ? JSON.stringify(report, null, 2)
              : Object.entries(report)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join('\n'),
          );
          return exitCodes.ok;
        } finally {
          await context.deps.stores.close();
        }
      },
      'The running server does this itself every few seconds: there is nothing to tick while it runs.',
    );
  },
};

export const rightsCommands: Command[] = [requestsListCommand, requestsTickCommand];
