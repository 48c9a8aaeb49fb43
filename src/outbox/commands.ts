/**
 * `charter outbox [--org slug] [--id mail] [--limit N] [--json]` — the Outbox on a terminal: the list of mails, or one
 * mail's text (audited as read by `cli`). A thin edge over `outboxForCli`, which takes an open database, so that the
 * same request can be answered by a running server instead of a second process opening its database.
 */
import { findOrganisationBySlug, listOrganisations } from '../accounts/organisations.js';
import { exitCodes, stringOption, UsageError, type Command } from '../cli/command.js';
import type { Kysely } from 'kysely';
import type { AccountsDb } from '../accounts/tables.js';
import { viewOf } from '../platform/db/view.js';
import type { OutboxDb } from './tables.js';
import { withCliDatabase } from '../cli/database.js';
import { callServer, remoteOptions, remoteServer, type RemoteServer } from '../cli/remote.js';
import { readConfig } from '../platform/config.js';
import { listOutbox, readOutboxMail, type OutboxMail, type OutboxMailSummary } from './outbox.js';

export interface OutboxCliRequest {
  /** Organisation slug; may be left out when the installation has one organisation. */
  org?: string | undefined;
  id?: string | undefined;
  limit?: number | undefined;
}

export type OutboxCliResult =
  | { kind: 'list'; organisation: string; delivery: 'smtp' | 'outbox'; mails: OutboxMailSummary[]; more: boolean }
  | { kind: 'mail'; organisation: string; delivery: 'smtp' | 'outbox'; mail: OutboxMail };

/** The outbox's tables and the organisations' (the CLI finds the organisation by its slug). */
type OutboxCliDb = OutboxDb & AccountsDb;
const outboxCliView = viewOf<OutboxCliDb>();

/** What `charter outbox` answers, from an open database. The terminal's user acts as `cli` in the audit trail. */
export async function outboxForCli<DB extends OutboxCliDb>(
  anyDb: Kysely<DB>,
  request: OutboxCliRequest,
  options: { smtp: boolean; now: Date },
): Promise<OutboxCliResult> {
  const db = outboxCliView(anyDb);
  const organisation = request.org ? await findOrganisationBySlug(db, request.org) : await onlyOrganisation(db);
  if (!organisation) throw new UsageError(`no organisation "${request.org ?? ''}"`);
  const scope = { organisationId: organisation.id };
  const reader = { actor: 'cli', restricted: false };
  const delivery = options.smtp ? ('smtp' as const) : ('outbox' as const);
  if (request.id) {
    return {
      kind: 'mail',
      organisation: organisation.slug,
      delivery,
      mail: await readOutboxMail(db, scope, reader, request.id, options.now),
    };
  }
  const page = await listOutbox(db, scope, reader, { limit: request.limit });
  return { kind: 'list', organisation: organisation.slug, delivery, mails: page.mails, more: page.nextBefore !== null };
}

async function onlyOrganisation(db: Kysely<OutboxCliDb>) {
  const organisations = await listOrganisations(db);
  if (organisations.length === 1) return organisations[0];
  if (organisations.length === 0) throw new UsageError('this database has no organisation yet');
  throw new UsageError(`choose one with --org: ${organisations.map((o) => o.slug).join(', ')}`);
}

const keptLine = 'SMTP is not configured: mail is kept in the Outbox, not sent.';

/** The result as terminal lines (the list in columns, or one mail's headers and text). */
export function formatOutbox(result: OutboxCliResult): string[] {
  const lines: string[] = result.delivery === 'outbox' ? [keptLine] : [];
  if (result.kind === 'mail') {
    const m = result.mail;
    lines.push(
      `Mail ${m.id}`,
      `  to       ${m.recipient}`,
      `  subject  ${m.subject}`,
      `  kind     ${m.template}`,
      `  state    ${stateWords(m)}`,
      `  time     ${m.createdAt}`,
      '',
    );
    lines.push(m.text ?? '(text not shown)');
    return lines;
  }
  for (const m of result.mails)
    lines.push(
      `${m.createdAt.slice(0, 16).replace('T', ' ')}  ${m.id}  ${stateWords(m).padEnd(9)}  ${m.recipient}  ${m.subject}`,
    );
  lines.push(
    `${result.mails.length} mail${result.mails.length === 1 ? '' : 's'} of ${result.organisation}${result.more ? ' (newest shown; more with --limit)' : ''}. Read one with: charter outbox --id <id>`,
  );
  return lines;
}

function stateWords(mail: OutboxMailSummary): string {
  if (mail.status === 'suppressed') return 'held back';
  return mail.transport === 'smtp' ? 'sent' : 'kept';
}

export const outboxCommand: Command = {
  name: 'outbox',
  summary: 'Mail sent, or kept without SMTP (codes are read here); --id shows one',
  usage: 'outbox [--org slug] [--id mail] [--limit N] [--json]',
  options: {
    org: { type: 'string' },
    id: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
    ...remoteOptions,
  },
  help: 'Reading a mail (--id) is recorded in the audit trail as mail.read by cli.',
  async run(args, io) {
    const limitText = stringOption(args, 'limit');
    if (limitText !== undefined && !/^\d{1,3}$/.test(limitText))
      throw new UsageError('--limit takes a number from 1 to 200');
    const limit = limitText === undefined ? undefined : Number(limitText);
    if (limit !== undefined && (limit < 1 || limit > 200)) throw new UsageError('--limit takes a number from 1 to 200');
    const config = readConfig(io.env);
    const request = { org: stringOption(args, 'org'), id: stringOption(args, 'id'), limit };
    // Beside a server that holds the PGlite directory, the server answers (a second process must not open it).
    const remote = remoteServer(io, config, args, 'mail:read');
    const result = remote
      ? await outboxFromServer(remote, request)
      : await withCliDatabase(io, config, 'outbox', (database) =>
          outboxForCli(database.db, request, { smtp: Boolean(config.SMTP_URL), now: new Date() }),
        );
    io.out(args.values.json ? JSON.stringify(result, null, 2) : formatOutbox(result).join('\n'));
    return exitCodes.ok;
  },
};

/** The same answer from a running server's API (the token's organisation; reading a mail is audited there). */
async function outboxFromServer(remote: RemoteServer, request: OutboxCliRequest): Promise<OutboxCliResult> {
  const me = await callServer<{ organisation: { slug: string } }>(remote, 'GET', '/api/v1/auth/me');
  const organisation = me.organisation.slug;
  if (request.org && request.org !== organisation)
    throw new UsageError(`the token is of the organisation "${organisation}", not "${request.org}"`);
  const { delivery } = await callServer<{ delivery: 'smtp' | 'outbox' }>(remote, 'GET', '/api/v1/mail/delivery');
  if (request.id)
    return {
      kind: 'mail',
      organisation,
      delivery,
      mail: await callServer<OutboxMail>(remote, 'GET', `/api/v1/outbox/${encodeURIComponent(request.id)}`),
    };
  const query = request.limit === undefined ? '' : `?limit=${request.limit}`;
  const page = await callServer<{ mails: OutboxMailSummary[]; nextBefore: string | null }>(
    remote,
    'GET',
    `/api/v1/outbox${query}`,
  );
  return { kind: 'list', organisation, delivery, mails: page.mails, more: page.nextBefore !== null };
}
