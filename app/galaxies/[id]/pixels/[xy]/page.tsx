import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PdfGrid } from "@/components/inspector/pdf-grid";
import { formatStatistic } from "@/components/inspector/plot-format";
import { PixelFacts } from "@/components/inspector/pixel-facts";
import { PixelNeighbours } from "@/components/inspector/pixel-neighbours";
import { SedPlot } from "@/components/inspector/sed-plot";
import { StatisticsTable } from "@/components/inspector/statistics-table";
import { Section } from "@/components/ui/section";
import { parseId } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { inspectPixel, noResultMessage, parsePixelPath } from "@/lib/survey/pixel-inspection";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; xy: string }> };

// generateMetadata and the page read the pixel once per request.
const inspectionOf = cache(async (rawId: string, rawXy: string) => {
  const id = parseId(rawId);
  const pixel = parsePixelPath(rawXy);
  if (!id || !pixel) return null;
  return { pixel, result: await inspectPixel(db(), id, pixel.x, pixel.y) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, xy } = await params;
  const found = await inspectionOf(id, xy);
  if (!found || found.result.kind === "galaxy-not-found" || found.result.kind === "outside")
    return { title: "Pixel not found" };
  const name = found.result.kind === "ok" ? found.result.inspection.galaxy.name : found.result.name;
  return {
    title: `Pixel (${found.pixel.x}, ${found.pixel.y}) of ${name}`,
    description: `What a POGS volunteer's computer computed for pixel (${found.pixel.x}, ${found.pixel.y}) of ${name}: the MAGPHYS fit of its fluxes and the PDFs of 16 physical parameters.`,
  };
}

const sentence = (s: string) => `${s[0].toUpperCase()}${s.slice(1)}.`;

export default async function PixelPage({ params }: Props) {
  const { id, xy } = await params;
  const found = await inspectionOf(id, xy);
  if (!found || found.result.kind === "galaxy-not-found" || found.result.kind === "outside") notFound();
  const { pixel, result } = found;
  const galaxyId = Number(id);
  const back = (
    <Link href={`/galaxies/${galaxyId}`} className="text-accent-2 hover:underline">
      {result.kind === "ok" ? result.inspection.galaxy.name : result.name}
    </Link>
  );
  if (result.kind === "no-result")
    return (
      <>
        <p className="text-sm text-muted">{back}</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">
          Pixel ({pixel.x}, {pixel.y})
        </h1>
        <p className="mt-4 max-w-2xl text-muted" data-testid="pixel-no-result">
          {sentence(noResultMessage(result, pixel))}
        </p>
        <p className="mt-2 text-sm">
          <Link href={`/galaxies/${galaxyId}`} className="text-accent-2 hover:underline">
            Open the galaxy&apos;s maps
          </Link>{" "}
          <span className="text-muted">and pick a fitted pixel in the viewer to inspect it.</span>
        </p>
      </>
    );

  const p = result.inspection;
  const measured = p.fluxes?.filter((f) => f.observed !== null).length ?? 0;
  return (
    <>
      <p className="text-sm text-muted">{back} · pixel inspector</p>
      <div className="mt-1 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">
          Pixel ({p.x}, {p.y})
        </h1>
        <PixelNeighbours galaxyId={galaxyId} x={p.x} y={p.y} width={p.galaxy.width} height={p.galaxy.height} />
      </div>
      <p className="mt-2 max-w-3xl text-sm text-muted">
        What a volunteer&apos;s computer computed for this pixel: MAGPHYS compared the fluxes observed in each band with
        a library of galaxy models (stars and dust), kept the best fit, and weighed every model by how well it fits to
        give a probability distribution (PDF) for each of 16 physical parameters.
      </p>

      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
          {p.fluxes ? (
            <SedPlot
              fluxes={p.fluxes}
              summary={`Fluxes observed in ${measured} of ${p.fluxes.length} bands with their 1σ errors, and the fluxes of the best-fit model (χ² ${formatStatistic(p.bestFitModel.chi2)}), against wavelength on logarithmic axes.`}
            />
          ) : (
            <p className="rounded-xl border border-line bg-panel/60 p-4 text-sm text-muted">
              This result was stored before the portal kept the fluxes of the .fit file, so its SED cannot be drawn; the
              PDFs below are complete.
            </p>
          )}
        </div>
        <PixelFacts p={p} />
      </div>

      <Section title="The 16 parameters: marginal PDFs">
        <PdfGrid parameters={p.parameters} />
      </Section>

      <Section title="All statistics">
        <StatisticsTable parameters={p.parameters} />
        <p className="mt-2 text-xs text-muted">
          sSFR, M*, L<sub>dust</sub>, M<sub>dust</sub> and SFR are log10 in every statistic, as MAGPHYS gives their
          PDFs. The same numbers as JSON:{" "}
          <a
            className="font-mono text-accent-2 hover:underline"
            href={`/api/galaxies/${galaxyId}/pixels/${p.x},${p.y}`}
          >
            /api/galaxies/{galaxyId}/pixels/{p.x},{p.y}
          </a>
        </p>
      </Section>
    </>
  );
}
