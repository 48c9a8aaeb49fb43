/**
 * The oracle's check of a retention sweep (docs/ownership.md, "Retention"): restricted people's rows and held rows
 * untouched, reported counts equal to what changed, no due row left that nothing protects or references. The
 * readings chosen where the page leaves room are listed in ownership-oracle.ts. Test-only module.
 */
import type { SweepResult } from '../connector.js';
import type { Row, Value } from './generated-schema.js';
import type { StoreView } from './ownership-oracle.js';
import { rowKey, same, type Dump } from './ownership-oracle.js';

/**
 * One table's retention sweep (action delete): restricted people's rows and held rows untouched, the reported counts
 * equal to the rows that changed, and no due row left that nothing protects or references.
 */
export function checkSweep(view: StoreView, table: number, after: Dump, results: SweepResult[], now: Date): string[] {
  const problems: string[] = [];
  const schema = view.schema;
  const definition = schema.tables[table];
  if (!definition) return problems;
  const protectedRows = view.retentionProtected();
  const afterById = after.map((rows) => new Map(rows.map((r) => [r.id ?? null, r])));
  const vanished = new Set<string>();
  const vanishedLater = (u: number, id: Value) =>
    id !== null && view.row(u, id) !== undefined && !afterById[u]?.has(id);
  let deleted = 0;
  let modified = 0;
  const isDue = (row: Row) => typeof row.at === 'string' && Date.parse(row.at) <= now.getTime() - 365 * 86_400_000;
  schema.tables.forEach((t, u) => {
    for (const row of view.dump[u] ?? []) {
      const key = rowKey(u, row.id ?? null);
      const name = `${t.name}#${String(row.id)}`;
      const current = afterById[u]?.get(row.id ?? null);
      const changedColumns = current ? Object.keys(row).filter((c) => !same(row[c], current[c])) : [];
      if (current && changedColumns.length === 0) continue;
      const held = t.hold !== undefined && row.held === true;
      if (protectedRows.has(key))
        problems.push(
          `retention of ${definition.name}: ${name} belongs to a restricted person but was ${current ? `changed (${changedColumns.join(', ')})` : 'deleted'}`,
        );
      if (!current) {
        vanished.add(key);
        if (held) problems.push(`retention of ${definition.name}: ${name} is held but was deleted`);
        if (u !== table) problems.push(`retention of ${definition.name}: ${name} of another table was deleted`);
        else if (!isDue(row)) problems.push(`retention of ${definition.name}: ${name} is not due but was deleted`);
        else deleted++;
        continue;
      }
      // Setting a nullable reference to a row that went to NULL is an unlink (allowed on rows nothing protects or holds).
      const unlinks = changedColumns.filter((c) => {
        const reference = t.references.find((r) => r.column === c);
        return (
          reference !== undefined &&
          reference.to === table &&
          reference.nullable &&
          current[c] === null &&
          vanishedLater(reference.to, row[c] ?? null)
        );
      });
      const others = changedColumns.filter((c) => !unlinks.includes(c));
      if (
        held &&
        (!t.hold?.keep ||
          unlinks.length > 0 ||
          others.some((c) => t.hold?.keep?.includes(c) || !t.columns.some((d) => d.name === c)))
      )
        problems.push(`retention of ${definition.name}: ${name} is held but ${changedColumns.join(', ')} changed`);
      if (others.length === 0) continue;
      if (u !== table)
        problems.push(`retention of ${definition.name}: ${name} of another table changed (${others.join(', ')})`);
      else if (!isDue(row))
        problems.push(`retention of ${definition.name}: ${name} is not due but ${others.join(', ')} changed`);
      else modified++;
    }
  });
  const reportedDeleted = results.reduce((n, r) => n + r.deleted, 0);
  const reportedChanged = results.reduce(
    (n, r) => n + r.anonymised + Object.values(r.reduced).reduce((a, b) => a + b, 0),
    0,
  );
  if (reportedDeleted !== deleted)
    problems.push(`retention of ${definition.name}: reported ${reportedDeleted} deleted, ${deleted} rows really went`);
  if (reportedChanged !== modified)
    problems.push(
      `retention of ${definition.name}: reported ${reportedChanged} anonymised or reduced, ${modified} rows really changed`,
    );
  // Completeness: a due row nothing protects, holds or references (after the sweep) must be gone.
  const referencedAfter = new Set<string>();
  schema.tables.forEach((t, u) => {
    for (const row of after[u] ?? [])
      for (const r of t.references)
        if (r.enforced && row[r.column] != null) referencedAfter.add(rowKey(r.to, row[r.column] ?? null));
  });
  for (const row of view.dump[table] ?? []) {
    const key = rowKey(table, row.id ?? null);
    const due = isDue(row);
    const held = definition.hold !== undefined && row.held === true;
    if (due && !held && !protectedRows.has(key) && !referencedAfter.has(key) && !vanished.has(key))
      problems.push(
        `retention of ${definition.name}: ${definition.name}#${String(row.id)} is due, unprotected and unreferenced, but was kept`,
      );
  }
  return problems;
}
