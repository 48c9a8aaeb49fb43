/**
 * CLI commands of the stores domain: `charter stores check` (the declaration against the live schema) and
 * `charter scan` (personal data the charter does not declare). Thin: load the charter, call one function, print.
 */
import { resolve } from 'node:path';
import { formatProblem, loadCharterFile } from '../charter/loader.js';
import type { Charter } from '../charter/schema.js';
import { exitCodes, stringOption, UsageError, type CliIo, type Command, type CommandArgs } from '../cli/command.js';
import { checkStore, type CheckFinding } from './check.js';
import { StoreError } from './connector.js';
import { hashKeyFromEnv, openStore } from './open.js';
import { wordpressPresetYaml } from './presets/wordpress.js';
import { scanStore, type ScanReport } from './scan/scan.js';

async function charterFrom(args: CommandArgs, io: CliIo): Promise<Charter | undefined> {
  const file = resolve(io.cwd, stringOption(args, 'charter') ?? io.env.CHARTER_FILE ?? 'charter.yaml');
  const result = await loadCharterFile(file);
  if (!result.ok) {
    for (const problem of result.problems) io.err(formatProblem(problem));
    return undefined;
  }
  return result.charter;
}

function selectedStores(charter: Charter, args: CommandArgs) {
  const only = stringOption(args, 'store');
  const stores = charter.stores.filter((s) => !only || s.id === only);
  if (only && stores.length === 0) throw new UsageError(`no store "${only}" in the charter (stores: ${charter.stores.map((s) => s.id).join(', ') || 'none'})`);
  return stores;
}

export interface StoreCheckResult {
  store: string;
  findings: CheckFinding[];
  /** Why the store could not be checked (not configured, unreachable, an HTTP store). */
  skipped?: string | undefined;
}

/** Connects to every SQL store of the charter and compares its declaration with the live schema. */
export async function checkCharterStores(charter: Charter, env: NodeJS.ProcessEnv, only?: string): Promise<StoreCheckResult[]> {
  const results: StoreCheckResult[] = [];
  for (const store of charter.stores.filter((s) => !only || s.id === only)) {
    if (store.kind === 'http') {
      results.push({ store: store.id, findings: [], skipped: 'an HTTP store checks its own schema (the adapter answers for it)' });
      continue;
    }
    let connector;
    try {
      connector = openStore(store, charter, { env, hashKey: hashKeyFromEnv(env) ?? Buffer.alloc(32), poolSize: 1 });
      const live = await connector.introspect();
      results.push({ store: store.id, findings: checkStore(store, live, charter.holds) });
    } catch (error) {
      // Connection errors name the store, never the URL (it may carry a password).
      results.push({ store: store.id, findings: [], skipped: error instanceof StoreError ? error.message : `cannot connect: ${(error as Error & { code?: string }).code ?? 'error'}` });
    } finally {
      await connector?.close();
    }
  }
  return results;
}

/** Samples every SQL store of the charter and reports undeclared personal data. */
export async function scanCharterStores(charter: Charter, env: NodeJS.ProcessEnv, options: { only?: string; sampleSize?: number } = {}): Promise<(ScanReport | { store: string; skipped: string })[]> {
  const reports: (ScanReport | { store: string; skipped: string })[] = [];
  for (const store of charter.stores.filter((s) => !options.only || s.id === options.only)) {
    if (store.kind === 'http') {
      reports.push({ store: store.id, skipped: 'an HTTP store cannot be sampled' });
      continue;
    }
    let connector;
    try {
      connector = openStore(store, charter, { env, hashKey: hashKeyFromEnv(env) ?? Buffer.alloc(32), poolSize: 1 });
      reports.push(await scanStore(connector, store, { sampleSize: options.sampleSize }));
    } catch (error) {
      reports.push({ store: store.id, skipped: error instanceof StoreError ? error.message : `cannot connect: ${(error as Error & { code?: string }).code ?? 'error'}` });
    } finally {
      await connector?.close();
    }
  }
  return reports;
}

