import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { Section, Table } from "@/components/ui/section";
import { Stat } from "@/components/ui/stat";
import { getTeam, getTeamMemberCount, getTeamMembers, getTeamRank } from "@/lib/credit/queries";
import { racNow } from "@/lib/credit/rac-now";
import { teamTypeName } from "@/lib/credit/team-types";
import { formatCredit, formatDate, formatInt } from "@/lib/format";
import { parseId } from "@/lib/api/params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page read the team once per request.
const teamOf = cache(async (raw: string) => {
  const id = parseId(raw);
  return id ? getTeam(id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const team = await teamOf((await params).id);
  return { title: team ? team.name : "Team not found" };
}

export default async function TeamPage({ params }: Props) {
  const team = await teamOf((await params).id);
  if (!team) notFound();
  const [rank, memberCount, members] = await Promise.all([
    getTeamRank(team.totalCredit),
    getTeamMemberCount(team.id),
    getTeamMembers(team.id),
  ]);
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">{team.name}</h1>
      <p className="mt-1 text-sm text-muted">
        {teamTypeName(team.type)}
        {team.country ? ` · ${team.country}` : ""} · founded {formatDate(team.createTime)}
        {team.founderName ? ` by ${team.founderName}` : ""}
      </p>
      {team.description ? <p className="mt-3 max-w-3xl text-sm">{team.description}</p> : null}
      <div className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Total credit" value={formatCredit(team.totalCredit)} hint="earned by members while members" />
        <Stat label="RAC" value={formatInt(racNow(team))} />
        <Stat label="Rank" value={`#${formatInt(rank)}`} hint="by total credit" />
        <Stat label="Members" value={formatInt(memberCount)} />
      </div>
      <Section title="Members">
        <Table>
          <thead>
            <tr>
              <th>#</th>
              <th>Volunteer</th>
              <th>Country</th>
              <th className="text-right">Credit</th>
              <th className="text-right">RAC</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m, i) => (
              <tr key={m.id}>
                <td className="text-muted">{i + 1}</td>
                <td>
                  <Link className="text-accent-2 hover:underline" href={`/users/${m.id}`}>
                    {m.name}
                  </Link>
                </td>
                <td>{m.country || "—"}</td>
                <td className="text-right">{formatCredit(m.totalCredit)}</td>
                <td className="text-right">{formatInt(racNow(m))}</td>
              </tr>
            ))}
            {members.length === 0 ? (
              <tr>
                <td colSpan={5} className="py-6 text-center text-muted">
                  No members.
                </td>
              </tr>
            ) : null}
          </tbody>
        </Table>
        {memberCount > members.length ? (
          <p className="mt-2 text-xs text-muted">
            Showing the top {members.length} of {formatInt(memberCount)} members.
          </p>
        ) : null}
      </Section>
    </>
  );
}
