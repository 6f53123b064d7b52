// The marks of a pixel's SED: the best-fit model's fluxes as diamonds joined by a line, and each
// observed flux as a point with its 1σ error bar (cut at the plot's floor when σ reaches below it).
import { line } from "d3";
import type { SedGeometry, SedPoint } from "./sed-model";

export function SedMarks({ geometry: g, height }: { geometry: SedGeometry; height: number }) {
  const model = line<SedPoint>()
    .defined((p) => p.model !== null && p.model > 0)
    .x((p) => g.x(p.wavelength))
    .y((p) => g.y(p.model!))(g.points);
  return (
    <>
      {model ? (
        <path
          d={model}
          fill="none"
          className="stroke-accent"
          strokeOpacity={0.6}
          strokeWidth={1.5}
          data-series="model"
        />
      ) : null}
      {g.points.map((p) =>
        p.model !== null && p.model > 0 ? (
          <rect
            key={`m${p.filter}`}
            x={-4.5}
            y={-4.5}
            width={9}
            height={9}
            transform={`translate(${g.x(p.wavelength)},${g.y(p.model)}) rotate(45)`}
            className="fill-none stroke-accent"
            strokeWidth={1.5}
          />
        ) : null,
      )}
      {g.points.map((p) =>
        p.observed !== null && p.observed > 0 ? (
          <g key={`o${p.filter}`} className="text-accent-2" data-series="observed">
            <path
              d={`M${g.x(p.wavelength)},${Math.min(height, g.y(Math.max(p.observed - (p.sigma ?? 0), g.y.domain()[0])))}V${g.y(p.observed + (p.sigma ?? 0))}`}
              stroke="currentColor"
              strokeWidth={1.5}
            />
            <circle cx={g.x(p.wavelength)} cy={g.y(p.observed)} r={3} fill="currentColor" />
          </g>
        ) : null,
      )}
    </>
  );
}
