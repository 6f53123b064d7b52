import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { GalaxyThumbnail } from "@/components/galaxy/galaxy-thumbnail";
import { Section, Table } from "@/components/ui/section";
import { Stat } from "@/components/ui/stat";
import { StatusBadge } from "@/components/ui/status-badge";
import { getBoincUser, getUserContributionTotals, getUserGalaxies, getUserRank } from "@/lib/credit/queries";
import { racNow } from "@/lib/credit/rac-now";
import { formatCredit, formatDate, formatInt } from "@/lib/format";
import { parseId } from "@/lib/api/params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page read the volunteer once per request.
const userOf = cache(async (raw: string) => {
  const id = parseId(raw);
  return id ? getBoincUser(id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await userOf((await params).id);
  return { title: user ? user.name : "Volunteer not found" };
}

export default async function UserPage({ params }: Props) {
  const user = await userOf((await params).id);
  if (!user) notFound();
  const [rank, totals, galaxies] = await Promise.all([
    getUserRank(user.totalCredit),
    getUserContributionTotals(user.id),
    getUserGalaxies(user.id),
  ]);
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">{user.name}</h1>
      <p className="mt-1 text-sm text-muted">
        BOINC user {user.id}
        {user.country ? ` · ${user.country}` : ""} · joined {formatDate(user.createTime)}
        {user.team ? (
          <>
            {" "}
            · team{" "}
            <Link className="text-accent-2 hover:underline" href={`/teams/${user.team.id}`}>
              {user.team.name}
            </Link>
          </>
        ) : null}
      </p>
      <div className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-5">
        <Stat label="Total credit" value={formatCredit(user.totalCredit)} />
        <Stat label="RAC" value={formatInt(racNow(user))} hint="recent average credit per day" />
        <Stat label="Rank" value={`#${formatInt(rank)}`} hint="by total credit" />
        <Stat label="Galaxies" value={formatInt(totals.galaxies)} />
        <Stat label="Pixels fitted" value={formatInt(totals.pixels)} hint={`${formatInt(totals.areas)} work units`} />
      </div>
      <Section title="Galaxies contributed to">
        <Table>
          <thead>
            <tr>
              <th>Galaxy</th>
              <th>Type</th>
              <th>Status</th>
              <th className="text-right">Work units</th>
              <th className="text-right">Pixels</th>
            </tr>
          </thead>
          <tbody>
            {galaxies.map((g) => (
              <tr key={g.galaxyId}>
                <td>
                  <Link
                    className="flex items-center gap-3 text-accent-2 hover:underline"
                    href={`/galaxies/${g.galaxyId}?user=${user.id}`}
                  >
                    <GalaxyThumbnail galaxyId={g.galaxyId} />
                    {g.galaxy.name}
                  </Link>
                </td>
                <td>{g.galaxy.hubbleType || "—"}</td>
                <td>
                  <StatusBadge status={g.galaxy.status} />
                </td>
                <td className="text-right">{formatInt(g.areaCount)}</td>
                <td className="text-right">{formatInt(g.pixelCount)}</td>
              </tr>
            ))}
            {galaxies.length === 0 ? (
              <tr>
                <td colSpan={5} className="py-6 text-center text-muted">
                  No galaxies yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </Section>
    </>
  );
}
