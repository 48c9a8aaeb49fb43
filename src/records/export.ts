/**
 * Exports the Art. 30 records of a charter as XLSX (one sheet per record type, after the organisation sheet), CSV
 * (one record type per file) or PDF (every record, each on its own pages). One function for the API and the CLI.
 */
import type { Charter } from '../charter/schema.js';
import { writeCsv } from '../platform/csv.js';
import { recordTexts, type RecordLanguage } from './i18n.js';
import { deriveRecords, recordSheets, type RecordSheet } from './record.js';
import { writeXlsx } from './xlsx.js';
import { legalNameIn } from '../charter/localized.js';

export const exportFormats = ['xlsx', 'csv', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOptions {
  format: ExportFormat;
  language: RecordLanguage;
  now: Date;
  revision?: string;
  /** For CSV, which record the file holds (default: controller). */
  record?: 'controller' | 'processor';
}

export interface RecordExport {
  body: Uint8Array;
  contentType: string;
  filename: string;
}

export const contentTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8; header=present',
  pdf: 'application/pdf',
};

/** Thrown for a CSV of the processor record when the organisation acts only as controller. */
export class NoProcessorRecordError extends Error {
  override name = 'NoProcessorRecordError';
}

export async function exportRecords(charter: Charter, options: ExportOptions): Promise<RecordExport> {
  const records = deriveRecords(charter, {
    language: options.language,
    now: options.now,
    ...(options.revision ? { revision: options.revision } : {}),
  });
  const sheets = recordSheets(records);
  const tables = [sheets.organisation, sheets.controller, sheets.processor].filter(
    (s): s is RecordSheet => s !== undefined,
  );
  const date = options.now.toISOString().slice(0, 10);
  const base = `records-of-processing-${charter.organisation.id}-${options.language}-${date}`;
  const t = recordTexts[options.language];
  switch (options.format) {
    case 'xlsx':
      return {
        body: writeXlsx(tables, {
          title: `${legalNameIn(charter, options.language)} — ${t.controllerTitle}`,
          creator: 'Charter',
          created: options.now,
          language: options.language,
        }),
        contentType: contentTypes.xlsx,
        filename: `${base}.xlsx`,
      };
    case 'csv': {
      const which = options.record ?? 'controller';
      const sheet = which === 'processor' ? sheets.processor : sheets.controller;
      if (!sheet)
        throw new NoProcessorRecordError('This organisation acts only as a controller: it keeps no processor record.');
      return {
        body: new TextEncoder().encode(writeCsv(sheet.columns, sheet.rows)),
        contentType: contentTypes.csv,
        filename: `${base}-${which}.csv`,
      };
    }
    case 'pdf':
      return {
        // pdf-lib is loaded when a PDF is asked for, not at every start.
        body: await (
          await import('./pdf.js')
        ).writePdf(tables, {
          title: t.controllerTitle,
          heading: legalNameIn(charter, options.language),
          author: legalNameIn(charter, options.language),
          language: options.language,
          created: options.now,
          pageLabel: (page, total) => `${t.page} ${page} ${t.of} ${total}`,
        }),
        contentType: contentTypes.pdf,
        filename: `${base}.pdf`,
      };
  }
}
