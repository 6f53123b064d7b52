// The charts of /stats from the project's statistics (lib/stats): the paper's Figures 13–16 and
// the credit granted per day.
import { utcFormat } from "d3";
import { BarChart } from "@/components/charts/bar-chart";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { formatDate } from "@/lib/format";
import type { ProjectStats } from "@/lib/stats/queries";

const formatDay = utcFormat("%b %-d");

export function GrowthCharts({ stats }: { stats: ProjectStats }) {
  const v = stats.volunteers;
  const hasRegistered = v.some((p) => p.registered > 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <TimeSeriesChart
        title="Volunteers"
        summary="Volunteers with credit (people who have processed work units); active: a recent average credit of at least 1 a day."
        valueLabel="Volunteers (people)"
        timeLabel="Statistics export (UTC)"
        series={[
          ...(hasRegistered ? [peopleSeries("Registered accounts", v, "registered")] : []),
          peopleSeries("With credit", v, "withCredit"),
          peopleSeries("Active", v, "active"),
        ]}
        height={260}
        testId="chart-volunteers"
      />
      <TimeSeriesChart
        title="Estimated computing power"
        summary="The project's recent average credit ÷ 200 credits per GFLOPS-day (a Cobblestone)."
        valueLabel="Speed (GFLOPS)"
        timeLabel="Statistics export (UTC)"
        series={[
          {
            label: "Speed",
            unit: "GFLOPS",
            format: "decimal",
            points: stats.gflops.map((p) => ({ time: p.time, value: p.gflops })),
          },
        ]}
        height={260}
        testId="chart-gflops"
      />
      <div className="min-w-0 lg:col-span-2">
        <BarChart
          title="Credit granted per day"
          summary="Credit between consecutive statistics exports, per day, dated at the later export."
          categoryLabel="Statistics export (UTC)"
          valueLabel="Credit per day (Cobblestones)"
          bars={stats.creditPerDay.map((d) => ({
            label: formatDate(new Date(d.time)),
            tick: formatDay(new Date(d.time)),
            value: d.credit,
          }))}
          testId="chart-credit-per-day"
        />
      </div>
    </div>
  );
}

export function ComputerCharts({ stats }: { stats: ProjectStats }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <BarChart
        title="Volunteers by computing power"
        summary="Active volunteers by the GFLOPS their recent average credit stands for, at the newest export."
        categoryLabel="Sustained speed (GFLOPS)"
        valueLabel="Volunteers (people)"
        bars={stats.volunteersByGflops.map((b) => ({ label: `${b.label} GFLOPS`, tick: b.label, value: b.volunteers }))}
        testId="chart-gflops-bands"
      />
      <BarChart
        title="CPU cores"
        summary="Computers that have earned credit, by the number of CPU cores BOINC reports."
        categoryLabel="CPU cores per computer"
        valueLabel="Computers"
        bars={stats.computers.cores.map((b) => ({ label: `${b.label} cores`, tick: b.label, value: b.computers }))}
        emptyText="No computers imported yet (host.gz)."
        testId="chart-cores"
      />
      <div className="min-w-0 lg:col-span-2">
        <BarChart
          title="Operating systems"
          summary="Computers that have earned credit, by the operating system BOINC reports."
          categoryLabel="Operating system"
          valueLabel="Computers"
          bars={stats.computers.operatingSystems.map((o) => ({ label: o.label, value: o.computers }))}
          orientation="horizontal"
          emptyText="No computers imported yet (host.gz)."
          testId="chart-operating-systems"
        />
      </div>
    </div>
  );
}

type VolunteerCounts = ProjectStats["volunteers"][number];

function peopleSeries(label: string, counts: VolunteerCounts[], key: "registered" | "withCredit" | "active") {
  return { label, unit: "people", points: counts.map((p) => ({ time: p.time, value: p[key] })) };
}
