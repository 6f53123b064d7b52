import Link from "next/link";
import { RunningChallenges } from "@/components/challenges/running-challenges";
import { MilestoneFeed } from "@/components/stats/milestone-feed";
import { Stat } from "@/components/ui/stat";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Section, Table } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { getTopTeams, getTopUsers } from "@/lib/credit/queries";
import { formatCompact, formatCredit, formatInt } from "@/lib/format";
import { getRecentlyProcessedGalaxies, getSurveyTotals } from "@/lib/survey/queries";
import { GALAXY_STATUSES, STATUS_LABEL, progressOf } from "@/lib/survey/status";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [totals, recent, topUsers, topTeams] = await Promise.all([
    getSurveyTotals(),
    getRecentlyProcessedGalaxies(),
    getTopUsers(8),
    getTopTeams(8),
  ]);
  const fraction = totals.pixels ? totals.pixelsProcessed / totals.pixels : 0;
  return (
    <>
      <section className="rounded-2xl border border-line bg-panel/60 p-6 sm:p-8">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">
          Every pixel of nearby galaxies, fitted by volunteers
        </h1>
        <p className="mt-3 max-w-3xl text-muted">
          Volunteers&apos; computers run MAGPHYS on each pixel of galaxies imaged from the ultraviolet to the infrared,
          recovering stellar mass, star formation and dust, pixel by pixel. See where your CPU time went.
        </p>
        <div className="mt-6 max-w-xl">
          <div className="mb-1 text-sm text-muted">
            Survey progress: <span className="tabular text-text">{formatInt(totals.pixelsProcessed)}</span> of{" "}
            <span className="tabular text-text">{formatInt(totals.pixels)}</span> pixels fitted
          </div>
          <ProgressBar fraction={fraction} label="survey progress" />
        </div>
      </section>

      <div
        className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-5 [&>:last-child:nth-child(odd)]:col-span-2 md:[&>:last-child:nth-child(odd)]:col-span-1"
        data-testid="survey-totals"
      >
        <Stat label="Galaxies" value={formatInt(totals.galaxies)} />
        <Stat
          label="Pixels fitted"
          value={formatCompact(totals.pixelsProcessed)}
          hint={`of ${formatCompact(totals.pixels)}`}
        />
        <Stat label="Work units done" value={formatInt(totals.areasProcessed)} hint={`of ${formatInt(totals.areas)}`} />
        <Stat label="Volunteers" value={formatInt(totals.users)} hint={`${formatInt(totals.teams)} teams`} />
        <Stat label="Total credit" value={formatCredit(totals.totalCredit)} />
      </div>

      <div className="mt-4 flex flex-wrap gap-2 text-sm">
        {GALAXY_STATUSES.map((s) => (
          <Link
            key={s}
            href={`/galaxies?status=${s}`}
            className="rounded-full border border-line px-3 py-1 hover:bg-panel-2"
          >
            {STATUS_LABEL[s]} <span className="tabular text-muted">{formatInt(totals.byStatus[s] ?? 0)}</span>
          </Link>
        ))}
      </div>

      <RunningChallenges />

      <div className="mt-8 gap-x-8 lg:columns-2 [&>section]:mt-0 [&>section]:mb-8 [&>section]:break-inside-avoid">
        <Section
          title="Recently active galaxies"
          aside={
            <Link className="text-sm text-accent-2" href="/galaxies?sort=created&dir=desc">
              All galaxies →
            </Link>
          }
        >
          <Table>
            <thead>
              <tr>
                <th>Galaxy</th>
                <th>Type</th>
                <th>Status</th>
                <th className="w-40">Progress</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((g) => (
                <tr key={g.id}>
                  <td>
                    <Link className="text-accent-2 hover:underline" href={`/galaxies/${g.id}`}>
                      {g.name}
                    </Link>
                  </td>
                  <td>{g.hubbleType || "—"}</td>
                  <td>
                    <StatusBadge status={g.status} />
                  </td>
                  <td>
                    <ProgressBar fraction={progressOf(g)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Section>
        <Section
          title="Top volunteers"
          aside={
            <Link className="text-sm text-accent-2" href="/leaderboards">
              Leaderboards →
            </Link>
          }
        >
          <Table>
            <thead>
              <tr>
                <th>#</th>
                <th>Volunteer</th>
                <th className="text-right">Credit</th>
                <th className="text-right">RAC</th>
              </tr>
            </thead>
            <tbody>
              {topUsers.map((u, i) => (
                <tr key={u.id}>
                  <td className="text-muted">{i + 1}</td>
                  <td>
                    <Link className="text-accent-2 hover:underline" href={`/users/${u.id}`}>
                      {u.name}
                    </Link>
                  </td>
                  <td className="text-right">{formatCredit(u.totalCredit)}</td>
                  <td className="text-right">{formatInt(u.rac)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Section>
        <Section
          title="Top teams"
          aside={
            <Link className="text-sm text-accent-2" href="/leaderboards?kind=teams">
              All teams →
            </Link>
          }
        >
          <Table>
            <thead>
              <tr>
                <th>#</th>
                <th>Team</th>
                <th className="text-right">Members</th>
                <th className="text-right">Credit</th>
              </tr>
            </thead>
            <tbody>
              {topTeams.map((t, i) => (
                <tr key={t.id}>
                  <td className="text-muted">{i + 1}</td>
                  <td>
                    <Link className="text-accent-2 hover:underline" href={`/teams/${t.id}`}>
                      {t.name}
                    </Link>
                  </td>
                  <td className="text-right">{formatInt(t.memberCount)}</td>
                  <td className="text-right">{formatCredit(t.totalCredit)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Section>
        <MilestoneFeed />
      </div>
    </>
  );
}
