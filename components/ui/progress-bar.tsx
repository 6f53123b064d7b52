import { formatPercent } from "@/lib/format";

export function ProgressBar({ fraction, label }: { fraction: number; label?: string }) {
  const pct = Math.max(0, Math.min(1, fraction));
  return (
    <div className="w-full">
      <div
        role="progressbar"
        aria-label={label ?? "progress"}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct * 100)}
        className="h-2 w-full overflow-hidden rounded-full bg-panel-2"
      >
        <div
          className="h-full rounded-full bg-gradient-to-r from-accent-2 to-accent"
          style={{ width: `${pct * 100}%` }}
        />
      </div>
      <div className="tabular mt-1 text-xs text-muted">{formatPercent(pct)}</div>
    </div>
  );
}
