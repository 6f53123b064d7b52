// Legend of the progress overlay: the colour of a work unit by when its results arrived (UTC),
// and the dashed outline of work units still outstanding.
import { progressCssGradient, progressTicks } from "./progress-colors";

export function ProgressLegend({
  first,
  last,
  outstanding,
}: {
  first: number | null;
  last: number | null;
  outstanding: number;
}) {
  const ticks = first !== null && last !== null ? progressTicks(first, last) : [];
  return (
    <figure className="text-[11px] leading-none" data-testid="progress-legend" aria-label="Progress overlay legend">
      {ticks.length ? (
        <>
          <div className="relative h-2.5 rounded-sm ring-1 ring-white/15" style={{ background: progressCssGradient() }}>
            {ticks.map((t) => (
              <span
                key={t.text}
                aria-hidden
                className="absolute -bottom-1 h-1 w-px bg-text/80"
                style={{ left: `${t.position * 100}%` }}
              />
            ))}
          </div>
          <div className="tabular relative mt-1.5 h-3 text-muted">
            {ticks.map((t) => (
              <span
                key={t.text}
                className="absolute whitespace-nowrap"
                style={{
                  left: `${t.position * 100}%`,
                  transform: `translateX(${t.position < 0.08 ? "0" : t.position > 0.92 ? "-100%" : "-50%"})`,
                }}
              >
                {t.text}
              </span>
            ))}
          </div>
        </>
      ) : null}
      <figcaption className="mt-1 flex flex-wrap items-center justify-between gap-x-3 gap-y-1 text-text/90">
        <span>Work units by when their results arrived (UTC)</span>
        <span className="flex items-center gap-1.5 text-muted">
          <span aria-hidden className="inline-block h-2.5 w-3.5 border border-dashed border-[#c5cde8]" />
          {outstanding} outstanding
        </span>
      </figcaption>
    </figure>
  );
}
