/**
 * The `charter` command: finds the command, parses its options, runs it, maps errors to exit codes.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../platform/config.js';
import { version } from '../platform/project.js';
import { defaultColumns, wrapText } from '../platform/text-layout.js';
import { CharterFileError } from '../server.js';
import { exitCodes, UsageError, type CliIo, type Command } from './command.js';
import { commands } from './commands.js';
import { DataDirectoryHeldError } from '../platform/db/data-dir-lock.js';
import { CliRefusal, heldRefusal, stopServerAdvice } from './database.js';
import { RemoteError } from './remote.js';

function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  const [first, second] = argv;
  const two = commands.find((c) => c.name === `${first} ${second}`);
  if (two) return { command: two, rest: argv.slice(2) };
  const one = commands.find((c) => c.name === first);
  return one ? { command: one, rest: argv.slice(1) } : undefined;
}

/** Every command: its usage, then what it does indented below, both wrapped to the terminal. */
function overview(columns: number): string {
  return [
    `charter ${version} — privacy operations from one declaration`,
    '',
    'Usage: charter <command> [options]',
    '',
    ...commands.flatMap((c) => [
      ...wrapText(`charter ${c.usage}`, columns, '      ', '  '),
      ...wrapText(c.summary, columns, '      ', '      '),
    ]),
    '',
    ...wrapText('Every command takes --help. Exit codes: 0 ok, 1 findings or errors, 2 usage.', columns),
  ].join('\n');
}

/** One command's help: usage, summary, and its longer help reflowed as paragraphs (blank lines separate them). */
function commandHelp(command: Command, columns: number): string {
  const paragraphs = [command.summary, ...(command.help ? command.help.split(/\n\s*\n/) : [])];
  return [
    ...wrapText(`Usage: charter ${command.usage}`, columns, '         '),
    '',
    paragraphs.map((p) => wrapText(p.replace(/\n/g, ' '), columns).join('\n')).join('\n\n'),
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const columns = io.columns ?? defaultColumns;
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(overview(columns));
    return argv.length === 0 ? exitCodes.usage : exitCodes.ok;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.out(version);
    return exitCodes.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`charter: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${overview(columns)}`);
    return exitCodes.usage;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command, columns));
    return exitCodes.ok;
  }
  // `--init` is understood by every command that opens the database: without it, none creates a new one.
  const init = rest.includes('--init') && !(command.options && 'init' in command.options);
  const args = init ? rest.filter((arg) => arg !== '--init') : rest;
  try {
    const parsed = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, init ? { ...io, init } : io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`charter ${command.name}: ${(error as Error).message}\nUsage: charter ${command.usage}`);
      return exitCodes.usage;
    }
    if (error instanceof DataDirectoryHeldError) {
      io.err(
        heldRefusal(
          error,
          command.name === 'serve' ? 'Stop it first, or give this server its own CHARTER_DATA_DIR.' : stopServerAdvice,
        ).message,
      );
      return exitCodes.findings;
    }
    if (
      error instanceof ConfigError ||
      error instanceof CharterFileError ||
      error instanceof CliRefusal ||
      error instanceof RemoteError
    ) {
      io.err(error.message);
      return exitCodes.findings;
    }
    io.err(`charter ${command.name}: ${(error as Error).message}`);
    return exitCodes.findings;
  }
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  // A terminal says how wide it is; a pipe or file gets the 80 columns everything is written for.
  columns: process.stdout.isTTY && process.stdout.columns ? Math.max(40, process.stdout.columns) : defaultColumns,
};
