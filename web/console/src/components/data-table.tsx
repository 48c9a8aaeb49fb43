/**
 * The console's data table: a labelled region that scrolls on a narrow screen, an optional caption, column headers,
 * one row header per row where a column says so, and a sentence instead of an empty table.
 */
import type { HTMLAttributes, ReactNode } from 'react';
import { TableRegion } from '../components.js';

/** One column: its header and how a row shows in it. `rowHeader` makes the cell the row's `<th scope="row">`. */
export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  rowHeader?: boolean;
  className?: string;
}

export interface DataTableProps<Row> {
  /** Names the scrolling region (and the table, through the caption, when `caption` is true). */
  label: string;
  columns: readonly (Column<Row> | false | null | undefined)[];
  rows: readonly Row[];
  rowKey?: (row: Row, index: number) => string | number;
  /** What to say when there are no rows; without it an empty table is shown (its headers still say what it holds). */
  empty?: ReactNode;
  /** A caption for screen readers, worded as `label` (`'visible'` shows it). */
  caption?: boolean | 'visible';
  className?: string;
  /** The id of a heading that names the table (instead of a caption). */
  labelledBy?: string;
  /** Extra attributes of a row (data-* hooks, a class). */
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
}

export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  empty,
  caption,
  className,
  labelledBy,
  rowProps,
}: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  const shown = columns.filter((column): column is Column<Row> => Boolean(column));
  return (
    <TableRegion label={label}>
      <table className={className} aria-labelledby={labelledBy}>
        {caption && <caption className={caption === 'visible' ? undefined : 'visually-hidden'}>{label}</caption>}
        <thead>
          <tr>
            {shown.map((column, i) => (
              <th scope="col" key={i} className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey ? rowKey(row, i) : i} {...rowProps?.(row)}>
              {shown.map((column, j) =>
                column.rowHeader ? (
                  <th scope="row" key={j} className={column.className}>
                    {column.cell(row, i)}
                  </th>
                ) : (
                  <td key={j} className={column.className}>
                    {column.cell(row, i)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
