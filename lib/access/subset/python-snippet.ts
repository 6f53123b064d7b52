/**
 * The copy-paste Python of a galaxy's data page: download a cutout from this portal with the
 * standard library and open it with astropy (checksums verified), then pick a statistic's plane
 * by name and use the WCS. Pure, so the page and a test make the same text.
 */
import { sodaQuery, type RegionChoice } from "./soda-query";

export interface SnippetGalaxy {
  id: number;
  name: string;
  did: string;
  width: number;
  height: number;
}

/** A centred box of up to 64 × 64 pixels, in PIXELS' 1-based inclusive terms. */
export function snippetBox(g: { width: number; height: number }): Extract<RegionChoice, { kind: "pixels" }> {
  const side = (n: number) => Math.min(64, n);
  const start = (n: number) => Math.floor((n - side(n)) / 2) + 1;
  return {
    kind: "pixels",
    x1: start(g.width),
    x2: start(g.width) + side(g.width) - 1,
    y1: start(g.height),
    y2: start(g.height) + side(g.height) - 1,
  };
}

export function pythonSnippet(origin: string, g: SnippetGalaxy): string {
  const box = snippetBox(g);
  const query = sodaQuery({
    ids: [g.did],
    region: box,
    parameters: ["m", "sfr"],
    statistics: ["percentile_50", "percentile_16", "percentile_84"],
    format: "fits",
  });
  const pairs = [...query.entries()].map(([k, v]) => `    (${JSON.stringify(k)}, ${JSON.stringify(v)}),`).join("\n");
  return `# ${g.name}: stellar mass and SFR (median, 16th and 84th percentiles) of a ${box.x2 - box.x1 + 1}×${box.y2 - box.y1 + 1}-pixel cutout
import io
import urllib.parse
import urllib.request

from astropy.io import fits
from astropy.wcs import WCS

PORTAL = ${JSON.stringify(origin)}
query = urllib.parse.urlencode([
${pairs}
])  # PIXELS is 1-based and inclusive; or ("CIRCLE", "ra dec radius") in degrees

with urllib.request.urlopen(f"{PORTAL}/api/soda/sync?{query}") as response:
    hdul = fits.open(io.BytesIO(response.read()), checksum=True)

hdul.info()
mass = hdul["m"]  # one extension per parameter, named as in PARAM
planes = [mass.header[f"STAT{j + 1}"] for j in range(mass.header["NSTAT"])]
median = mass.data[planes.index("percentile_50")]  # [y, x]; NaN where a pixel has no result
wcs = WCS(mass.header).celestial
print(mass.header["BUNIT"], median.shape, wcs.pixel_to_world(0, 0))
`;
}
