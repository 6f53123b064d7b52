// The standings: rank, team (with its line's colour in the race), credit, contributing members
// and the team's top contributors inside the challenge.
import Link from "next/link";
import { SERIES_COLORS } from "@/components/charts/chart-format";
import { Table } from "@/components/ui/section";
import type { ChallengeDetail } from "@/lib/credit/challenges/queries";
import { formatCredit, formatInt } from "@/lib/format";

export function StandingsTable({ challenge }: { challenge: ChallengeDetail }) {
  const racing = new Set(challenge.points.map((p) => p.teamId));
  let colour = 0;
  return (
    <Table>
      <thead>
        <tr>
          <th>#</th>
          <th>Team</th>
          <th className="text-right">Credit</th>
          <th className="hidden text-right sm:table-cell">Volunteers</th>
          <th className="hidden md:table-cell">Top contributors</th>
        </tr>
      </thead>
      <tbody data-testid="standings">
        {challenge.standings.map((s) => {
          const swatch = racing.has(s.teamId) ? SERIES_COLORS[colour++ % SERIES_COLORS.length] : null;
          return (
            <tr key={s.teamId}>
              <td className="text-muted">{s.rank}</td>
              <td>
                {swatch ? (
                  <span aria-hidden className="mr-2 inline-block h-2 w-2 rounded-full" style={{ background: swatch }} />
                ) : null}
                <Link className="text-accent-2 hover:underline" href={`/teams/${s.teamId}`}>
                  {s.name}
                </Link>
                <div className="mt-0.5 text-xs text-muted md:hidden">
                  <TopContributors people={s.topContributors} />
                </div>
              </td>
              <td className="text-right">{formatCredit(s.credit)}</td>
              <td className="hidden text-right sm:table-cell">{formatInt(s.members)}</td>
              <td className="hidden text-muted md:table-cell">
                <TopContributors people={s.topContributors} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

function TopContributors({ people }: { people: { id: number; name: string; credit: number }[] }) {
  if (!people.length) return <>—</>;
  return people.map((u, i) => (
    <span key={u.id}>
      {i > 0 ? " · " : ""}
      <Link className="text-text hover:underline" href={`/users/${u.id}`}>
        {u.name}
      </Link>{" "}
      {formatCredit(u.credit)}
    </span>
  ));
}
