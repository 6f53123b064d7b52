// A chart's numbers as a table: the frame's "Show as a table", or (`shown` false) only for screen
// readers. The first column names the row; the others are right-aligned numbers.
import type { ReactNode } from "react";

export interface TableData {
  caption: string;
  columns: string[];
  rows: ReactNode[][];
}

export function ChartTable({ caption, columns, rows, shown }: TableData & { shown: boolean }) {
  return (
    // A table does not clip itself: the wrapper is what hides it from sight.
    <div className={shown ? "mt-3 max-h-80 overflow-auto rounded-lg border border-line" : "sr-only"}>
      <table className="tabular w-full text-left text-xs [&_td]:px-3 [&_td]:py-1 [&_th]:px-3 [&_th]:py-1.5">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-panel-2 text-muted">
          <tr>
            {columns.map((c, j) => (
              <th key={c} scope="col" className={j > 0 ? "text-right font-medium" : "font-medium"}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, ...cells], i) => (
            <tr key={i} className="border-t border-line/60">
              <th scope="row" className="font-normal">
                {name}
              </th>
              {cells.map((cell, j) => (
                <td key={j} className="text-right">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
