// The home page's running challenges: each with its clock and three leading teams. Nothing when
// no challenge is running.
import Link from "next/link";
import { Section } from "@/components/ui/section";
import { getRunningChallenges } from "@/lib/credit/challenges/queries";
import { formatCredit } from "@/lib/format";
import { ChallengeClock } from "./challenge-clock";

export async function RunningChallenges() {
  const running = await getRunningChallenges();
  if (!running.length) return null;
  return (
    <Section
      title="Running challenges"
      aside={
        <Link className="text-sm text-accent-2" href="/challenges">
          All challenges →
        </Link>
      }
    >
      <ul className={`grid gap-3 ${running.length > 1 ? "md:grid-cols-2" : ""}`} data-testid="running-challenges">
        {running.map((c) => (
          <li key={c.id} className="rounded-xl border border-line bg-panel/60 p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link className="font-medium text-accent-2 hover:underline" href={`/challenges/${c.id}`}>
                {c.name}
              </Link>
              <span className="text-xs text-muted">
                <ChallengeClock startsAt={c.startsAt.toISOString()} endsAt={c.endsAt.toISOString()} />
              </span>
            </div>
            <ol className="mt-2 space-y-1 text-sm">
              {c.standings
                .filter((s) => s.credit > 0)
                .map((s) => (
                  <li key={s.team.id} className="flex justify-between gap-3">
                    <span>
                      <span className="text-muted">{s.rank}.</span>{" "}
                      <Link className="hover:underline" href={`/teams/${s.team.id}`}>
                        {s.team.name}
                      </Link>
                    </span>
                    <span className="tabular text-muted">{formatCredit(s.credit)}</span>
                  </li>
                ))}
              {c.standings.every((s) => s.credit <= 0) ? (
                <li className="text-muted">No credit counted yet: standings follow the next statistics export.</li>
              ) : null}
            </ol>
          </li>
        ))}
      </ul>
    </Section>
  );
}
