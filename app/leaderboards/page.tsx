import type { Metadata } from "next";
import { JumpToMyRank } from "@/components/credit/jump-to-my-rank";
import { LeaderboardTable } from "@/components/credit/leaderboard-table";
import { NameSearchForm } from "@/components/credit/name-search-form";
import { RacExplainer } from "@/components/credit/rac-explainer";
import { SegmentedLinks } from "@/components/credit/segmented-links";
import { Pagination } from "@/components/ui/pagination";
import { leaderboardHref, leaderboardQueryFrom, type LeaderboardQuery } from "@/lib/credit/leaderboard-params";
import { getLeaderboard } from "@/lib/credit/leaderboards";
import { formatDateTime, formatInt } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Leaderboards" };

const KINDS = [
  { kind: "users", label: "Volunteers" },
  { kind: "teams", label: "Teams" },
  { kind: "countries", label: "Countries" },
] as const;

const NOUN = { users: "volunteers", teams: "teams", countries: "countries" } as const;

export default async function LeaderboardsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const asked = leaderboardQueryFrom(await searchParams);
  const board = await getLeaderboard(asked);
  const query = board.query;
  const to = (change: Partial<LeaderboardQuery>) => leaderboardHref({ ...query, around: undefined, ...change });
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Leaderboards</h1>
          <p className="mt-1 max-w-3xl text-sm text-muted">
            Volunteers, teams and countries ranked by total credit or by RAC. Equal values share a rank and are listed
            by BOINC id.{" "}
            {board.exportTime ? `Credit as of the statistics export of ${formatDateTime(board.exportTime)}; ` : ""}
            RAC as of now.
          </p>
        </div>
        {query.kind === "users" ? <JumpToMyRank by={query.by} /> : null}
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <SegmentedLinks
          label="List"
          options={KINDS.map((k) => ({
            href: to({ kind: k.kind, page: 1, q: undefined }),
            label: k.label,
            current: k.kind === query.kind,
          }))}
        />
        <SegmentedLinks
          label="Order"
          options={[
            { href: to({ by: "credit", page: 1 }), label: "Total credit", current: query.by === "credit" },
            { href: to({ by: "rac", page: 1 }), label: "RAC", current: query.by === "rac" },
          ]}
        />
        <NameSearchForm
          action="/leaderboards"
          q={query.q}
          keep={{ kind: query.kind, by: query.by }}
          placeholder={`${query.kind === "countries" ? "Country" : "Name"} contains…`}
          clearHref={to({ q: undefined, page: 1 })}
        />
      </div>
      {query.by === "rac" ? <RacExplainer className="mt-3 max-w-3xl" /> : null}
      <p className="mt-3 text-sm text-muted">
        {query.q
          ? `${formatInt(board.total)} ${NOUN[query.kind]} matching “${query.q}”`
          : `${formatInt(board.total)} ${NOUN[query.kind]}`}
        {board.aroundNotListed ? " · that volunteer is not in the public lists" : ""}
      </p>
      <div className="mt-2">
        <LeaderboardTable
          kind={query.kind}
          by={query.by}
          rows={board.rows}
          marked={board.marked}
          emptyText={query.q ? "Nobody matches." : "Nothing to rank yet: no statistics have been imported."}
        />
      </div>
      <Pagination page={board.page} pageCount={board.pageCount} href={(page) => to({ page })} />
    </>
  );
}
