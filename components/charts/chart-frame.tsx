"use client";
// The frame every full-size chart sits in: its title and legend, a sentence on what it shows, the
// drawing (with its readout), and the same numbers as a table behind "Show as a table".
import { useState, type ReactNode } from "react";
import { ChartTable, type TableData } from "./chart-table";

export function ChartFrame({
  title,
  summary,
  legend,
  table,
  testId,
  children,
}: {
  title: string;
  /** one or two sentences under the title: what the chart shows */
  summary?: string;
  legend?: ReactNode;
  /** null while there is nothing to list */
  table: TableData | null;
  testId?: string;
  children: ReactNode;
}) {
  const [showTable, setShowTable] = useState(false);
  return (
    <figure className="min-w-0 rounded-xl border border-line bg-panel/60 p-4" data-testid={testId}>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium">{title}</span>
        {legend ? (
          <span className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">{legend}</span>
        ) : null}
      </figcaption>
      {summary ? <p className="mt-1 text-xs text-muted">{summary}</p> : null}
      {children}
      {table ? (
        <>
          <button
            type="button"
            className="mt-2 text-xs text-accent-2 hover:underline"
            aria-expanded={showTable}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? "Hide the table" : "Show as a table"}
          </button>
          {/* Drawn only when asked for: a page's own tables stay its only ones until then. */}
          {showTable ? <ChartTable {...table} shown /> : null}
        </>
      ) : null}
    </figure>
  );
}
