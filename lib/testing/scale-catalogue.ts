/**
 * The galaxies of the survey-scale data set: the real 2012–13 catalogue (5,861 galaxies with their
 * image sizes, pixel counts, positions and Hubble types) when ../shared/data holds it, else a
 * synthetic catalogue of the same shape (image sides log-normal around 140 px, a fifth of the
 * image usable, a few very large galaxies). `count` below the catalogue's size takes an even sample.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Rng } from "@/lib/demo/random";
import { PROJECT_ROOT } from "@/lib/project-root";

export const SURVEY_CATALOGUE = path.resolve(PROJECT_ROOT, "..", "shared", "data", "pogs_galaxies_2012_2013.csv");
export const SURVEY_GALAXIES = 5_861;

export interface CatalogueGalaxy {
  name: string;
  width: number;
  height: number;
  /** usable pixels the galaxy should have (its work units cover about these) */
  pixelCount: number;
  ra: number;
  dec: number;
  redshift: number;
  hubbleType: string;
}

export function surveyCatalogue(
  count = SURVEY_GALAXIES,
  seed = "scale",
): { galaxies: CatalogueGalaxy[]; real: boolean } {
  const real = existsSync(SURVEY_CATALOGUE);
  const all = real ? readCatalogue(seed) : synthesize(SURVEY_GALAXIES, seed);
  const step = all.length / Math.min(count, all.length);
  const galaxies = Array.from({ length: Math.min(count, all.length) }, (_, k) => all[Math.floor(k * step)]);
  return { galaxies, real };
}

function readCatalogue(seed: string): CatalogueGalaxy[] {
  const r = Rng.fromSeed(`scale-catalogue:${seed}`);
  const [head, ...lines] = readFileSync(SURVEY_CATALOGUE, "utf8").trim().split(/\r?\n/);
  const columns = head.split(",");
  const at = (name: string) => columns.indexOf(name);
  const [name, w, h, z, type, ra, dec, pixels] = [
    ...["name", "dimension_x", "dimension_y", "redshift", "galaxy_type", "ra_cent", "dec_cent", "pixel_count"],
  ].map(at);
  const names = new Set<string>();
  return lines.map((line) => {
    const v = line.split(",");
    const width = Number(v[w]);
    const height = Number(v[h]);
    // Some rows lack a position or redshift (0 in the export): drawn instead, so cone searches
    // and sorts see a spread like the real sky's.
    const raValue = Number(v[ra]) || r.uniform(0, 360);
    const decValue = Number(v[dec]) || r.uniform(-60, 70);
    let unique = v[name];
    for (let k = 2; names.has(unique); k++) unique = `${v[name]}_${k}`;
    names.add(unique);
    return {
      name: unique,
      width,
      height,
      pixelCount: Math.min(Number(v[pixels]), Math.floor(width * height * 0.78)),
      ra: raValue,
      dec: decValue,
      redshift: Number(v[z]) || r.uniform(0.002, 0.05),
      hubbleType: v[type] ?? "",
    };
  });
}

const TYPES = ["E", "S0", "Sa", "Sb", "Sbc", "Sc", "Scd", "Sd", "Irr", ""];

function synthesize(count: number, seed: string): CatalogueGalaxy[] {
  const r = Rng.fromSeed(`scale-catalogue:${seed}`);
  return Array.from({ length: count }, (_, k) => {
    const side = Math.round(Math.min(1532, Math.max(40, r.lognormal(Math.log(140), 0.5))));
    const height = Math.round(side * r.uniform(0.6, 1));
    return {
      name: `PGC${String(1000 + k * 17).padStart(6, "0")}`,
      width: side,
      height,
      pixelCount: Math.round(side * height * r.uniform(0.1, 0.35)),
      ra: r.uniform(0, 360),
      dec: r.uniform(-60, 70),
      redshift: r.uniform(0.002, 0.05),
      hubbleType: TYPES[r.int(0, TYPES.length)],
    };
  });
}
