// Links to the four neighbouring pixels (inside the image), to step through a region's fits.
import Link from "next/link";

export function PixelNeighbours({
  galaxyId,
  x,
  y,
  width,
  height,
}: {
  galaxyId: number;
  x: number;
  y: number;
  width: number;
  height: number;
}) {
  // As the maps draw the image: FITS row 0 at the bottom, so y + 1 is the pixel above.
  const steps = [
    { label: "← left", dx: -1, dy: 0 },
    { label: "right →", dx: 1, dy: 0 },
    { label: "↑ up", dx: 0, dy: 1 },
    { label: "↓ down", dx: 0, dy: -1 },
  ].filter((s) => x + s.dx >= 0 && x + s.dx < width && y + s.dy >= 0 && y + s.dy < height);
  return (
    <nav aria-label="Neighbouring pixels" className="flex flex-wrap gap-2 text-xs">
      {steps.map((s) => (
        <Link
          key={s.label}
          href={`/galaxies/${galaxyId}/pixels/${x + s.dx},${y + s.dy}`}
          className="rounded-md border border-line px-2 py-1 text-accent-2 hover:bg-panel-2"
          title={`pixel (${x + s.dx}, ${y + s.dy})`}
        >
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
