import type { ComponentChildren } from 'preact';
import { TableScroll } from '../components/TableScroll.js';
import { formatCount } from '../format/formatPercent.js';
import { PersonExamples } from './PersonExamples.js';

/** One row of a friction table: its own cells, then persons, occurrences and examples. */
export interface FrictionRow {
  key: string;
  cells: ComponentChildren[];
  persons: number;
  occurrences: number;
  examples: string[];
}

export interface FrictionTableProps {
  projectId: string;
  caption: string;
  /** Headers of the row's own cells; the first heads the row. */
  columns: string[];
  /** What an occurrence is, e.g. "Loops". */
  occurrences: string;
  rows: FrictionRow[];
  /** Shown instead of an empty table. */
  empty: string;
}

/** A list of friction items, most persons first, each with links to some of their persons. */
export function FrictionTable({ projectId, caption, columns, occurrences, rows, empty }: FrictionTableProps) {
  if (rows.length === 0) return <p class="notice">{empty}</p>;
  return (
    <TableScroll label={caption}>
      <table class="data-table friction-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col" class="num">
              Persons
            </th>
            <th scope="col" class="num">
              {occurrences}
            </th>
            <th scope="col">Some of them</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i}>{cell}</td>
                ),
              )}
              <td class="num">{formatCount(row.persons)}</td>
              <td class="num">{formatCount(row.occurrences)}</td>
              <td>
                <PersonExamples projectId={projectId} personIds={row.examples} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
