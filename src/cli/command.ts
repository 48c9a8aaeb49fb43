/**
 * The shape of a CLI command. Commands parse their arguments, call one domain function and present the result;
 * exit codes: 0 ok, 1 findings or errors, 2 usage.
 */
import type { ParseArgsConfig } from 'node:util';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTTY: boolean;
  /** `--init` was given: a command may create a new PGlite database where none exists (cli/database.ts). */
  init?: boolean;
  /** Terminal width for help and tables (process.stdout.columns; 80 when unknown). */
  columns?: number;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  /** One or two words: `validate`, `db migrate`. */
  name: string;
  summary: string;
  /** Usage line after `charter `, e.g. `validate [file]`. */
  usage: string;
  options?: OptionSpec;
  /** Longer help: options and examples. */
  help?: string;
  run(args: CommandArgs, io: CliIo): Promise<number>;
}

export const exitCodes = { ok: 0, findings: 1, usage: 2 } as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function stringOption(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}
