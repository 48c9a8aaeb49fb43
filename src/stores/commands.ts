/**
 * CLI commands of the stores domain: `charter stores check` (the declaration against the live schema) and
 * `charter scan` (personal data the charter does not declare). Thin: load the charter, call one function, print.
 */
import { resolve } from 'node:path';
import { formatProblem } from '../charter/loader.js';
import { loadCharterFile } from '../charter/template-files.js';
import type { Charter, Store } from '../charter/schema.js';
import { exitCodes, stringOption, UsageError, type CliIo, type Command, type CommandArgs } from '../cli/command.js';
import { checkStore, type CheckFinding } from './check.js';
import { StoreError, type Identity, type IdentityType, type StoreConnector } from './connector.js';
import { hashKeyFromEnv, openStore } from './open.js';
import { storeModel } from './plan.js';
import { describeReach, reachLines } from './reach.js';
import { wordpressPresetYaml } from './presets/wordpress.js';
import { scanStore, type ScanReport } from './scan/scan.js';
import { engineHolds } from '../charter/localized.js';

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
  if (only && stores.length === 0)
    throw new UsageError(
      `no store "${only}" in the charter (stores: ${charter.stores.map((s) => s.id).join(', ') || 'none'})`,
    );
  return stores;
}

export interface StoreCheckResult {
  store: string;
  findings: CheckFinding[];
  /** Why the store could not be checked (not configured, unreachable, an HTTP store). */
  skipped?: string | undefined;
}

type Skipped = { store: string; skipped: string };

/**
 * Opens each SQL store of the charter (or only one) in turn and runs `work` on it; an HTTP store, or one that cannot
 * be reached, is reported as skipped with the reason — naming the store, never its URL (it may carry a password).
 */
async function eachSqlStore<T>(
  charter: Charter,
  env: NodeJS.ProcessEnv,
  only: string | undefined,
  http: string,
  poolSize: number,
  work: (store: Store, connector: StoreConnector) => Promise<T>,
): Promise<(T | Skipped)[]> {
  const results: (T | Skipped)[] = [];
  for (const store of charter.stores.filter((s) => !only || s.id === only)) {
    if (store.kind === 'http') {
      results.push({ store: store.id, skipped: http });
      continue;
    }
    let connector: StoreConnector | undefined;
    try {
      connector = openStore(store, charter, { env, hashKey: hashKeyFromEnv(env) ?? Buffer.alloc(32), poolSize });
      results.push(await work(store, connector));
    } catch (error) {
      results.push({
        store: store.id,
        skipped:
          error instanceof StoreError
            ? error.message
            : `cannot connect: ${(error as Error & { code?: string }).code ?? 'error'}`,
      });
    } finally {
      await connector?.close();
    }
  }
  return results;
}

const isSkipped = <T extends object>(result: T | Skipped): result is Skipped => 'skipped' in result;

/** Connects to every SQL store of the charter and compares its declaration with the live schema. */
export async function checkCharterStores(
  charter: Charter,
  env: NodeJS.ProcessEnv,
  only?: string,
): Promise<StoreCheckResult[]> {
  const results = await eachSqlStore(
    charter,
    env,
    only,
    'an HTTP store checks its own schema (the adapter answers for it)',
    1,
    async (store, connector) => ({
      store: store.id,
      findings: checkStore(store, await connector.introspect(), engineHolds(charter)),
    }),
  );
  return results.map((r) => (isSkipped(r) ? { ...r, findings: [] } : r));
}

