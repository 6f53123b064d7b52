// A small rounded label for a state (galaxy status, challenge phase, milestone kind). The tones are
// the theme's, so a badge reads in both themes with the contrast of its text colour.
import type { ReactNode } from "react";

export const BADGE_TONES = {
  neutral: "border-muted/40 text-muted",
  info: "border-accent-2/50 text-accent-2",
  ok: "border-ok/50 text-ok",
  accent: "border-accent/50 text-accent",
} as const;

export type BadgeTone = keyof typeof BADGE_TONES;

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-xs whitespace-nowrap ${BADGE_TONES[tone]}`}>
      {children}
    </span>
  );
}
