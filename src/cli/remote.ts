/**
 * Commands run beside a server that holds the PGlite directory ask that server through its HTTP API instead of
 * opening the directory. The server's address comes from its lock file; the token from `--token` or CHARTER_TOKEN (an
 * API token of the organisation, created in the console). Without a token the command is refused, naming the holder.
 */
import { resolve } from 'node:path';
import type { Config } from '../platform/config.js';
import { currentHolder, describeHolder, type LockHolder } from '../platform/db/data-dir-lock.js';
import { stringOption, type CliIo, type CommandArgs, type OptionSpec } from './command.js';
import { CliRefusal, resolvedConfig } from './database.js';

export interface RemoteServer {
  url: string;
  token: string;
  holder: LockHolder;
}

/** Options every command that can ask a running server takes. */
export const remoteOptions: OptionSpec = { token: { type: 'string' } };

/** Each request to the server gives up after this long: a hung server must not hang the terminal. */
const requestTimeoutMs = 30_000;

/**
 * The running server to ask, when one holds the configured PGlite directory; undefined when the command may open the
 * database itself (PostgreSQL, or no live holder). Refuses (naming the holder) when there is no token.
 */
export function remoteServer(io: CliIo, given: Config, args: CommandArgs, scope: string): RemoteServer | undefined {
  if (given.DATABASE_URL || given.CHARTER_DATA_DIR.startsWith('memory://')) return undefined;
  const config = resolvedConfig(io, given);
  const holder = currentHolder(config.CHARTER_DATA_DIR);
  if (!holder) return undefined;
  const dir = resolve(config.CHARTER_DATA_DIR);
  const token = stringOption(args, 'token') ?? io.env.CHARTER_TOKEN;
  if (!holder.url) {
    throw new CliRefusal(
      `charter: the database ${dir} is in use by ${describeHolder(holder)}, which serves no API to ask.\n` +
        '  Only one process may open a PGlite database at a time (two would corrupt it). Stop that process first.',
    );
  }
  if (!token) {
    throw new CliRefusal(
      `charter: the database ${dir} is in use by ${describeHolder(holder)}.\n` +
        '  Only one process may open a PGlite database at a time (two would corrupt it), so this command asks the\n' +
        `  running server instead: pass an API token with the scope ${scope} (--token, or CHARTER_TOKEN), created in the\n` +
        '  console under Settings → API tokens. Or stop the server first.',
    );
  }
  io.err(`charter: database PGlite ${dir}, held by ${describeHolder(holder)}: asking that server through its API`);
  return { url: holder.url, token, holder };
}

export class RemoteError extends Error {
  override name = 'RemoteError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One API call to the running server, with the token, a timeout, and its error answer turned into a readable message. */
export async function callServer<T>(
  remote: RemoteServer,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const url = new URL(path, remote.url);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${remote.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
  } catch (error) {
    throw new CliRefusal(`charter: could not reach the server at ${remote.url}: ${(error as Error).message}`);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
    const reason =
      response.status === 401
        ? 'the token is unknown, revoked or expired'
        : response.status === 403
          ? `the token may not do this (${error?.message ?? 'forbidden'})`
          : (error?.message ?? response.statusText);
    throw new RemoteError(
      response.status,
      `charter: the server at ${remote.url} refused ${method} ${url.pathname} (${response.status}): ${reason}`,
    );
  }
  return parsed as T;
}
