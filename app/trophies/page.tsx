import type { Metadata } from "next";
import { TrophyCard } from "@/components/trophies/trophy-card";
import { Section } from "@/components/ui/section";
import { getTrophyList } from "@/lib/credit/trophies/pages";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Trophies" };

export default async function TrophiesPage() {
  const groups = await getTrophyList();
  return (
    <>
      <h1 className="text-2xl font-semibold">Trophies</h1>
      <p className="mt-1 max-w-3xl text-sm text-muted">
        Awarded after every statistics import and every batch of results. Credit, RAC, galaxy and time trophies are kept
        once reached; leaderboard and RAC-percentile trophies say where a volunteer stands now, so they are re-judged
        each time, only the best one is kept, and they pass on when someone else takes the place.
      </p>
      {groups.length === 0 ? (
        <p className="mt-6 text-sm text-muted">No trophies yet: they appear with the first award run.</p>
      ) : null}
      {groups.map((g) => (
        <Section key={g.kind} title={g.title}>
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {g.trophies.map((t) => (
              <li key={t.id}>
                <TrophyCard trophy={t} />
              </li>
            ))}
          </ul>
        </Section>
      ))}
    </>
  );
}
