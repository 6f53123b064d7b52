// Upcoming, running, finished, or final (finished with its final export in: standings frozen).
import { Badge } from "@/components/ui/badge";
import type { ChallengePhase } from "@/lib/credit/challenges/window";

const TONE = { upcoming: "neutral", running: "ok", finished: "info", final: "accent" } as const;
const LABEL = { upcoming: "Upcoming", running: "Running", finished: "Finished", final: "Final" } as const;

export function PhaseBadge({ phase, frozen }: { phase: ChallengePhase; frozen: boolean }) {
  const key = frozen ? "final" : phase;
  return <Badge tone={TONE[key]}>{LABEL[key]}</Badge>;
}
