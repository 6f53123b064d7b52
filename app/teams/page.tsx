import type { Metadata } from "next";
import Link from "next/link";
import { NameSearchForm } from "@/components/credit/name-search-form";
import { SegmentedLinks } from "@/components/credit/segmented-links";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/section";
import { teamDirectoryHref, teamDirectoryQueryFrom, type TeamDirectoryQuery } from "@/lib/credit/team-list-params";
import { teamTypeName } from "@/lib/credit/team-types";
import { getTeamDirectory } from "@/lib/credit/teams-directory";
import { formatCredit, formatInt } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Teams" };

const SORTS = [
  { sort: "credit", label: "Total credit" },
  { sort: "rac", label: "RAC" },
  { sort: "members", label: "Members" },
] as const;

export default async function TeamsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = teamDirectoryQueryFrom(await searchParams);
  const list = await getTeamDirectory(query);
  const to = (change: Partial<TeamDirectoryQuery>) => teamDirectoryHref({ ...query, ...change });
  return (
    <>
      <h1 className="text-2xl font-semibold">Teams</h1>
      <p className="mt-1 max-w-3xl text-sm text-muted">
        Volunteers compete together in BOINC teams. A team&apos;s credit is what its members earned while they were
        members; members are counted at the newest statistics export.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <SegmentedLinks
          label="Sort teams by"
          options={SORTS.map((s) => ({
            href: to({ sort: s.sort, page: 1 }),
            label: s.label,
            current: s.sort === query.sort,
          }))}
        />
        <NameSearchForm
          action="/teams"
          q={query.q}
          keep={query.sort === "credit" ? {} : { sort: query.sort }}
          placeholder="Team name contains…"
          clearHref={to({ q: undefined, page: 1 })}
        />
      </div>
      <p className="mt-3 text-sm text-muted">
        {formatInt(list.total)} {query.q ? `teams matching “${query.q}”` : "teams"}
      </p>
      <div className="mt-2">
        <Table>
          <thead>
            <tr>
              <th className="w-16">Rank</th>
              <th>Team</th>
              <th className="hidden md:table-cell">Type</th>
              <th className="hidden sm:table-cell">Country</th>
              <th className="text-right">Members</th>
              <th className="text-right">Total credit</th>
              <th className="text-right">RAC</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((t) => (
              <tr key={t.id}>
                <td className="text-muted">{formatInt(t.rank)}</td>
                <td>
                  <Link className="text-accent-2 hover:underline" href={`/teams/${t.id}`}>
                    {t.name}
                  </Link>
                </td>
                <td className="hidden md:table-cell">{teamTypeName(t.type)}</td>
                <td className="hidden sm:table-cell">{t.country || "—"}</td>
                <td className="text-right">{formatInt(t.members ?? 0)}</td>
                <td className="text-right">{formatCredit(t.totalCredit)}</td>
                <td className="text-right">{formatInt(t.rac)}</td>
              </tr>
            ))}
            {list.rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="py-8 text-center text-muted">
                  {query.q ? "No team matches." : "No teams yet."}
                </td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </div>
      <Pagination page={list.page} pageCount={list.pageCount} href={(page) => to({ page })} />
    </>
  );
}
