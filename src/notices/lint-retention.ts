/**
 * Lint rules on retention promises the systems must keep: a period that no store enforces, criteria without a
 * period, and store columns holding a category no purpose declares (Art. 5(1)(e), 13(2)(a)).
 */
import type { LintFinding, LintRule } from '../charter/lint.js';
import { hasPeriod, retentionKind } from '../charter/schema.js';
import { finding } from './lint-support.js';

/**
 * Art. 5(1)(e) and 5(2): a retention rule is a promise; a purpose whose data no store table is governed by has
 * nobody keeping it. A warning when the charter maps its stores and the purpose's data has nowhere else to live (no
 * recipient); information when the data may live at a processor, or when no store is mapped at all.
 */
export const retentionExecutionRule: LintRule = (charter) => {
  const governed = new Set(
    charter.stores.flatMap((store) => store.tables.map((table) => table.purpose).filter(Boolean)),
  );
  // A rule without a duration is not executable by design; `retentionCriteriaRule` reports it.
  const unkept = charter.purposes
    .map((purpose, p) => ({ purpose, p }))
    .filter(({ purpose }) => hasPeriod(purpose.retention) && !governed.has(purpose.id));
  if (unkept.length === 0) return [];
  if (charter.stores.length === 0) {
    return [
      finding(
        'retention-not-executed',
        'info',
        'GDPR Art. 5(1)(e), 5(2)',
        ['stores'],
        `no store is mapped, so Charter executes none of the ${unkept.length} retention rules; map the databases that hold the data (stores) to have them kept`,
      ),
    ];
  }
  return unkept.map(({ purpose, p }) =>
    purpose.recipients.length === 0
      ? finding(
          'retention-not-executed',
          'warning',
          'GDPR Art. 5(1)(e), 5(2)',
          ['purposes', p, 'retention'],
          `${purpose.id}: no store table is governed by this purpose, so nothing executes its retention of ${purpose.retention.duration} (a promise nothing keeps)`,
        )
      : finding(
          'retention-not-executed',
          'info',
          'GDPR Art. 5(1)(e), 5(2)',
          ['purposes', p, 'retention'],
          `${purpose.id}: no mapped store table is governed by this purpose; its retention is only kept if its recipients (${purpose.recipients.join(', ')}) apply it`,
        ),
  );
};

/**
 * Art. 13(2)(a) and 5(1)(e): a retention that is not decided is a warning (the notice says so rather than invent a
 * period, but the organisation owes one); a retention stated by criteria is a promise no sweep executes, so lint
 * says which ones the organisation keeps by hand.
 */
export const retentionCriteriaRule: LintRule = (charter) =>
  charter.purposes.flatMap((purpose, p) => {
    const kind = retentionKind(purpose.retention);
    if (kind === 'not-decided') {
      return [
        finding(
          'retention-not-decided',
          'warning',
          'GDPR Art. 13(2)(a), 5(1)(e)',
          ['purposes', p, 'retention'],
          `${purpose.id}: the retention period is not decided; the notice says so. Decide a duration, or the criteria that determine it`,
        ),
      ];
    }
    if (kind === 'criteria') {
      return [
        finding(
          'retention-by-criteria',
          'info',
          'GDPR Art. 5(1)(e), 5(2)',
          ['purposes', p, 'retention'],
          `${purpose.id}: the retention is stated by criteria, so no sweep executes it; the data is only deleted when someone applies the criteria by hand${purpose.retention.review ? ` (review every ${purpose.retention.review})` : ' (no review period declared)'}`,
        ),
      ];
    }
    return [];
  });

/**
 * Art. 13(1)(c) and 5(1)(a): a store column holding a data category that no purpose names is data the notice does not
 * mention. A column whose category belongs to another purpose than its table's is reported for information.
 */
export const unlistedStoreCategoryRule: LintRule = (charter) => {
  const named = new Set([...charter.purposes.flatMap((p) => p.data), ...charter.customers.flatMap((c) => c.data)]);
  const findings: LintFinding[] = [];
  charter.stores.forEach((store, s) =>
    store.tables.forEach((table, t) =>
      table.columns.forEach((column, c) => {
        const path = ['stores', s, 'tables', t, 'columns', c, 'category'];
        if (!named.has(column.category)) {
          findings.push(
            finding(
              'store-category-not-in-notice',
              'warning',
              'GDPR Art. 5(1)(a), 13(1)(c)',
              path,
              `${store.id}.${table.name}.${column.name} holds ${column.category}, which no purpose names: the notice does not mention it`,
            ),
          );
          return;
        }
        const purpose = table.purpose ? charter.purposes.find((p) => p.id === table.purpose) : undefined;
        if (purpose && !purpose.data.includes(column.category)) {
          findings.push(
            finding(
              'store-category-not-in-notice',
              'info',
              'GDPR Art. 5(1)(b), 13(1)(c)',
              path,
              `${store.id}.${table.name}.${column.name} holds ${column.category}, which the table's purpose ${purpose.id} does not name`,
            ),
          );
        }
      }),
    ),
  );
  return findings;
};
