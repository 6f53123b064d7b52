// The clock as one of the page's headline numbers (the Stat box, with a live value).
import { ChallengeClock } from "./challenge-clock";

export function ClockStat({ startsAt, endsAt }: { startsAt: Date; endsAt: Date }) {
  return (
    <div className="rounded-xl border border-line bg-panel/80 p-4">
      <div className="text-xs tracking-wide text-muted uppercase">Clock</div>
      <div className="tabular mt-1 text-lg leading-snug font-semibold sm:text-xl">
        <ChallengeClock startsAt={startsAt.toISOString()} endsAt={endsAt.toISOString()} />
      </div>
      <div className="mt-1 text-xs text-muted">UTC window, to the minute</div>
    </div>
  );
}