/** Samples every SQL store of the charter and reports undeclared personal data. */
export function scanCharterStores(
  charter: Charter,
  env: NodeJS.ProcessEnv,
  options: { only?: string; sampleSize?: number } = {},
): Promise<(ScanReport | Skipped)[]> {
  return eachSqlStore(charter, env, options.only, 'an HTTP store cannot be sampled', 1, (store, connector) =>
    scanStore(connector, store, { sampleSize: options.sampleSize }),
  );
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
        for (const f of result.findings)
          io.out(
            `${result.store}: ${f.severity}: ${f.table}${f.column ? `.${f.column}` : ''}: ${f.message} [${f.code}]`,
          );
        const store = charter.stores.find((s) => s.id === result.store);
        if (store) for (const line of reachLines({ ...charter, stores: [store] })) io.out(line);
        const errors = result.findings.filter((f) => f.severity === 'error').length;
        io.out(
          `${result.store}: ${errors} error${errors === 1 ? '' : 's'}, ${result.findings.length - errors} warning${result.findings.length - errors === 1 ? '' : 's'}`,
        );
      }
    }
    const failed = results.some(
      (r) => (r.skipped && !r.skipped.startsWith('an HTTP')) || r.findings.some((f) => f.severity === 'error'),
    );
    return failed ? exitCodes.findings : exitCodes.ok;
  },
};

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Sample every table of the connected stores and report personal data the charter does not declare',
  usage: 'scan [--charter file] [--store id] [--sample N] [--json]',
  options: {
    charter: { type: 'string' },
    store: { type: 'string' },
    sample: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: 'Detectors: email, phone (E.164 and BE/NL/FR/DE national formats), IBAN (mod 97), Belgian national number and company/VAT numbers\n(checksums), IP addresses, dates of birth, payment cards (Luhn), the same inside free text (notes, comments), and column names in\nEN/NL/FR/DE. Found values are shown masked only. Exit code 1 when undeclared personal data is found.',
  async run(args, io) {
    const sample = stringOption(args, 'sample');
    if (sample !== undefined && !/^\d+$/.test(sample)) throw new UsageError('--sample takes a number of rows');
    const charter = await charterFrom(args, io);
    if (!charter) return exitCodes.findings;
    selectedStores(charter, args);
    const reports = await scanCharterStores(charter, io.env, {
      only: stringOption(args, 'store'),
      sampleSize: sample ? Number(sample) : undefined,
    });
    if (args.values.json) io.out(JSON.stringify(reports, null, 2));
    else {
      for (const report of reports) {
        if ('skipped' in report) {
          io.out(`${report.store}: not scanned: ${report.skipped}`);
          continue;
        }
        io.out(
          `${report.store}: ${report.tables} tables, ${report.columns} columns sampled; ${report.undeclared.length} undeclared, ${report.declared.length} declared columns recognised`,
        );
        for (const f of report.undeclared) {
          const also = f.categories.filter((c) => c !== f.category);
          const examples = f.examples.length ? `; e.g. ${f.examples.join(', ')}` : '';
          io.out(
            `  ${f.table}.${f.column}: ${f.category}${also.length ? ` (also ${also.join(', ')})` : ''} (confidence ${f.confidence.toFixed(2)}; ${f.evidence.join(', ')}; ${f.matched}/${f.sampled} values${examples})`,
          );
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
    if (connection !== undefined && !/^[A-Z_][A-Z0-9_]*$/.test(connection))
      throw new UsageError('--connection takes the NAME of an environment variable');
    io.out(
      wordpressPresetYaml({
        prefix: stringOption(args, 'prefix'),
        connection,
        woocommerce: !args.values['no-woocommerce'],
      }),
    );
    return exitCodes.ok;
  },
};

const identityTypes: readonly IdentityType[] = ['email', 'phone', 'customer-number', 'account-id'];

/** `--identity email=a@b.be` → an identity; a clear usage error otherwise. */
export function parseIdentityOption(text: string): Identity {
  const at = text.indexOf('=');
  const type = text.slice(0, at) as IdentityType;
  const value = text.slice(at + 1).trim();
  if (at < 1 || !identityTypes.includes(type) || value.length === 0) {
    throw new UsageError(
      `--identity takes TYPE=VALUE with TYPE one of ${identityTypes.join(', ')} (got "${text.slice(0, Math.max(0, at)) || text}")`,
    );
  }
  return { type, value };
}

export interface ExplainedTable {
  table: string;
  /** How a request reaches the table (identity, owner, profile), or why it does not. */
  reach: string;
  rows: number;
  /** Rows shared with someone else: exported without their columns, erased only in the person's columns. */
  shared: number;
  restricted: number;
  /** A table processed for a customer (Art. 28): its rows are counted for the customer, never exported or written. */
  customer?: string | undefined;
}

export interface StoreExplanation {
  store: string;
  tables: ExplainedTable[];
  /** For `--type erasure`: the plan of a dry run (nothing is written). */
  erasure?:
    | {
        erased: { table: string; deleted: number; updated: number }[];
        kept: { table: string; rows: number; hold: string; keptColumns: string[] }[];
      }
    | undefined;
  skipped?: string | undefined;
}

/** For one person: every table of every SQL store, the rows found and the path, and for an erasure its dry-run plan. */
export async function explainCharterStores(
  charter: Charter,
  env: NodeJS.ProcessEnv,
  identities: Identity[],
  options: { only?: string; type?: 'access' | 'erasure' } = {},
): Promise<StoreExplanation[]> {
  const results = await eachSqlStore(
    charter,
    env,
    options.only,
    'an HTTP store answers for its own tables',
    2,
    async (store, connector): Promise<StoreExplanation> => {
      const counts = new Map<string, { rows: number; shared: number; restricted: number }>();
      const summary = await connector.access({ identities }, (records) => {
        for (const record of records) {
          const count = counts.get(record.table) ?? { rows: 0, shared: 0, restricted: 0 };
          count.rows++;
          if (record.shared) count.shared++;
          if (record.restricted) count.restricted++;
          counts.set(record.table, count);
        }
      });
      const reach = describeReach(storeModel(store, engineHolds(charter)), [...new Set(identities.map((i) => i.type))]);
      for (const held of summary.processorRows ?? [])
        counts.set(held.table, { rows: held.rows, shared: 0, restricted: 0 });
      const customers = new Map((summary.processorRows ?? []).map((held) => [held.table, held.customer]));
      const tables = reach.map((r) => ({
        table: r.table,
        reach: r.text,
        ...(counts.get(r.table) ?? { rows: 0, shared: 0, restricted: 0 }),
        ...(customers.has(r.table) ? { customer: customers.get(r.table) } : {}),
      }));
      if (options.type !== 'erasure') return { store: store.id, tables };
      const plan = await connector.erase({ jobId: `explain-${Date.now()}`, identities, dryRun: true });
      return {
        store: store.id,
        tables,
        erasure: {
          erased: plan.erased,
          kept: plan.kept.map((k) => ({ table: k.table, rows: k.rows, hold: k.hold, keptColumns: k.keptColumns })),
        },
      };
    },
  );
  return results.map((r) => (isSkipped(r) ? { ...r, tables: [] } : r));
}

export const storesExplainCommand: Command = {
  name: 'stores explain',
  summary: 'Show, for one person, each table a request reaches, the rows found and the path — before anything runs',
  usage:
    'stores explain --identity TYPE=VALUE [--identity …] [--type access|erasure] [--charter file] [--store id] [--json]',
  options: {
    charter: { type: 'string' },
    store: { type: 'string' },
    identity: { type: 'string', multiple: true },
    type: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: 'Reads only: access runs as a count, an erasure as a dry run (nothing is written).\nTYPE: email, phone, customer-number, account-id. Exit code 1 when a store cannot be read.',
  async run(args, io) {
    const given = args.values.identity;
    const texts = (Array.isArray(given) ? given : given === undefined ? [] : [given]).filter(
      (v): v is string => typeof v === 'string',
    );
    if (texts.length === 0)
      throw new UsageError('give the person with --identity TYPE=VALUE (e.g. --identity email=alice@example.be)');
    const identities = texts.map(parseIdentityOption);
    const type = stringOption(args, 'type') ?? 'access';
    if (type !== 'access' && type !== 'erasure') throw new UsageError('--type takes access or erasure');
    const charter = await charterFrom(args, io);
    if (!charter) return exitCodes.findings;
    selectedStores(charter, args);
    const results = await explainCharterStores(charter, io.env, identities, {
      only: stringOption(args, 'store'),
      type,
    });
    if (args.values.json) io.out(JSON.stringify(results, null, 2));
    else {
      for (const result of results) {
        if (result.skipped) {
          io.out(`${result.store}: not read: ${result.skipped}`);
          continue;
        }
        io.out(`${result.store}:`);
        for (const t of result.tables) {
          const found =
            t.rows === 0
              ? 'no rows'
              : `${t.rows} row${t.rows === 1 ? '' : 's'}${t.shared ? `, ${t.shared} shared with someone else (their columns withheld)` : ''}${t.restricted ? `, ${t.restricted} restricted` : ''}`;
          io.out(`  ${t.reach}`);
          const routed = t.customer
            ? `, held for customer ${t.customer}: counted and routed to them, never exported or written`
            : '';
          if (!t.reach.includes(': not reached')) io.out(`    found: ${found}${routed}`);
        }
        if (result.erasure) {
          io.out(`  erasure (dry run, nothing written):`);
          for (const e of result.erasure.erased)
            io.out(`    ${e.table}: ${e.deleted} deleted, ${e.updated} erased in place`);
          for (const k of result.erasure.kept)
            io.out(
              `    ${k.table}: ${k.rows} kept (${k.hold})${k.keptColumns.length ? `, keeping ${k.keptColumns.join(', ')}` : ''}`,
            );
          if (result.erasure.erased.length === 0 && result.erasure.kept.length === 0) io.out('    nothing to erase');
        }
      }
    }
    return results.some((r) => r.skipped && !r.skipped.startsWith('an HTTP')) ? exitCodes.findings : exitCodes.ok;
  },
};

export const storeCommands: Command[] = [storesCheckCommand, storesExplainCommand, scanCommand, storesPresetCommand];
