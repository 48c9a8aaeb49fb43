/**
 * `charter scan`: samples every table and column of a connected store and reports personal data the charter does
 * not declare, by column name, by value detectors and inside free text (an IBAN in a `notes` column), each with a
 * confidence and a few masked examples — so the notice never omits what the systems actually hold, and the report
 * never shows a value. `classifyColumn` is pure; `scanStore` reads the samples through the connector.
 */
import type { Store } from '../../charter/schema.js';
import type { LiveColumn, StoreConnector } from '../connector.js';
import { detectByName, findInText, isPlausibleBirthDate, maskValue, valueDetectors } from './detectors.js';

export interface ColumnFinding {
  table: string;
  column: string;
  category: string;
  /** What matched: a value detector id (`iban`), one inside free text (`in-text:iban`) and/or a name rule (`name:email`). */
  evidence: string[];
  /** Every category found; more than one only in free text (notes holding both emails and IBANs). */
  categories: string[];
  /** Up to three matched values, masked (`BE** **** **** **34`): never a value as it is. */
  examples: string[];
  /** 0–1. */
  confidence: number;
  /** Values that matched the detector, of the non-empty values sampled. */
  matched: number;
  sampled: number;
  declared: boolean;
}

const minimumShare = 0.3;
const maximumExamples = 3;

function textOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return undefined;
}

/** Classifies one column from its name, its type and a sample of its values. Pure. */
export function classifyColumn(
  column: Pick<LiveColumn, 'name' | 'family'>,
  values: readonly unknown[],
  now: Date = new Date(),
): Omit<ColumnFinding, 'table' | 'declared'> | undefined {
  const texts = values.map(textOf).filter((v): v is string => v !== undefined);
  const byName = detectByName(column.name);
  let best: { id: string; category: string; matched: string[]; score: number } | undefined;
  if (texts.length > 0 && column.family !== 'boolean' && column.family !== 'json' && column.family !== 'binary') {
    for (const detector of valueDetectors) {
      // Numbers stored as integers can only be card, national or company numbers.
      if (
        (column.family === 'integer' || column.family === 'decimal') &&
        !['payment-card', 'be-national-number', 'company-number'].includes(detector.id)
      )
        continue;
      const matched = texts.filter((t) => detector.test(t));
      const share = matched.length / texts.length;
      if (share < minimumShare) continue;
      const score = share * detector.strength;
      if (!best || score > best.score) best = { id: detector.id, category: detector.category, matched, score };
    }
  }
  // Dates of birth: a date column named like one, or text dates under such a name, with plausible values.
  if (byName?.category === 'identity.date-of-birth' && texts.length > 0) {
    const matched = texts.filter((t) => isPlausibleBirthDate(t, now));
    if (matched.length / texts.length >= minimumShare) {
      return {
        column: column.name,
        category: byName.category,
        categories: [byName.category],
        evidence: ['date-of-birth', byName.id],
        confidence: round(0.6 + 0.4 * (matched.length / texts.length)),
        matched: matched.length,
        sampled: texts.length,
        examples: matched.slice(0, maximumExamples).map((v) => maskValue('date-of-birth', v)),
      };
    }
  }
  if (best) {
    const agrees = byName?.category === best.category;
    const confidence = round(Math.min(1, best.score * (agrees ? 1 : 0.9) + (agrees ? 0.1 : 0)));
    const examples = best.matched.slice(0, maximumExamples).map((v) => maskValue(best.id, v.trim()));
    return {
      column: column.name,
      category: best.category,
      categories: [best.category],
      evidence: agrees && byName ? [best.id, byName.id] : [best.id],
      confidence,
      matched: best.matched.length,
      sampled: texts.length,
      examples,
    };
  }
  if (column.family === 'text') {
    const inText = classifyFreeText(column.name, texts, byName);
    if (inText) return inText;
  }
  if (byName) {
    // A name alone: likely, not certain (an empty table, or values we cannot recognise such as names).
    return {
      column: column.name,
      category: byName.category,
      categories: [byName.category],
      evidence: [byName.id],
      confidence: texts.length === 0 ? 0.4 : 0.5,
      matched: 0,
      sampled: texts.length,
      examples: [],
    };
  }
  return undefined;
}

/**
 * Personal data inside free text (notes, comments, descriptions): one checked value in one note is enough, since
 * access must export it and erasure must not leave it. The column's category is the one found in most values.
 */
function classifyFreeText(
  name: string,
  texts: string[],
  byName: { id: string; category: string } | undefined,
): Omit<ColumnFinding, 'table' | 'declared'> | undefined {
  const byDetector = new Map<string, { category: string; values: number; examples: string[] }>();
  let matchedValues = 0;
  for (const text of texts) {
    const matches = findInText(text);
    if (matches.length === 0) continue;
    matchedValues++;
    for (const detector of new Set(matches.map((m) => m.detector))) {
      const first = matches.find((m) => m.detector === detector)!;
      const entry = byDetector.get(detector) ?? { category: first.category, values: 0, examples: [] };
      entry.values++;
      for (const m of matches)
        if (m.detector === detector && entry.examples.length < maximumExamples)
          entry.examples.push(maskValue(detector, m.value));
      byDetector.set(detector, entry);
    }
  }
  if (byDetector.size === 0) return undefined;
  const strength = (id: string) => valueDetectors.find((d) => d.id === id)?.strength ?? 0.5;
  const ranked = [...byDetector.entries()].sort(([a, x], [b, y]) => y.values - x.values || strength(b) - strength(a));
  const [topId, top] = ranked[0]!;
  const agrees = byName?.category === top.category;
  return {
    column: name,
    category: top.category,
    categories: [...new Set(ranked.map(([, e]) => e.category))],
    evidence: [...ranked.map(([id]) => `in-text:${id}`), ...(agrees && byName ? [byName.id] : [])],
    // Found in passing, not the column's purpose: a notch below the same value filling a column.
    confidence: round(Math.min(1, strength(topId) * 0.85 + (agrees ? 0.1 : 0))),
    matched: matchedValues,
    sampled: texts.length,
    examples: ranked.flatMap(([, e]) => e.examples).slice(0, maximumExamples),
  };
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
export async function scanStore(
  connector: StoreConnector,
  store: Store,
  options: { sampleSize?: number; minimumConfidence?: number; now?: Date } = {},
): Promise<ScanReport> {
  const live = await connector.introspect();
  const declared = new Set(store.tables.flatMap((t) => [...t.columns.map((c) => `${t.name}.${c.name}`)]));
  const report: ScanReport = {
    store: connector.id,
    tables: live.tables.length,
    columns: 0,
    undeclared: [],
    declared: [],
  };
  for (const table of live.tables) {
    const rows = await connector.sample(table.name, options.sampleSize ?? 500);
    for (const column of table.columns) {
      report.columns++;
      const finding = classifyColumn(
        column,
        rows.map((r) => r[column.name]),
        options.now,
      );
      if (!finding || finding.confidence < (options.minimumConfidence ?? 0.5)) continue;
      const isDeclared = declared.has(`${table.name}.${column.name}`);
      (isDeclared ? report.declared : report.undeclared).push({ ...finding, table: table.name, declared: isDeclared });
    }
  }
  return report;
}
