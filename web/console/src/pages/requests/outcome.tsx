/**
 * A request's plan and result in words: the tables an erasure reaches, what it erases and what the law keeps, column
 * changes of a rectification, other figures as a two-column table, and what the person asked.
 */
import type { ReactNode } from 'react';
import { describeValue } from '../../components.js';
import { DataTable } from '../../components/index.js';
import type { ReachedTable } from '../../../../../src/rights/reach.js';
import type { ErasureSummary } from '../../../../../src/rights/results.js';
import type { T } from './texts.js';

/** An erasure's plan or result: what the server stores and shows (the queries count is not shown here). */
type ErasurePlan = Pick<ErasureSummary, 'erased' | 'kept' | 'notified'>;

const tableName = (row: { storeName: string; table: string }) => `${row.storeName} / ${row.table}`;

function ErasureTables({ plan, t }: { plan: ErasurePlan; t: T }) {
  return (
    <>
      <h3>{t.erased}</h3>
      <DataTable
        label={t.erased}
        rows={plan.erased}
        columns={[
          { header: t.table, rowHeader: true, cell: tableName },
          { header: t.rows, cell: (e) => e.rows },
          { header: t.fields, cell: (e) => e.fields.join(', ') },
        ]}
      />
      {plan.kept.length > 0 && (
        <>
          <h3>{t.kept}</h3>
          <DataTable
            label={t.kept}
            rows={plan.kept}
            columns={[
              { header: t.table, rowHeader: true, cell: tableName },
              { header: t.rows, cell: (k) => k.rows },
              {
                header: t.law,
                cell: (k) => (k.hold === 'shared' ? t.keptShared : k.hold === 'referenced' ? t.keptReferenced : k.law),
              },
              { header: t.fields, cell: (k) => k.keptColumns.join(', ') },
            ]}
          />
        </>
      )}
      {plan.notified.length > 0 && (
        <p>
          {t.notified}: {plan.notified.join(', ')}
        </p>
      )}
    </>
  );
}

/** Each table the request reaches, its rows (how many shared with someone else) and how it is reached. */
function ReachTable({ reach, t }: { reach: ReachedTable[]; t: T }) {
  const how = (r: ReachedTable) =>
    r.how === 'adapter'
      ? t.reachAdapter
      : r.how === 'identity' || !r.via
        ? t.reachIdentity
        : r.how === 'owner'
          ? t.reachOwner(r.via.table, r.via.column)
          : t.reachProfile(r.via.table, r.via.column);
  return (
    <>
      <h3>{t.reached}</h3>
      <DataTable
        label={t.reached}
        rows={reach}
        columns={[
          { header: t.table, rowHeader: true, cell: tableName },
          { header: t.rows, cell: (r) => r.rows },
          { header: t.shared, cell: (r) => r.shared },
          { header: t.reachHow, cell: how },
        ]}
      />
    </>
  );
}

/** A plan or result: erasure tables, the rows reached, column changes, or the plain figures. */
export function Outcome({ value, t }: { value: unknown; t: T }) {
  const record = (value ?? {}) as {
    erasure?: ErasurePlan;
    reach?: ReachedTable[];
    changes?: { store: string; table: string; column: string }[];
  };
  if (record.erasure || record.reach) {
    return (
      <>
        {record.reach && <ReachTable reach={record.reach} t={t} />}
        {record.erasure && <ErasureTables plan={record.erasure} t={t} />}
      </>
    );
  }
  if (record.changes) {
    return (
      <>
        <h3>{t.changes}</h3>
        <ul>
          {record.changes.map((c, i) => (
            <li key={i}>
              <code>
                {c.store}/{c.table}.{c.column}
              </code>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return <Facts value={value} t={t} />;
}

/** Any other figures as a two-column table (never raw JSON): nested values are listed in words. */
function Facts({ value, t }: { value: unknown; t: T }) {
  const entries = value !== null && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
  if (entries.length === 0) return <p>—</p>;
  return (
    <DataTable
      label={t.result}
      rows={entries}
      rowKey={([key]) => key}
      columns={[
        { header: t.item, rowHeader: true, cell: ([key]) => key },
        { header: t.value, cell: ([, v]) => describeValue(v) },
      ]}
    />
  );
}

/** What the person asked, as sentences in the console's language (their own words quoted as they wrote them). */
export function Asked({ details, t }: { details: Record<string, unknown>; t: T }) {
  const d = details as {
    rectification?: { category?: string; desired: string; current?: string };
    restriction?: { ground: string; explanation?: string };
    objection?: { kind: string; purpose?: string; explanation?: string };
    withdrawal?: { purpose: string };
    message?: string;
  };
  const lines: ReactNode[] = [];
  if (d.rectification)
    lines.push(t.said.rectification(d.rectification.current, d.rectification.desired, d.rectification.category));
  if (d.restriction) {
    lines.push(t.said.restriction(t.grounds[d.restriction.ground] ?? d.restriction.ground));
    if (d.restriction.explanation)
      lines.push(
        <>
          {t.said.explanation} <q>{d.restriction.explanation}</q>
        </>,
      );
  }
  if (d.objection) {
    lines.push(t.said.objection(t.objections[d.objection.kind] ?? d.objection.kind, d.objection.purpose));
    if (d.objection.explanation)
      lines.push(
        <>
          {t.said.explanation} <q>{d.objection.explanation}</q>
        </>,
      );
  }
  if (d.withdrawal) lines.push(t.said.withdrawal(d.withdrawal.purpose));
  if (d.message)
    lines.push(
      <>
        {t.said.message} <q>{d.message}</q>
      </>,
    );
  if (lines.length === 0) return <p>{t.said.nothing}</p>;
  return (
    <>
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </>
  );
}
