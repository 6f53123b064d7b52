import type { Metadata } from "next";
import { ChallengeTable } from "@/components/challenges/challenge-table";
import { Section } from "@/components/ui/section";
import { listChallenges } from "@/lib/credit/challenges/queries";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Challenges" };

export default async function ChallengesPage() {
  const { running, upcoming, finished } = await listChallenges();
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Team challenges</h1>
      <p className="mt-2 max-w-3xl text-sm text-muted">
        Teams race over a fixed window: a team scores the credit its members earn inside the window while they are
        members. Standings follow each BOINC statistics export and are final once the first export after the end is in.
        Times are UTC.
      </p>
      <Section title="Running">
        <ChallengeTable challenges={running} empty="No challenge is running now." />
      </Section>
      <Section title="Upcoming">
        <ChallengeTable challenges={upcoming} empty="No challenge is announced yet." />
      </Section>
      <Section title="Finished">
        <ChallengeTable challenges={finished} empty="No challenge has finished yet." />
      </Section>
    </>
  );
}
