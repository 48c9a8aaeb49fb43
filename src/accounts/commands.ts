/**
 * `charter user add --org X --email Y --role R` gives a person a role and prints a one-time link to choose their
 * password; `charter user password-link --email Y` prints a fresh one (account recovery by the operator).
 */
import { exitCodes, stringOption, UsageError, type CliIo, type Command } from '../cli/command.js';
import { publicUrl, readConfig } from '../platform/config.js';
import { withCliDatabase } from '../cli/database.js';
import type { Role } from './caller.js';
import { findOrganisationBySlug } from './organisations.js';
import { roles } from './scopes.js';
import { issuePasswordLink } from './sign-in.js';
import { addMember, findUserByEmail } from './users.js';

function linkFor(io: CliIo, token: string) {
  return `${publicUrl(readConfig(io.env))}/console/password?token=${encodeURIComponent(token)}`;
}

export const userAddCommand: Command = {
  name: 'user add',
  summary: 'Give a person a role in an organisation; prints a one-time link to choose their password',
  usage: 'user add --org slug --email address --role owner|privacy-officer|viewer',
  options: { org: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' } },
  async run(args, io) {
    const slug = stringOption(args, 'org');
    const email = stringOption(args, 'email');
    const role = stringOption(args, 'role') ?? 'viewer';
    if (!slug || !email) throw new UsageError('--org and --email are required');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new UsageError('--email takes an email address');
    if (!(roles as readonly string[]).includes(role)) throw new UsageError(`--role takes one of ${roles.join(', ')}`);
    // POST /api/v1/users needs a signed-in owner (no token may manage people), so beside a server this is refused.
    const advice = 'Add the person in the console of the running server (Users), or stop the server first.';
    return withCliDatabase(
      io,
      readConfig(io.env),
      'user add',
      async (database) => {
        const organisation = await findOrganisationBySlug(database.db, slug);
        if (!organisation) {
          io.err(`No organisation "${slug}". Apply its charter first (charter serve --charter file).`);
          return exitCodes.findings;
        }
        const now = new Date();
        const added = await addMember(
          database.db,
          { organisationId: organisation.id },
          { email, role: role as Role, actor: 'cli' },
          now,
        );
        io.out(`Added ${email} to ${slug} as ${role}.`);
        if (added.hasPassword) {
          io.out('This person already has a password and can sign in.');
        } else {
          const token = await issuePasswordLink(database.db, added.userId, now);
          io.out(`One-time link to choose a password (valid 24 hours, works once):\n  ${linkFor(io, token)}`);
        }
        return exitCodes.ok;
      },
      advice,
    );
  },
};

export const userPasswordLinkCommand: Command = {
  name: 'user password-link',
  summary: 'Print a one-time link for a user to choose a new password',
  usage: 'user password-link --email address',
  options: { email: { type: 'string' } },
  async run(args, io) {
    const email = stringOption(args, 'email');
    if (!email) throw new UsageError('--email is required');
    const advice =
      "The person can ask for a new link on the console's sign-in page (Forgot your password?), or stop the server first.";
    return withCliDatabase(
      io,
      readConfig(io.env),
      'user password-link',
      async (database) => {
        const user = await findUserByEmail(database.db, email);
        if (!user) {
          io.err(`No user with the address ${email}.`);
          return exitCodes.findings;
        }
        const token = await issuePasswordLink(database.db, user.id, new Date());
        io.out(`One-time link to choose a password (valid 24 hours, works once):\n  ${linkFor(io, token)}`);
        return exitCodes.ok;
      },
      advice,
    );
  },
};

export const accountCommands: Command[] = [userAddCommand, userPasswordLinkCommand];
