// Total credit and RAC over time (one point per statistics export) on the shared time-series
// chart: credit on the left axis, RAC on the right.
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import type { CreditPoint } from "@/lib/credit/history-series";
import { formatDate, formatInt } from "@/lib/format";

export function CreditHistoryChart({
  title,
  history,
  who,
}: {
  title: string;
  history: readonly CreditPoint[];
  who: string;
}) {
  const first = history[0];
  const last = history.at(-1);
  const summary =
    first && last
      ? `${who}'s total credit went from ${formatInt(first.totalCredit)} on ${formatDate(new Date(first.time * 1000))} to ` +
        `${formatInt(last.totalCredit)} on ${formatDate(new Date(last.time * 1000))}, with a RAC of ${formatInt(last.rac)} ` +
        `credits a day at the last export.`
      : undefined;
  return (
    <TimeSeriesChart
      title={title}
      summary={summary}
      emptyText="No statistics export has listed them yet."
      series={[
        {
          label: "Total credit",
          unit: "credits",
          color: "var(--color-accent)",
          points: history.map((p) => ({ time: p.time * 1000, value: p.totalCredit })),
        },
        {
          label: "RAC",
          unit: "credits a day",
          color: "var(--color-accent-2)",
          format: "decimal",
          points: history.map((p) => ({ time: p.time * 1000, value: p.rac })),
        },
      ]}
    />
  );
}
