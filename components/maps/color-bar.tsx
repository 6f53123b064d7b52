// A colour bar: the colour map's gradient, round-valued ticks from d3's linear scale
// (lib/maps/colorbar.ts), and the label with units. No hooks, so server and client pages use it.
import { colorbarCssGradient, colorbarTicks } from "@/lib/maps/colorbar";
import type { ColormapName } from "@/lib/maps/colormaps";

export function ColorBar({
  colormap,
  range,
  label,
  ticks = 5,
  note,
  className = "",
}: {
  colormap: ColormapName;
  range: readonly [number, number];
  label: string;
  ticks?: number;
  /** e.g. "survey range" or "this galaxy's 2–98 %". */
  note?: string;
  className?: string;
}) {
  const marks = colorbarTicks(range, ticks);
  const summary = `Colour bar ${label}, ${marks[0]?.text ?? range[0]} to ${marks.at(-1)?.text ?? range[1]}${note ? `, ${note}` : ""}`;
  return (
    <figure role="img" className={`text-[11px] leading-none ${className}`} aria-label={summary} data-testid="color-bar">
      <div
        className="relative h-2.5 rounded-sm ring-1 ring-white/15"
        style={{ background: colorbarCssGradient(colormap) }}
        title={`${label}: ${range[0]} to ${range[1]}; values beyond the ends take the end colours`}
      >
        {marks.map((t) => (
          <span
            key={t.value}
            aria-hidden
            className="absolute -bottom-1 h-1 w-px bg-text/80"
            style={{ left: `${t.position * 100}%` }}
          />
        ))}
      </div>
      <div className="tabular relative mt-1.5 h-3 text-muted" aria-hidden>
        {marks.map((t) => (
          <span
            key={t.value}
            className="absolute whitespace-nowrap"
            // Edge labels stay inside the bar's width.
            style={{
              left: `${t.position * 100}%`,
              transform: `translateX(${t.position < 0.05 ? "0" : t.position > 0.95 ? "-100%" : "-50%"})`,
            }}
          >
            {t.text}
          </span>
        ))}
      </div>
      <figcaption aria-hidden className="mt-1 flex items-baseline justify-between gap-2 text-text/90">
        <span>{label}</span>
        {note ? <span className="text-muted">{note}</span> : null}
      </figcaption>
    </figure>
  );
}
