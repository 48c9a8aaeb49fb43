/**
 * `charter org create|list|archive|unarchive` and `charter operator grant|revoke|list`. Beside a server holding the
 * PGlite directory, the `org` commands ask that server (remote.ts) with an operator's API token (scope
 * organisations:manage); otherwise they open the database. Granting the operator role is an installation owner's
 * act at the machine, so `operator` commands always open the database (refused beside a running PGlite server).
 */
import { exitCodes, stringOption, UsageError, type CliIo, type Command, type CommandArgs } from '../cli/command.js';
import { withCliDatabase } from '../cli/database.js';
import { callServer, remoteOptions, remoteServer } from '../cli/remote.js';
import { publicUrl, readConfig } from '../platform/config.js';
import { createOrganisation, listOrganisationEntries, setOrganisationArchived } from './organisations.js';
import { grantOperator, listOperators, operatorScope, revokeOperator } from './operators.js';
import { issuePasswordLink } from './sign-in.js';
import { createOrganisationBodySchema } from './routes/organisation-routes.js';

interface Entry {
  slug: string;
  name: string;
  archivedAt: string | null;
  sites: string[];
}

function printEntries(io: CliIo, entries: Entry[], json: boolean) {
  if (json) {
    io.out(JSON.stringify(entries, null, 2));
    return;
  }
  if (entries.length === 0) {
    io.out('No organisations yet.');
    return;
  }
  for (const e of entries) {
    const state = e.archivedAt ? `archived ${e.archivedAt.slice(0, 10)}` : 'active';
    io.out(`${e.slug}\t${e.name}\t${state}\t${e.sites.length === 0 ? 'no sites' : e.sites.join(', ')}`);
  }
}

export const orgListCommand: Command = {
  name: 'org list',
  summary: 'List the organisations of the installation, archived ones included (installation operators)',
  usage: 'org list [--json] [--token T]',
  options: { json: { type: 'boolean' }, ...remoteOptions },
  help: `Beside a running server this asks it, with an operator's API token (--token or CHARTER_TOKEN, scope ${operatorScope}).`,
  async run(args, io) {
    const json = args.values.json === true;
    const config = readConfig(io.env);
    const remote = remoteServer(io, config, args, operatorScope);
    if (remote) {
      const answer = await callServer<{ organisations: Entry[] }>(remote, 'GET', '/api/v1/organisations');
      printEntries(io, answer.organisations, json);
      return exitCodes.ok;
    }
    return withCliDatabase(io, config, 'org list', async (database) => {
      const entries = await listOrganisationEntries(database.db);
      printEntries(
        io,
        entries.map((e) => ({
          slug: e.slug,
          name: e.name,
          archivedAt: e.archivedAt?.toISOString() ?? null,
          sites: e.sites,
        })),
        json,
      );
      return exitCodes.ok;
    });
  },
};

