// Where the standings stand: before time zero, counting, waiting for the final export, or final.
import type { ChallengeDetail } from "@/lib/credit/challenges/queries";
import { formatDateTime } from "@/lib/format";

export function ChallengeNotice({ challenge: c }: { challenge: ChallengeDetail }) {
  let text: string;
  if (c.frozenAt)
    text = `Final standings: counted from the statistics export of ${formatDateTime(c.zeroExport ?? c.startsAt)} to that of ${formatDateTime(c.finalExport ?? c.endsAt)}.`;
  else if (c.phase === "upcoming")
    text =
      "Credit counts from the first statistics export at or after the start (time zero); credit granted before it does not count.";
  else if (!c.zeroExport)
    text =
      "Waiting for the first statistics export at or after the start: credit granted before it will not be counted.";
  else if (c.phase === "finished")
    text = `The challenge has ended. The standings become final with the first statistics export at or after the end; counted so far from ${formatDateTime(c.zeroExport)}.`;
  else
    text = `Counting since the statistics export of ${formatDateTime(c.zeroExport)} (time zero); standings follow each export.`;
  return (
    <p className="mt-4 rounded-lg border border-line bg-panel-2/60 px-4 py-3 text-sm" data-testid="challenge-notice">
      {text}
    </p>
  );
}
