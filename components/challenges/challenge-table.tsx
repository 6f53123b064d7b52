// A list of challenges: name, window, teams, the leader and the clock.
import Link from "next/link";
import { Table } from "@/components/ui/section";
import type { ChallengeSummary } from "@/lib/credit/challenges/queries";
import { formatCredit, formatInt } from "@/lib/format";
import { ChallengeClock } from "./challenge-clock";
import { PhaseBadge } from "./phase-badge";
import { formatWindow } from "./time-text";

export function ChallengeTable({ challenges, empty }: { challenges: ChallengeSummary[]; empty: string }) {
  if (!challenges.length) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <Table>
      <thead>
        <tr>
          <th>Challenge</th>
          <th className="hidden md:table-cell">Window (UTC)</th>
          <th>Teams</th>
          <th>Leader</th>
          <th className="text-right">Clock</th>
        </tr>
      </thead>
      <tbody>
        {challenges.map((c) => {
          const leader = c.standings[0];
          return (
            <tr key={c.id}>
              <td>
                <Link className="font-medium text-accent-2 hover:underline" href={`/challenges/${c.id}`}>
                  {c.name}
                </Link>{" "}
                <PhaseBadge phase={c.phase} frozen={c.frozenAt !== null} />
              </td>
              <td className="hidden whitespace-nowrap text-muted md:table-cell">
                {formatWindow(c.startsAt, c.endsAt)}
              </td>
              <td>{c.openToAll ? "open to all" : formatInt(c._count.teams)}</td>
              <td>
                {leader ? (
                  <>
                    <Link className="hover:underline" href={`/teams/${leader.team.id}`}>
                      {leader.team.name}
                    </Link>{" "}
                    <span className="text-muted">{formatCredit(leader.credit)}</span>
                  </>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </td>
              <td className="text-right whitespace-nowrap text-muted">
                <ChallengeClock startsAt={c.startsAt.toISOString()} endsAt={c.endsAt.toISOString()} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
