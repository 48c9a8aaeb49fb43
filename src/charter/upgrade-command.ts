/**
 * `charter upgrade [file] [--write]`: prints what would change to bring a charter to today's format; `--write`
 * rewrites the file in place (comments kept). Exit codes: 0 already current, or rewritten with --write; 1 changes
 * are pending (printed, not written) or the upgraded charter still has problems; 2 usage or an unreadable file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exitCodes, UsageError, type Command } from '../cli/command.js';
import { formatProblem, loadCharter } from './loader.js';
import { currentFormatVersion, upgradeCharterText, upgradeDiff } from './upgrade.js';

export const upgradeCommand: Command = {
  name: 'upgrade',
  summary: "Rewrite a charter written for an older format into today's (prints the diff; --write saves it)",
  usage: 'upgrade [file] [--write]',
  options: { write: { type: 'boolean' } },
  help: 'Exit 0 when the charter is already current or was rewritten with --write; 1 when changes are pending (run again with --write) or the result does not validate; 2 for a file that cannot be read.',
  async run(args, io) {
    const file = args.positionals[0] ?? io.env.CHARTER_FILE ?? 'charter.yaml';
    const path = resolve(io.cwd, file);
    let source: string;
    try {
      source = await readFile(path, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const result = upgradeCharterText(source);
    if (result.changes.length === 0) {
      io.out(`${file} is already current (format version ${currentFormatVersion}); nothing to change.`);
      return exitCodes.ok;
    }
    io.out(upgradeDiff(source, result.text, file));
    for (const change of result.changes) io.out(`changed: ${change}`);
    for (const note of result.notes) io.out(`to decide: ${note}`);
    const loaded = loadCharter(result.text, file);
    if (!loaded.ok) {
      for (const problem of loaded.problems) io.err(formatProblem(problem));
      io.err(`${file}: the upgraded charter still has ${loaded.problems.length} problem(s); nothing was written.`);
      return exitCodes.findings;
    }
    if (!args.values.write) {
      io.out(
        `${result.changes.length} change(s) pending; nothing was written. Run again with --write to rewrite ${file}.`,
      );
      return exitCodes.findings;
    }
    await writeFile(path, result.text, 'utf8');
    io.out(`Rewrote ${file}: ${result.changes.length} change(s).`);
    return exitCodes.ok;
  },
};
