import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClockStat } from "@/components/challenges/clock-stat";
import { ChallengeNotice } from "@/components/challenges/challenge-notice";
import { PhaseBadge } from "@/components/challenges/phase-badge";
import { RaceChart } from "@/components/challenges/race-chart";
import { ScoringNote } from "@/components/challenges/scoring-note";
import { StandingsTable } from "@/components/challenges/standings-table";
import { formatShortTime, formatWindow } from "@/components/challenges/time-text";
import { Section } from "@/components/ui/section";
import { Stat } from "@/components/ui/stat";
import { parseId } from "@/lib/api/params";
import { getChallengeDetail } from "@/lib/credit/challenges/queries";
import { formatCredit, formatInt } from "@/lib/format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page read the challenge once per request.
const challengeOf = cache(async (raw: string) => {
  const id = parseId(raw);
  return id ? getChallengeDetail(id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const challenge = await challengeOf((await params).id);
  return { title: challenge ? challenge.name : "Challenge not found" };
}

export default async function ChallengePage({ params }: Props) {
  const c = await challengeOf((await params).id);
  if (!c) notFound();
  const leader = c.standings[0]?.credit ? c.standings[0] : null;
  const days = (c.endsAt.getTime() - c.startsAt.getTime()) / 86_400_000;
  return (
    <>
      <p className="text-sm text-muted">
        <Link href="/challenges" className="hover:text-text">
          Challenges
        </Link>
      </p>
      <h1 className="mt-1 flex flex-wrap items-center gap-3 text-3xl font-semibold tracking-tight">
        {c.name} <PhaseBadge phase={c.phase} frozen={c.frozenAt !== null} />
      </h1>
      <p className="mt-1 text-sm text-muted">
        {formatWindow(c.startsAt, c.endsAt)} UTC ({days % 1 ? days.toFixed(1) : days} days) ·{" "}
        {c.openToAll ? "open to every team" : `${formatInt(c.teams.length)} team${c.teams.length === 1 ? "" : "s"}`}
      </p>
      {c.description ? <p className="mt-3 max-w-3xl">{c.description}</p> : null}
      <div className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        <ClockStat startsAt={c.startsAt} endsAt={c.endsAt} />
        <Stat
          label="Teams scoring"
          value={formatInt(c.standings.filter((s) => s.credit > 0).length)}
          hint={`of ${formatInt(c.teamCount)}`}
        />
        <Stat
          label="Leader"
          value={leader ? formatCredit(leader.credit) : "—"}
          hint={leader?.name ?? "no credit yet"}
        />
        <Stat
          label="Standings updated"
          value={c.standingsUpdatedAt ? formatShortTime(c.standingsUpdatedAt) : "—"}
          hint={
            c.standingsUpdatedAt ? `UTC${c.frozenAt ? ", final" : ", after the last statistics import"}` : "not yet"
          }
        />
      </div>
      <ChallengeNotice challenge={c} />
      {c.standings.length ? (
        <>
          <Section title="The race">
            <RaceChart challenge={c} />
          </Section>
          <Section title="Standings">
            <StandingsTable challenge={c} />
          </Section>
        </>
      ) : (
        <Section title="Teams taking part">
          {c.openToAll ? (
            <p className="text-sm">Every team: the standings list the teams whose members earn credit.</p>
          ) : c.teams.length === 0 ? (
            <p className="text-sm text-muted">
              {c.phase === "finished" ? "No team took part." : "No team takes part yet."}
            </p>
          ) : (
            <ul className="flex flex-wrap gap-2 text-sm" data-testid="challenge-teams">
              {c.teams.map((t) => (
                <li key={t.team.id} className="rounded-full border border-line px-3 py-1">
                  <Link className="text-accent-2 hover:underline" href={`/teams/${t.team.id}`}>
                    {t.team.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      <Section title="How the standings are counted">
        <ScoringNote />
      </Section>
    </>
  );
}
