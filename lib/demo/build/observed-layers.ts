// The registered layers of a galaxy, in wavelength order: the fluxes a work unit is sent, which
// the demo writes into each pixel's `.fit` block.
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { readFits, readImage } from "@/lib/fits";
import type { ObservedLayer } from "./demo-results";

export async function readObservedLayers(db: Db, dataDir: string, galaxyId: number): Promise<ObservedLayer[]> {
  const layers = await db.layer.findMany({
    where: { galaxyId },
    include: { filter: true },
    orderBy: { filter: { effLambda: "asc" } },
  });
  const out: ObservedLayer[] = [];
  for (const l of layers) {
    const fits = await readFits(path.join(dataDir, l.imagePath));
    const image = readImage(fits, "IMAGE", { type: "float32" }).data as Float32Array;
    const sigma = l.sigmaPath ? (readImage(fits, "SIGMA", { type: "float32" }).data as Float32Array) : null;
    out.push({ filterName: l.filter.name, image, sigma });
  }
  return out;
}
