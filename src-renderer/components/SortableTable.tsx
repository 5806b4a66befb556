import { useState, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  /** What the column sorts by; null sorts last. */
  value(row: T): number | string | null;
  render(row: T): ReactNode;
  numeric?: boolean;
}

type Direction = 'ascending' | 'descending';

function compare(a: number | string | null, b: number | string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Sorts rows by a column; nulls last in either direction; ties keep the given order. */
export function sortRows<T>(rows: readonly T[], column: Column<T>, direction: Direction): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: column.value(row) }))
    .sort((x, y) => {
      if (x.v === null || y.v === null) return compare(x.v, y.v) || x.i - y.i;
      return sign * compare(x.v, y.v) || x.i - y.i;
    })
    .map((x) => x.row);
}

/**
 * A table sorted by clicking (or pressing Enter on) a column header; the header says its order with
 * aria-sort. A first click sorts numbers high to low and text A to Z.
 */
export function SortableTable<T>(props: {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey(row: T): string;
  caption: string;
  initialSort: { key: string; direction: Direction };
  testId?: string;
}) {
  const [sort, setSort] = useState(props.initialSort);
  const column = props.columns.find((c) => c.key === sort.key) ?? props.columns[0]!;
  const rows = sortRows(props.rows, column, sort.direction);
  const toggle = (c: Column<T>) =>
    setSort((current) =>
      current.key === c.key
        ? { key: c.key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key: c.key, direction: c.numeric ? 'descending' : 'ascending' },
    );
  return (
    <table
      className="sortable"
      data-testid={props.testId}
      data-sort-key={sort.key}
      data-sort-direction={sort.direction}
    >
      <caption className="sr-only">{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              aria-sort={c.key === sort.key ? sort.direction : 'none'}
              className={c.numeric ? 'numeric' : undefined}
            >
              <button type="button" className="sort" onClick={() => toggle(c)}>
                {c.label}
                <span aria-hidden="true">
                  {c.key === sort.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                </span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={props.rowKey(row)} data-row-key={props.rowKey(row)}>
            {props.columns.map((c) => (
              <td
                key={c.key}
                className={c.numeric ? 'numeric' : undefined}
                data-column={c.key}
                data-value={String(c.value(row) ?? '')}
              >
                {c.render(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