export const orgCreateCommand: Command = {
  name: 'org create',
  summary: 'Create an organisation with its first owner (installation operators)',
  usage: 'org create --slug slug --name "Legal name" --owner address [--token T]',
  options: { slug: { type: 'string' }, name: { type: 'string' }, owner: { type: 'string' }, ...remoteOptions },
  help: [
    'The slug is the organisation.id its charter will carry. The owner is mailed an invitation by a running server;',
    'without one, a one-time link to choose a password is printed (when they have no password yet).',
  ].join('\n'),
  async run(args, io) {
    const parsed = createOrganisationBodySchema.safeParse({
      slug: stringOption(args, 'slug'),
      name: stringOption(args, 'name'),
      owner: { email: stringOption(args, 'owner') },
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const option = issue.path[0] === 'owner' ? 'owner' : String(issue.path[0]);
      throw new UsageError(`--${option}: ${issue.input === undefined ? 'required' : issue.message}`);
    }
    const body = parsed.data;
    const config = readConfig(io.env);
    const remote = remoteServer(io, config, args, operatorScope);
    if (remote) {
      await callServer(remote, 'POST', '/api/v1/organisations', body);
      io.out(`Created ${body.slug} (${body.name}); ${body.owner.email} is its owner and was mailed an invitation.`);
      return exitCodes.ok;
    }
    return withCliDatabase(io, config, 'org create', async (database) => {
      const now = new Date();
      const created = await createOrganisation(
        database.db,
        { slug: body.slug, name: body.name, ownerEmail: body.owner.email, actor: 'cli' },
        now,
      );
      io.out(`Created ${body.slug} (${body.name}); ${body.owner.email} is its owner.`);
      if (created.owner.hasPassword) io.out('This person already has a password and can sign in.');
      else {
        const token = await issuePasswordLink(database.db, created.owner.userId, now);
        io.out(
          `One-time link to choose a password (valid 24 hours, works once):\n  ${publicUrl(config)}/console/password?token=${encodeURIComponent(token)}`,
        );
      }
      return exitCodes.ok;
    });
  },
};

function archiveCommand(archived: boolean): Command {
  const verb = archived ? 'archive' : 'unarchive';
  return {
    name: `org ${verb}`,
    summary: archived
      ? 'Archive an organisation: data kept, public pages and banner answer 410 Gone, jobs stop (installation operators)'
      : 'Unarchive an organisation: its public pages, banner and jobs resume (installation operators)',
    usage: `org ${verb} slug [--token T]`,
    options: { ...remoteOptions },
    async run(args: CommandArgs, io: CliIo) {
      const slug = args.positionals[0];
      if (!slug) throw new UsageError(`name the organisation: charter org ${verb} slug`);
      const config = readConfig(io.env);
      const remote = remoteServer(io, config, args, operatorScope);
      const result = remote
        ? await callServer<{ changed: boolean }>(
            remote,
            'POST',
            `/api/v1/organisations/${encodeURIComponent(slug)}/${verb}`,
          )
        : await withCliDatabase(io, config, `org ${verb}`, async (database) => {
            const organisation = (await listOrganisationEntries(database.db)).find((e) => e.slug === slug);
            if (!organisation) return undefined;
            return setOrganisationArchived(database.db, { slug, archived, actor: 'cli' }, new Date());
          });
      if (!result) {
        io.err(`No organisation "${slug}".`);
        return exitCodes.findings;
      }
      io.out(result.changed ? `${slug} is ${verb}d.` : `${slug} was ${verb}d already; nothing changed.`);
      return exitCodes.ok;
    },
  };
}

function operatorCommand(grant: boolean): Command {
  const verb = grant ? 'grant' : 'revoke';
  return {
    name: `operator ${verb}`,
    summary: grant
      ? 'Make a user an installation operator (creates and archives organisations)'
      : 'Take the installation operator role back from a user',
    usage: `operator ${verb} --email address`,
    options: { email: { type: 'string' } },
    async run(args, io) {
      const email = stringOption(args, 'email');
      if (!email) throw new UsageError('--email is required');
      return withCliDatabase(
        io,
        readConfig(io.env),
        `operator ${verb}`,
        async (database) => {
          try {
            const now = new Date();
            const changed = grant
              ? (await grantOperator(database.db, { email, actor: 'cli' }, now)).granted
              : (await revokeOperator(database.db, { email, actor: 'cli' }, now)).revoked;
            io.out(
              changed
                ? `${email}: operator role ${grant ? 'granted' : 'revoked'}.`
                : `${email} ${grant ? 'was an operator already' : 'was not an operator'}; nothing changed.`,
            );
            return exitCodes.ok;
          } catch (error) {
            if ((error as { code?: string }).code !== 'not_found') throw error;
            io.err(`No user with the address ${email}. Add them to an organisation first (charter user add).`);
            return exitCodes.findings;
          }
        },
        'Stop the server first: the operator role is granted at the machine, not through the API.',
      );
    },
  };
}

export const operatorListCommand: Command = {
  name: 'operator list',
  summary: "List the installation's operators",
  usage: 'operator list',
  async run(_args, io) {
    return withCliDatabase(io, readConfig(io.env), 'operator list', async (database) => {
      const operators = await listOperators(database.db);
      if (operators.length === 0) io.out('No operators yet (the first-run setup makes one).');
      for (const o of operators) io.out(`${o.email}\tsince ${o.grantedAt.toISOString().slice(0, 10)}`);
      return exitCodes.ok;
    });
  },
};

export const organisationCommands: Command[] = [
  orgCreateCommand,
  orgListCommand,
  archiveCommand(true),
  archiveCommand(false),
  operatorCommand(true),
  operatorCommand(false),
  operatorListCommand,
];
