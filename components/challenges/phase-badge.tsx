// Upcoming, running, finished, or final (finished with its final export in: standings frozen).
import type { ChallengePhase } from "@/lib/credit/challenges/window";

const TONE = {
  upcoming: "border-muted/40 text-muted",
  running: "border-ok/50 text-ok",
  finished: "border-accent-2/50 text-accent-2",
  final: "border-accent/50 text-accent",
};

export function PhaseBadge({ phase, frozen }: { phase: ChallengePhase; frozen: boolean }) {
  const key = frozen ? "final" : phase;
  const label = { upcoming: "Upcoming", running: "Running", finished: "Finished", final: "Final" }[key];
  return <span className={`inline-block rounded-full border px-2 py-0.5 text-xs ${TONE[key]}`}>{label}</span>;
}
