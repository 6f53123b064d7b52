// Vector layers drawn over a galaxy's images, in image pixel coordinates (see
// image-coordinates.ts): one volunteer's work units, all work units coloured by when they were
// processed, and the pixel under the readout. No hooks: used inside the deep-zoom panels' SVG and
// over the previews on the galaxy page alike. Strokes keep their screen width at every zoom.
import { boxesPath, fitsBoxToImageRect, type PixelBox } from "./image-coordinates";
import { progressBins } from "./progress-colors";

/** Above this many rectangles a volunteer's areas are one path rather than one element each. */
export const MAX_AREA_ELEMENTS = 2500;

export function VolunteerAreasLayer({
  areas,
  imageHeight,
  maxElements = MAX_AREA_ELEMENTS,
}: {
  areas: readonly PixelBox[];
  imageHeight: number;
  /** Above this many, one path (the small previews need no element per area). */
  maxElements?: number;
}) {
  const style = { fill: "rgb(255 255 255 / 0.22)", stroke: "rgb(255 255 255 / 0.95)", strokeWidth: 1.25 };
  if (areas.length > maxElements) {
    return (
      <path
        d={boxesPath(areas, imageHeight)}
        vectorEffect="non-scaling-stroke"
        {...style}
        data-testid="volunteer-areas"
      />
    );
  }
  return (
    <g data-testid="volunteer-areas" {...style}>
      {areas.map((box) => {
        const r = fitsBoxToImageRect(box, imageHeight);
        return (
          <rect
            key={box.join(",")}
            x={r.x}
            y={r.y}
            width={r.width}
            height={r.height}
            vectorEffect="non-scaling-stroke"
            data-area={box.join(",")}
          />
        );
      })}
    </g>
  );
}

export type ProgressBox = readonly [x0: number, y0: number, x1: number, y1: number, processedAt: number | null];

export function ProgressLayer({
  areas,
  first,
  last,
  imageHeight,
}: {
  areas: readonly ProgressBox[];
  first: number | null;
  last: number | null;
  imageHeight: number;
}) {
  const { bins, outstanding } = progressBins(areas, first, last);
  return (
    <g data-testid="progress-areas">
      {bins.map((bin) => (
        <path
          key={bin.color}
          d={boxesPath(bin.boxes, imageHeight)}
          fill={bin.color}
          fillOpacity={0.42}
          stroke={bin.color}
          strokeOpacity={0.9}
          strokeWidth={0.75}
          vectorEffect="non-scaling-stroke"
        />
      ))}
      {outstanding.length ? (
        <path
          d={boxesPath(outstanding, imageHeight)}
          fill="none"
          stroke="#c5cde8"
          strokeOpacity={0.85}
          strokeWidth={1}
          strokeDasharray="3 2"
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
    </g>
  );
}

/** The outline of one pixel (the readout's pixel), drawn twice so it shows on any colour. */
export function PixelMarker({
  x,
  y,
  imageHeight,
  pinned,
}: {
  x: number;
  y: number;
  imageHeight: number;
  pinned: boolean;
}) {
  const r = fitsBoxToImageRect([x, y, x + 1, y + 1], imageHeight);
  return (
    <g data-testid={pinned ? "pinned-pixel" : "hover-pixel"}>
      <rect
        x={r.x}
        y={r.y}
        width={1}
        height={1}
        fill="none"
        stroke="black"
        strokeWidth={3}
        vectorEffect="non-scaling-stroke"
      />
      <rect
        x={r.x}
        y={r.y}
        width={1}
        height={1}
        fill="none"
        stroke={pinned ? "#f5b94a" : "white"}
        strokeWidth={1.5}
        vectorEffect="non-scaling-stroke"
      />
    </g>
  );
}
