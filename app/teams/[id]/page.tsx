import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { CreditHistoryChart } from "@/components/credit/credit-history-chart";
import { SegmentedLinks } from "@/components/credit/segmented-links";
import { TeamMembersTable } from "@/components/credit/team-members-table";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Stat } from "@/components/ui/stat";
import { parseId } from "@/lib/api/params";
import { getTeam, getTeamDetails } from "@/lib/credit/team-page";
import { teamTypeName } from "@/lib/credit/team-types";
import { formatCredit, formatDate, formatInt } from "@/lib/format";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// generateMetadata and the page read the team once per request.
const teamOf = cache(async (raw: string) => {
  const id = parseId(raw);
  return id ? getTeam(id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const team = await teamOf((await params).id);
  return { title: team ? team.name : "Team not found" };
}

function membersQuery(params: Record<string, string | string[] | undefined>) {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const page = Number(one(params.page));
  return {
    by: one(params.sort) === "rac" ? ("rac" as const) : ("credit" as const),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

const link = "text-accent-2 hover:underline";

export default async function TeamPage({ params, searchParams }: Props) {
  const team = await teamOf((await params).id);
  if (!team) notFound();
  const members = membersQuery(await searchParams);
  const details = await getTeamDetails(team, members);
  const href = (by: "credit" | "rac", page: number) =>
    `/teams/${team.id}?${new URLSearchParams({ ...(by === "rac" ? { sort: "rac" } : {}), ...(page > 1 ? { page: String(page) } : {}) })}#members`;
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">{team.name}</h1>
      <p className="mt-1 text-sm text-muted">
        {teamTypeName(team.type)}
        {team.country ? ` · ${team.country}` : ""} · founded {formatDate(team.createTime)}
        {team.founder.name ? (
          <>
            {" "}
            by{" "}
            {team.founder.id ? (
              <Link className={link} href={`/users/${team.founder.id}`}>
                {team.founder.name}
              </Link>
            ) : (
              team.founder.name
            )}
          </>
        ) : null}
        {team.url ? (
          <>
            {" · "}
            <a className={link} href={team.url} rel="nofollow ugc noopener noreferrer" target="_blank">
              website
            </a>
          </>
        ) : null}
      </p>
      {team.description ? (
        <p className="mt-3 max-w-3xl text-sm whitespace-pre-line" data-testid="team-description">
          {team.description}
        </p>
      ) : null}
      <div className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Total credit" value={formatCredit(team.totalCredit)} hint="earned by members while members" />
        <Stat label="RAC" value={formatInt(team.rac)} hint="credits a day, now" />
        <Stat
          label="Rank"
          value={`#${formatInt(details.creditRank)}`}
          hint={`by credit · #${formatInt(details.racRank)} by RAC`}
        />
        <Stat label="Members" value={formatInt(team.memberCount)} hint="at the newest statistics export" />
      </div>
      <Section title="Credit history">
        <CreditHistoryChart
          title={`${team.name}: total credit and RAC at each statistics export`}
          history={details.history}
          who={team.name}
        />
      </Section>
      <div id="members">
        <Section
          title="Members"
          aside={
            <SegmentedLinks
              label="Sort members by"
              options={[
                { href: href("credit", 1), label: "Total credit", current: members.by === "credit" },
                { href: href("rac", 1), label: "RAC", current: members.by === "rac" },
              ]}
            />
          }
        >
          <TeamMembersTable members={details.members.members} />
          <p className="mt-2 text-xs text-muted">
            {formatInt(details.members.total)} members listed; volunteers who asked to be left out of public lists are
            not shown.
          </p>
          {details.members.pageCount > 1 ? (
            <Pagination
              page={details.members.page}
              pageCount={details.members.pageCount}
              href={(page) => href(members.by, page)}
            />
          ) : null}
        </Section>
      </div>
    </>
  );
}
