/**
 * `charter records export`: the Art. 30 records of a charter file as XLSX, CSV or PDF, without a server or database
 * (the record is derived purely from the charter).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatProblem } from '../charter/loader.js';
import { loadCharterFile } from '../charter/template-files.js';
import { charterRevision } from '../charter/revision.js';
import { exitCodes, stringOption, UsageError, type Command } from '../cli/command.js';
import { exportFormats, exportRecords, NoProcessorRecordError, type ExportFormat } from './export.js';
import { recordLanguages, type RecordLanguage } from './i18n.js';
import { recordLanguage } from './record-language.js';

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

export const recordsExportCommand: Command = {
  name: 'records export',
  summary: 'Export the records of processing (Art. 30) of a charter as XLSX, CSV or PDF',
  usage:
    'records export --format xlsx|csv|pdf [--charter file] [--out file] [--language en|nl|fr|de] [--record controller|processor]',
  options: {
    charter: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    language: { type: 'string' },
    record: { type: 'string' },
  },
  help: [
    'Options:',
    '  --charter file    the charter (default: $CHARTER_FILE, else charter.yaml)',
    '  --format          xlsx (a sheet per record type), csv (one record type) or pdf',
    '  --out file        where to write (default: records-of-processing-<organisation>-<language>-<date>.<format>)',
    '  --language        language of the record (default: the charter default language)',
    '  --record          for csv: controller (default) or processor',
    '',
    'Example:',
    '  charter records export --charter examples/lumen-av/charter.yaml --format xlsx --out record.xlsx',
  ].join('\n'),
  async run(args, io) {
    const format = oneOf<ExportFormat>(stringOption(args, 'format'), exportFormats, 'format');
    if (!format) throw new UsageError('--format is required (xlsx, csv or pdf)');
    const language = oneOf<RecordLanguage>(stringOption(args, 'language'), recordLanguages, 'language');
    const record = oneOf(stringOption(args, 'record'), ['controller', 'processor'] as const, 'record');
    const file = stringOption(args, 'charter') ?? io.env.CHARTER_FILE ?? 'charter.yaml';
    const result = await loadCharterFile(resolve(io.cwd, file));
    if (!result.ok) {
      for (const problem of result.problems) io.err(formatProblem({ ...problem, file }));
      return exitCodes.findings;
    }
    try {
      const exported = await exportRecords(result.charter, {
        format,
        language: recordLanguage(result.charter, language),
        now: new Date(),
        revision: charterRevision(result.charter),
        ...(record ? { record } : {}),
      });
      const out = resolve(io.cwd, stringOption(args, 'out') ?? exported.filename);
      await writeFile(out, exported.body);
      io.out(
        `${stringOption(args, 'out') ?? exported.filename}: ${format.toUpperCase()}, ${exported.body.length} bytes`,
      );
      return exitCodes.ok;
    } catch (error) {
      if (error instanceof NoProcessorRecordError) {
        io.err(error.message);
        return exitCodes.findings;
      }
      throw error;
    }
  },
};

export const recordsCommands: Command[] = [recordsExportCommand];
