// One page of a leaderboard: rank, name (linked), team or member count, country, credit, RAC.
import Link from "next/link";
import { Table } from "@/components/ui/section";
import type { LeaderboardKind, LeaderboardOrder } from "@/lib/credit/leaderboard-params";
import type { LeaderboardRow } from "@/lib/credit/leaderboard-types";
import { formatCredit, formatInt } from "@/lib/format";

const link = "text-accent-2 hover:underline";

export function LeaderboardTable({
  kind,
  by,
  rows,
  marked,
  emptyText,
}: {
  kind: LeaderboardKind;
  by: LeaderboardOrder;
  rows: readonly LeaderboardRow[];
  marked: number | null;
  emptyText: string;
}) {
  const third = kind === "users" ? "Team" : kind === "teams" ? "Members" : "Volunteers";
  // On a phone the list keeps the value it is ordered by; the other one needs a wider screen.
  const credit = `text-right ${by === "credit" ? "" : "hidden sm:table-cell"}`;
  const rac = `text-right ${by === "rac" ? "" : "hidden sm:table-cell"}`;
  return (
    <Table>
      <thead>
        <tr>
          <th className="w-16">Rank</th>
          <th>{kind === "users" ? "Volunteer" : kind === "teams" ? "Team" : "Country"}</th>
          <th className={kind === "users" ? "" : "text-right"}>{third}</th>
          {kind === "countries" ? null : <th className="hidden sm:table-cell">Country</th>}
          <th className={credit}>Total credit</th>
          <th className={rac}>RAC</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.id}
            id={`rank-${r.id}`}
            className={r.id === marked ? "bg-accent/15" : undefined}
            aria-current={r.id === marked ? "true" : undefined}
          >
            <td className="text-muted">{formatInt(r.rank)}</td>
            <td>
              {kind === "countries" ? (
                r.name
              ) : (
                <Link className={link} href={`/${kind}/${r.id}`}>
                  {r.name}
                </Link>
              )}
            </td>
            {kind === "users" ? (
              <td>
                {r.team ? (
                  <Link className={link} href={`/teams/${r.team.id}`}>
                    {r.team.name}
                  </Link>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </td>
            ) : (
              <td className="text-right">{formatInt(r.members ?? 0)}</td>
            )}
            {kind === "countries" ? null : <td className="hidden sm:table-cell">{r.country || "—"}</td>}
            <td className={credit}>{formatCredit(r.totalCredit)}</td>
            <td className={rac}>{formatInt(r.rac)}</td>
          </tr>
        ))}
        {rows.length === 0 ? (
          <tr>
            <td colSpan={6} className="py-8 text-center text-muted">
              {emptyText}
            </td>
          </tr>
        ) : null}
      </tbody>
    </Table>
  );
}
