/**
 * `charter scan`: samples every table and column of a connected store and reports personal data the charter does
 * not declare, by column name and by value detectors, each with a confidence — so the notice never omits what the
 * systems actually hold. `classifyColumn` is pure; `scanStore` reads the samples through the connector.
 */
import type { Store } from '../../charter/schema.js';
import type { LiveColumn, StoreConnector } from '../connector.js';
import { detectByName, isPlausibleBirthDate, valueDetectors } from './detectors.js';

export interface ColumnFinding {
  table: string;
  column: string;
  category: string;
  /** What matched: a value detector id (`iban`) and/or a name rule (`name:email`). */
  evidence: string[];
  /** 0–1. */
  confidence: number;
  /** Values that matched the detector, of the non-empty values sampled. */
  matched: number;
  sampled: number;
  declared: boolean;
}

const minimumShare = 0.3;

function textOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return undefined;
}

/** Classifies one column from its name, its type and a sample of its values. Pure. */
export function classifyColumn(column: Pick<LiveColumn, 'name' | 'family'>, values: readonly unknown[], now: Date = new Date()): Omit<ColumnFinding, 'table' | 'declared'> | undefined {
  const texts = values.map(textOf).filter((v): v is string => v !== undefined);
  const byName = detectByName(column.name);
  let best: { id: string; category: string; matched: number; score: number } | undefined;
  if (texts.length > 0 && column.family !== 'boolean' && column.family !== 'json' && column.family !== 'binary') {
    for (const detector of valueDetectors) {
      // Numbers stored as integers can only be card, national or company numbers.
      if ((column.family === 'integer' || column.family === 'decimal') && !['payment-card', 'be-national-number', 'company-number'].includes(detector.id)) continue;
      const matched = texts.filter((t) => detector.test(t)).length;
      const share = matched / texts.length;
      if (share < minimumShare) continue;
      const score = share * detector.strength;
      if (!best || score > best.score) best = { id: detector.id, category: detector.category, matched, score };
    }
  }
  // Dates of birth: a date column named like one, or text dates under such a name, with plausible values.
  if (byName?.category === 'identity.date-of-birth' && texts.length > 0) {
    const matched = texts.filter((t) => isPlausibleBirthDate(t, now)).length;
    if (matched / texts.length >= minimumShare) {
      return { column: column.name, category: byName.category, evidence: ['date-of-birth', byName.id], confidence: round(0.6 + 0.4 * (matched / texts.length)), matched, sampled: texts.length };
    }
  }
  if (best) {
    const agrees = byName?.category === best.category;
    const confidence = round(Math.min(1, best.score * (agrees ? 1 : 0.9) + (agrees ? 0.1 : 0)));
    return { column: column.name, category: best.category, evidence: agrees && byName ? [best.id, byName.id] : [best.id], confidence, matched: best.matched, sampled: texts.length };
  }
  if (byName) {
    // A name alone: likely, not certain (an empty table, or values we cannot recognise such as names).
    return { column: column.name, category: byName.category, evidence: [byName.id], confidence: texts.length === 0 ? 0.4 : 0.5, matched: 0, sampled: texts.length };
  }
  return undefined;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface ScanReport {
  store: string;
  tables: number;
  columns: number;
  /** Personal data found in columns the charter does not declare. */
  undeclared: ColumnFinding[];
  /** Declared columns the scan also recognised (agreement), for the record. */
  declared: ColumnFinding[];
}

/** Samples every table of a store and classifies every column. */
export async function scanStore(connector: StoreConnector, store: Store, options: { sampleSize?: number; minimumConfidence?: number; now?: Date } = {}): Promise<ScanReport> {
  const live = await connector.introspect();
  const declared = new Set(store.tables.flatMap((t) => [...t.columns.map((c) => `${t.name}.${c.name}`)]));
  const report: ScanReport = { store: connector.id, tables: live.tables.length, columns: 0, undeclared: [], declared: [] };
  for (const table of live.tables) {
    const rows = await connector.sample(table.name, options.sampleSize ?? 500);
    for (const column of table.columns) {
      report.columns++;
      const finding = classifyColumn(column, rows.map((r) => r[column.name]), options.now);
      if (!finding || finding.confidence < (options.minimumConfidence ?? 0.5)) continue;
      const isDeclared = declared.has(`${table.name}.${column.name}`);
      (isDeclared ? report.declared : report.undeclared).push({ ...finding, table: table.name, declared: isDeclared });
    }
  }
  return report;
}
