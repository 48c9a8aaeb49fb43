/**
 * `charter apply charter.yaml --server URL --token T`: uploads a new revision to a running Charter through the API
 * (scope charter:apply). The server refuses a charter with errors and answers every problem; they are printed as
 * file:line:col like `charter validate` does.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { formatProblem } from './loader.js';
import { resolvedCharterSource } from './template-files.js';
import { exitCodes, stringOption, UsageError, type Command } from '../cli/command.js';

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    details?: { path?: string; message: string; line?: number; column?: number }[];
  };
}

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Upload a charter to a running server as its new revision (needs a token with charter:apply)',
  usage: 'apply [file] --server URL [--token T]',
  options: { server: { type: 'string' }, token: { type: 'string' } },
  help: 'The token may also come from CHARTER_TOKEN, the server from CHARTER_SERVER. Exit 1 when the server refuses the charter.',
  async run(args, io) {
    const file = args.positionals[0] ?? io.env.CHARTER_FILE ?? 'charter.yaml';
    const server = stringOption(args, 'server') ?? io.env.CHARTER_SERVER;
    const token = stringOption(args, 'token') ?? io.env.CHARTER_TOKEN;
    if (!server) throw new UsageError('--server is required (or CHARTER_SERVER)');
    if (!token) throw new UsageError('--token is required (or CHARTER_TOKEN)');
    let url: URL;
    try {
      url = new URL('/api/v1/charter/revisions', server);
    } catch {
      throw new UsageError(`--server takes a URL, not "${server}"`);
    }
    const text = await readFile(resolve(io.cwd, file), 'utf8');
    // A charter that extends a template is sent resolved: the server has the one charter, not the files.
    const resolved = resolvedCharterSource(text, resolve(io.cwd, file), io.cwd);
    if (!resolved.ok) {
      for (const problem of resolved.problems)
        io.err(
          formatProblem({
            ...problem,
            file: problem.file === resolve(io.cwd, file) ? file : relative(io.cwd, problem.file),
          }),
        );
      io.err(
        `${file}: refused before sending, ${resolved.problems.length} problem${resolved.problems.length === 1 ? '' : 's'}; nothing was applied`,
      );
      return exitCodes.findings;
    }
    const source = resolved.source;
    let response: Response;
    try {
      // A server that does not answer must not hang the terminal: the whole call is bounded.
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/yaml' },
        body: source,
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      io.err(`Could not reach ${url.origin}: ${(error as Error).message}`);
      return exitCodes.findings;
    }
    const body = (await response.json().catch(() => ({}))) as ErrorBody & {
      seq?: number;
      revision?: string;
      changed?: boolean;
    };
    if (response.ok) {
      io.out(
        body.changed
          ? `Applied ${file} as revision ${body.seq} (${body.revision?.slice(0, 12)}).`
          : `${file} is already the active revision ${body.seq}; nothing changed.`,
      );
      return exitCodes.ok;
    }
    io.err(`${file}: refused (${response.status}): ${body.error?.message ?? response.statusText}`);
    for (const d of body.error?.details ?? [])
      io.err(`${file}:${d.line ?? 0}:${d.column ?? 0}: ${d.path ?? ''}: ${d.message}`);
    return exitCodes.findings;
  },
};
