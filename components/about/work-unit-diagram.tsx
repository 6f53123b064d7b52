// A sketch of how a galaxy's pixels become work units: strips seven pixels tall cut into
// rectangles, some already returned by volunteers (filled), others still out (outlined).
const STRIPS: readonly (readonly [width: number, done: boolean][])[] = [
  [
    [5, true],
    [4, true],
    [6, false],
    [5, false],
  ],
  [
    [4, true],
    [3, true],
    [3, true],
    [4, false],
    [6, false],
  ],
  [
    [6, true],
    [5, false],
    [4, true],
    [5, false],
  ],
];

export function WorkUnitDiagram() {
  const unit = 12;
  const height = 7;
  return (
    <figure className="min-w-0">
      <svg
        viewBox={`0 0 ${20 * unit} ${STRIPS.length * height * unit}`}
        className="h-auto w-full rounded-lg bg-ink ring-1 ring-line"
        role="img"
        aria-label="Diagram: a galaxy image cut into strips seven pixels tall, each strip into rectangles; filled rectangles are work units already returned, outlined ones are still being computed"
      >
        {STRIPS.map((strip, row) => {
          let x = 0;
          return strip.map(([w, done]) => {
            const rect = (
              <rect
                key={`${row}-${x}`}
                x={x * unit + 1.5}
                y={row * height * unit + 1.5}
                width={w * unit - 3}
                height={height * unit - 3}
                rx={3}
                className={done ? "fill-accent-2/60 stroke-accent-2" : "fill-transparent stroke-muted"}
                strokeWidth={1.5}
                strokeDasharray={done ? undefined : "4 3"}
              />
            );
            x += w;
            return rect;
          });
        })}
      </svg>
      <figcaption className="mt-1.5 text-xs text-muted">
        Work units of one galaxy: filled ones returned by two volunteers, dashed ones still out.
      </figcaption>
    </figure>
  );
}