export const storesCheckCommand: Command = {
  name: 'stores check',
  summary: 'Connect to the declared stores and compare tables, columns, types and strategies with the live schema',
  usage: 'stores check [--charter file] [--store id] [--json]',
  options: { charter: { type: 'string' }, store: { type: 'string' }, json: { type: 'boolean' } },
  help: 'Connection URLs come from the environment variables the charter names (connection: VAR).\nExit code 1 when a store has an error finding or cannot be checked.',
  async run(args, io) {
    const charter = await charterFrom(args, io);
    if (!charter) return exitCodes.findings;
    const stores = selectedStores(charter, args);
    const results = await checkCharterStores(charter, io.env, stringOption(args, 'store'));
    if (args.values.json) io.out(JSON.stringify(results, null, 2));
    else {
      if (stores.length === 0) io.out('The charter declares no stores.');
      for (const result of results) {
        if (result.skipped) {
          io.out(`${result.store}: not checked: ${result.skipped}`);
          continue;
        }
        for (const f of result.findings) io.out(`${result.store}: ${f.severity}: ${f.table}${f.column ? `.${f.column}` : ''}: ${f.message} [${f.code}]`);
        const errors = result.findings.filter((f) => f.severity === 'error').length;
        io.out(`${result.store}: ${errors} error${errors === 1 ? '' : 's'}, ${result.findings.length - errors} warning${result.findings.length - errors === 1 ? '' : 's'}`);
      }
    }
    const failed = results.some((r) => (r.skipped && !r.skipped.startsWith('an HTTP')) || r.findings.some((f) => f.severity === 'error'));
    return failed ? exitCodes.findings : exitCodes.ok;
  },
};

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Sample every table of the connected stores and report personal data the charter does not declare',
  usage: 'scan [--charter file] [--store id] [--sample N] [--json]',
  options: { charter: { type: 'string' }, store: { type: 'string' }, sample: { type: 'string' }, json: { type: 'boolean' } },
  help: 'Detectors: email, phone (E.164 and BE/NL/FR/DE national formats), IBAN (mod 97), Belgian national number and company/VAT numbers\n(checksums), IP addresses, dates of birth, payment cards (Luhn), the same inside free text (notes, comments), and column names in\nEN/NL/FR/DE. Found values are shown masked only. Exit code 1 when undeclared personal data is found.',
  async run(args, io) {
    const sample = stringOption(args, 'sample');
    if (sample !== undefined && !/^\d+$/.test(sample)) throw new UsageError('--sample takes a number of rows');
    const charter = await charterFrom(args, io);
    if (!charter) return exitCodes.findings;
    selectedStores(charter, args);
    const reports = await scanCharterStores(charter, io.env, { only: stringOption(args, 'store'), sampleSize: sample ? Number(sample) : undefined });
    if (args.values.json) io.out(JSON.stringify(reports, null, 2));
    else {
      for (const report of reports) {
        if ('skipped' in report) {
          io.out(`${report.store}: not scanned: ${report.skipped}`);
          continue;
        }
        io.out(`${report.store}: ${report.tables} tables, ${report.columns} columns sampled; ${report.undeclared.length} undeclared, ${report.declared.length} declared columns recognised`);
        for (const f of report.undeclared) {
          const also = f.categories.filter((c) => c !== f.category);
          const examples = f.examples.length ? `; e.g. ${f.examples.join(', ')}` : '';
          io.out(`  ${f.table}.${f.column}: ${f.category}${also.length ? ` (also ${also.join(', ')})` : ''} (confidence ${f.confidence.toFixed(2)}; ${f.evidence.join(', ')}; ${f.matched}/${f.sampled} values${examples})`);
        }
      }
    }
    return reports.some((r) => 'undeclared' in r && r.undeclared.length > 0) ? exitCodes.findings : exitCodes.ok;
  },
};

export const storesPresetCommand: Command = {
  name: 'stores preset',
  summary: 'Print a ready-made stores fragment for a common system (wordpress: WordPress + WooCommerce)',
  usage: 'stores preset wordpress [--prefix wp_] [--connection VAR] [--no-woocommerce]',
  options: { prefix: { type: 'string' }, connection: { type: 'string' }, 'no-woocommerce': { type: 'boolean' } },
  async run(args, io) {
    const system = args.positionals[0];
    if (system !== 'wordpress') throw new UsageError(`unknown preset "${system ?? ''}"; available: wordpress`);
    const connection = stringOption(args, 'connection');
    if (connection !== undefined && !/^[A-Z_][A-Z0-9_]*$/.test(connection)) throw new UsageError('--connection takes the NAME of an environment variable');
    io.out(wordpressPresetYaml({ prefix: stringOption(args, 'prefix'), connection, woocommerce: !args.values['no-woocommerce'] }));
    return exitCodes.ok;
  },
};

export const storeCommands: Command[] = [storesCheckCommand, scanCommand, storesPresetCommand];
