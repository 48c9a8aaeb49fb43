/**
 * The core commands: init, validate, lint, schema, serve, db migrate.
 */
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { lintCharter } from '../lint.js';
import { formatPath, formatProblem } from '../charter/loader.js';
import { loadCharterFile } from '../charter/template-files.js';
import { charterRevision } from '../charter/revision.js';
import { charterSchema } from '../charter/schema.js';
import { migrations, type Database } from '../database.js';
import { readConfig, requirePublicUrl } from '../platform/config.js';
import { DataDirectoryHeldError } from '../platform/db/data-dir-lock.js';
import { migrate, openDatabase, type OpenDatabase } from '../platform/db/database.js';
import { projectFile } from '../platform/project.js';
import { ambiguityWarnings, reachLines } from '../stores/reach.js';
import { startServer } from '../server.js';
import { exitCodes, stringOption, UsageError, type CliIo, type Command } from './command.js';
import { announceDatabase, heldRefusal, requireExistingDatabase, resolvedConfig } from './database.js';

const defaultFile = 'charter.yaml';

function charterPath(io: CliIo, file: string | undefined) {
  return resolve(io.cwd, file ?? io.env.CHARTER_FILE ?? defaultFile);
}

/** The file to name for a problem: as the person typed it for the charter, relative for a template it extends. */
function shownFile(io: CliIo, problemFile: string, path: string, shown: string): string {
  return problemFile === path ? shown : relative(io.cwd, problemFile) || problemFile;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a charter: syntax, shape, references; every problem with file:line:col',
  usage: 'validate [file...]',
  async run(args, io) {
    const files = args.positionals.length ? args.positionals : [undefined];
    let failed = false;
    for (const file of files) {
      const path = charterPath(io, file);
      const result = await loadCharterFile(path);
      if (!result.ok) {
        failed = true;
        for (const problem of result.problems)
          io.err(formatProblem({ ...problem, file: shownFile(io, problem.file, path, file ?? path) }));
        io.err(`${file ?? path}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
      } else {
        io.out(`${file ?? path}: valid (revision ${charterRevision(result.charter).slice(0, 12)})`);
        for (const line of reachLines(result.charter)) io.out(line);
        for (const line of ambiguityWarnings(result.charter)) io.out(`${file ?? path}: warning: ${line}`);
      }
    }
    return failed ? exitCodes.findings : exitCodes.ok;
  },
};

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Validate, then report lint findings with their severity and article',
  usage: 'lint [file] [--json]',
  options: { json: { type: 'boolean' } },
  async run(args, io) {
    const file = args.positionals[0];
    const path = charterPath(io, file);
    const result = await loadCharterFile(path);
    const shown = file ?? path;
    if (!result.ok) {
      if (args.values.json) io.out(JSON.stringify({ valid: false, problems: result.problems, findings: [] }, null, 2));
      else
        for (const problem of result.problems)
          io.err(formatProblem({ ...problem, file: shownFile(io, problem.file, path, shown) }));
      return exitCodes.findings;
    }
    const findings = lintCharter(result.charter).map((finding) => {
      const { line, col, file: from } = result.locate(finding.path);
      return {
        ...finding,
        path: formatPath(finding.path),
        line,
        column: col,
        file: shownFile(io, from ?? path, path, shown),
      };
    });
    if (args.values.json) {
      io.out(JSON.stringify({ valid: !findings.some((f) => f.severity === 'error'), problems: [], findings }, null, 2));
    } else {
      for (const f of findings)
        io.out(`${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.path}: ${f.message} [${f.rule}; ${f.article}]`);
      const counts = ['error', 'warning', 'info'].map(
        (s) => `${findings.filter((f) => f.severity === s).length} ${s}${s === 'info' ? '' : 's'}`,
      );
      io.out(`${shown}: ${counts.join(', ')}`);
    }
    return findings.some((f) => f.severity === 'error') ? exitCodes.findings : exitCodes.ok;
  },
};

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of charter.yaml (for editor autocompletion)',
  usage: 'schema',
  async run(_args, io) {
    const schema = z.toJSONSchema(charterSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
    io.out(
      JSON.stringify(
        { ...schema, $id: 'https://charter.dev/schema/charter-1.json', title: 'Charter declaration (charter.yaml)' },
        null,
        2,
      ),
    );
    return exitCodes.ok;
  },
};

export const initCommand: Command = {
  name: 'init',
  summary: 'Create a small commented starter charter.yaml in a directory (default: the current one)',
  usage: 'init [dir] [--example lumen-av|kamer-west|flashbooth] [--force]',
  options: { example: { type: 'string' }, force: { type: 'boolean' } },
  help: [
    'Without --example: a small starter (one site, one purpose, one processor) with a comment on each section; it',
    'validates and lints without errors. With --example: one of the complete example charters, to read or start from.',
  ].join('\n'),
  async run(args, io) {
    const dir = resolve(io.cwd, args.positionals[0] ?? '.');
    const example = stringOption(args, 'example');
    const examples = (await readdir(projectFile('examples'), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    if (example !== undefined && !examples.includes(example))
      throw new UsageError(`unknown example "${example}"; choose one of ${examples.join(', ')}`);
    const target = join(dir, defaultFile);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (exists && !args.values.force) {
      io.err(`${target} already exists; use --force to overwrite it`);
      return exitCodes.findings;
    }
    await mkdir(dir, { recursive: true });
    await copyFile(
      example ? projectFile('examples', example, defaultFile) : projectFile('examples', 'starter.yaml'),
      target,
    );
    io.out(
      example
        ? `Created ${target} from the "${example}" example.`
        : `Created ${target}: a small starter charter; each section says what to fill in.`,
    );
    io.out(`Next: edit it, then run  charter validate ${target}  and  charter serve --charter ${target}`);
    return exitCodes.ok;
  },
};

/**
 * V8 "pretenures" an allocation site (allocates its objects straight in the old generation) once most of the objects
 * it made were alive at a scavenge. Under load a server's request objects (the parsed body, the IncomingMessage, the
 * queued ledger record) are alive at every scavenge while they wait for their group commit, so V8 tenures them and the
 * old generation fills with garbage that only a full collection frees: measured under bench:consent, the old generation
 * grew by 4 MB/s and the peak RSS by 30–60 MB over a run. Without pretenuring it grows by 0.5 MB/s at the same
 * throughput. Set at the start of `serve`, before any request code has run.
 */
function tuneHeapForServing() {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}

/**
 * A first start on PGlite runs initdb in a WebAssembly instance of its own (some 450 MB) that nothing references once
 * the database exists, but that V8 frees only at its next full collection, which an idle server can take long to reach.
 * One full collection once the server is ready gives it back.
 */
function collectStartupGarbage() {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * The charter `serve` applies: the one named (--charter, then CHARTER_FILE), else ./charter.yaml of the folder it runs
 * in when there is one, as `validate` and `lint` find it (said, so nobody wonders which file is live).
 */
export async function serveCharterFile(
  io: CliIo,
  named: string | undefined,
  fromEnv: string | undefined,
): Promise<string | undefined> {
  if (named) return named;
  if (fromEnv) return undefined;
  const isFile = await stat(resolve(io.cwd, defaultFile)).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) return undefined;
  io.out(`Using ./${defaultFile} (no --charter given).`);
  return defaultFile;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the server (PGlite in CHARTER_DATA_DIR unless DATABASE_URL is set)',
  usage: 'serve [--charter file] [--port N] [--host H]',
  help: [
    'Without --charter (or CHARTER_FILE), ./charter.yaml is applied when the folder has one. The file is applied only',
    'when it changed since it was last applied from a file: a newer revision applied through the API or the console',
    'stays active. A file with validation or lint errors is refused (exit 1), every problem listed.',
  ].join('\n'),
  options: { charter: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  async run(args, io) {
    const port = stringOption(args, 'port');
    if (port !== undefined && !/^\d+$/.test(port)) throw new UsageError('--port takes a number');
    const config = readConfig({
      ...io.env,
      ...(port ? { PORT: port } : {}),
      ...(stringOption(args, 'host') ? { HOST: stringOption(args, 'host') } : {}),
    });
    // Before anything else: links must not be guessed for a server others reach (exit 1 with the reason).
    requirePublicUrl(config);
    const charterFile = await serveCharterFile(io, stringOption(args, 'charter'), config.CHARTER_FILE);
    announceDatabase(io, config);
    tuneHeapForServing();
    const server = await startServer({
      config,
      charterFile: charterFile ? resolve(io.cwd, charterFile) : undefined,
      print: (text) => io.out(text),
    });
    collectStartupGarbage();
    await new Promise<void>((resolveStop) => {
      const stop = () => {
        server.close().then(resolveStop, resolveStop);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return exitCodes.ok;
  },
};

export const migrateCommand: Command = {
  name: 'db migrate',
  summary: 'Apply pending database migrations (also done at every start)',
  usage: 'db migrate',
  async run(_args, io) {
    const config = resolvedConfig(io, readConfig(io.env));
    announceDatabase(io, config);
    requireExistingDatabase(io, config);
    let database: OpenDatabase<Database>;
    try {
      database = await openDatabase<Database>({
        url: config.DATABASE_URL,
        dataDir: config.CHARTER_DATA_DIR,
        command: 'charter db migrate',
      });
    } catch (error) {
      // A running server migrated the database when it started.
      if (error instanceof DataDirectoryHeldError)
        throw heldRefusal(error, 'A server migrates its database when it starts: nothing to do while it runs.');
      throw error;
    }
    try {
      const result = await migrate(database.db, migrations);
      const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      io.out(
        applied.length
          ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}`
          : 'The database is up to date.',
      );
      return exitCodes.ok;
    } finally {
      await database.close();
    }
  },
};

export const coreCommands: Command[] = [
  initCommand,
  validateCommand,
  lintCommand,
  schemaCommand,
  serveCommand,
  migrateCommand,
];
