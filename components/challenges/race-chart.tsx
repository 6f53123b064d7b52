// The race: each leading team's cumulative challenge credit at every statistics export of the
// window, one line per team, named at its end, in the order (and colours) of the standings.
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import type { ChartPoint } from "@/components/charts/chart-types";
import type { ChallengeDetail } from "@/lib/credit/challenges/queries";

export function RaceChart({ challenge }: { challenge: ChallengeDetail }) {
  const byTeam = new Map<number, ChartPoint[]>();
  for (const p of challenge.points) {
    const list = byTeam.get(p.teamId) ?? [];
    list.push({ time: p.time.getTime(), value: p.credit });
    byTeam.set(p.teamId, list);
  }
  const series = challenge.standings
    .filter((s) => byTeam.has(s.teamId))
    .map((s) => ({ label: s.name, unit: "credits", points: byTeam.get(s.teamId)! }));
  return (
    <TimeSeriesChart
      title="Cumulative credit per team"
      summary={
        series.length > 0 && series.length < challenge.teamCount
          ? `The ${series.length} leading teams of ${challenge.teamCount}; every team is in the standings below.`
          : "Credit each team has gained since time zero, at every statistics export."
      }
      valueLabel="Challenge credit (Cobblestones)"
      timeLabel="Statistics export (UTC)"
      series={series}
      endLabels
      height={320}
      emptyText="The race starts with the first statistics export after the start."
      testId="race-chart"
    />
  );
}
