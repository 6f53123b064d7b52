import type { Metadata } from "next";
import Link from "next/link";
import { ComputerCharts, GrowthCharts } from "@/components/stats/project-charts";
import { Section } from "@/components/ui/section";
import { Stat } from "@/components/ui/stat";
import { formatCompact, formatCredit, formatDateTime, formatInt } from "@/lib/format";
import { getProjectStats } from "@/lib/stats/queries";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Project statistics" };

export default async function StatsPage() {
  const stats = await getProjectStats();
  const latest = stats.latest;
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Project statistics</h1>
      <p className="mt-2 max-w-3xl text-sm text-muted">
        How the project grows, from every BOINC statistics export the portal has imported: its volunteers, the credit
        they are granted and the computing power behind it, and the computers they lend it (after the POGS paper&apos;s
        Figures 13–16). Credit is counted in Cobblestones: 200 credits are one GFLOPS sustained for a day.
        {latest ? ` Newest export: ${formatDateTime(latest.exportTime)}.` : ""}
      </p>
      <div
        className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-5 [&>:last-child:nth-child(odd)]:col-span-2 md:[&>:last-child:nth-child(odd)]:col-span-1"
        data-testid="stats-totals"
      >
        <Stat label="Volunteers" value={formatInt(latest?.userCount ?? 0)} hint="with credit" />
        <Stat label="Active" value={formatInt(latest?.activeUsers ?? 0)} hint="RAC ≥ 1 a day" />
        <Stat label="Computing power" value={`${formatCompact(latest?.gflops ?? 0)} GFLOPS`} hint="from RAC ÷ 200" />
        <Stat label="Computers" value={formatInt(stats.computers.total)} hint="that have earned credit" />
        <Stat label="Total credit" value={formatCredit(latest?.totalCredit ?? 0)} hint="Cobblestones" />
      </div>
      <Section
        title="Growth"
        aside={
          <Link className="text-sm text-accent-2" href="/milestones">
            Milestones →
          </Link>
        }
      >
        <GrowthCharts stats={stats} />
      </Section>
      <Section title="Volunteers and their computers">
        <ComputerCharts stats={stats} />
      </Section>
    </>
  );
}
