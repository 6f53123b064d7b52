// Derives the compact empirical distributions of the demo survey from the real POGS 2012–13
// galaxy catalogue and writes them to lib/demo/catalogue-distributions.ts (committed), so the
// portal never needs the CSV at run time.
//
//   npx tsx scripts/gen-catalogue-distributions.ts [catalogue.csv] [output.ts]
//
// Defaults: ../shared/data/pogs_galaxies_2012_2013.csv → lib/demo/catalogue-distributions.ts.
// The output is deterministic (no randomness, no dates), so re-running it on the same CSV gives
// the same bytes.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const csvPath = path.resolve(process.argv[2] ?? path.join(ROOT, "..", "shared", "data", "pogs_galaxies_2012_2013.csv"));
const outPath = path.resolve(process.argv[3] ?? path.join(ROOT, "lib", "demo", "catalogue-distributions.ts"));

interface Row {
  name: string;
  runId: number;
  dx: number;
  dy: number;
  z: number;
  type: string;
  ra: number;
  dec: number;
}

function readCatalogue(file: string): { rows: Row[]; sha256: string } {
  const bytes = readFileSync(file);
  const lines = bytes
    .toString("utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = lines[0].split(",");
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  const c = {
    name: col("name"),
    run: col("run_id"),
    dx: col("dimension_x"),
    dy: col("dimension_y"),
    z: col("redshift"),
    type: col("galaxy_type"),
    ra: col("ra_cent"),
    dec: col("dec_cent"),
  };
  const rows = lines.slice(1).map((line, i) => {
    const f = line.split(",");
    if (f.length !== header.length) throw new Error(`${file}:${i + 2}: ${f.length} fields, expected ${header.length}`);
    return {
      name: f[c.name],
      runId: Number(f[c.run]),
      dx: Number(f[c.dx]),
      dy: Number(f[c.dy]),
      z: Number(f[c.z]),
      type: f[c.type],
      ra: Number(f[c.ra]),
      dec: Number(f[c.dec]),
    };
  });
  return { rows, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Quantiles at k/(n−1), k = 0…n−1, with linear interpolation (type 7). */
function quantiles(values: number[], n: number): number[] {
  const s = values.slice().sort((a, b) => a - b);
  return Array.from({ length: n }, (_, k) => {
    const h = (k / (n - 1)) * (s.length - 1);
    const lo = Math.floor(h);
    const hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (s[hi] - s[lo]) * (h - lo);
  });
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

// ---- name styles -------------------------------------------------------------------------------
// Each style names the catalogue's way of writing one designation; numeric fields are summarised
// by deciles so generated numbers fall where the real ones do. Positional (J2000) styles are
// written from the drawn RA/Dec instead.
interface StyleRule {
  style: string;
  re: RegExp;
  fields: number; // numeric capture groups to summarise (in order)
  positional?: (m: RegExpMatchArray) => [number, number] | null;
}

function hmsDms(raDigits: string, decDigits: string): [number, number] {
  const ra = (Number(raDigits.slice(0, 2)) + Number(raDigits.slice(2, 4)) / 60 + Number(raDigits.slice(4)) / 3600) * 15;
  const sign = decDigits[0] === "-" ? -1 : 1;
  const d = decDigits.slice(1);
  const dec = sign * (Number(d.slice(0, 2)) + Number(d.slice(2, 4)) / 60 + Number(d.slice(4)) / 3600);
  return [ra, dec];
}

const RULES: StyleRule[] = [
  { style: "NGC", re: /^NGC(\d{4})$/, fields: 1 },
  { style: "NGC+", re: /^NGC(\d{4})[A-Z]$/, fields: 1 },
  { style: "IC", re: /^IC(\d{4})[A-Z]?$/, fields: 1 },
  { style: "UGC", re: /^UGC(\d{5})[A-Z]?$/, fields: 1 },
  { style: "UGCA", re: /^UGCA(\d{3})$/, fields: 1 },
  { style: "PGC6", re: /^PGC(\d{6})$/, fields: 1 },
  { style: "PGC7", re: /^PGC(\d{7})$/, fields: 1 },
  { style: "ESO", re: /^ESO(\d{3})-G(\d{3})$/, fields: 2 },
  { style: "ESO-IG", re: /^ESO(\d{3})-IG(\d{3})$/, fields: 2 },
  { style: "ESO-", re: /^ESO(\d{3})-(\d{3})$/, fields: 2 },
  { style: "CGCG", re: /^CGCG(\d{3})-(\d{3})$/, fields: 2 },
  { style: "MCG", re: /^MCG([+-]\d{2})-(\d{2})-(\d{3})$/, fields: 3 },
  { style: "FGC", re: /^FGC(\d{4})$/, fields: 1 },
  { style: "2MFGC", re: /^2MFGC(\d{5})$/, fields: 1 },
  { style: "VCC", re: /^VCC(\d{4})$/, fields: 1 },
  { style: "VV", re: /^VV(\d{3})$/, fields: 1 },
  { style: "KPG", re: /^KPG(\d{3})[AB]?$/, fields: 1 },
  { style: "DDO", re: /^DDO(\d{3})$/, fields: 1 },
  {
    style: "2MASXJ",
    re: /^2MASXJ(\d{8})([+-]\d{7})$/,
    fields: 0,
    positional: (m) =>
      hmsDms(
        m[1].slice(0, 4) + m[1].slice(4, 6) + "." + m[1].slice(6),
        m[2].slice(0, 5) + m[2].slice(5, 7) + "." + m[2].slice(7),
      ),
  },
  { style: "SDSSJ", re: /^SDSSJ(\d{6}\.\d{2})([+-]\d{6}\.\d)$/, fields: 0, positional: (m) => hmsDms(m[1], m[2]) },
  {
    style: "6dFJ",
    re: /^6dFJ(\d{7})([+-]\d{6})$/,
    fields: 0,
    positional: (m) => hmsDms(m[1].slice(0, 6) + "." + m[1].slice(6), m[2]),
  },
  { style: "WINGSJ", re: /^WINGSJ(\d{6}\.\d{2})([+-]\d{6}\.\d)$/, fields: 0, positional: (m) => hmsDms(m[1], m[2]) },
];

/** Re-runs of a galaxy with another filter set carry a lower-case letter (NGC0309f). */
const RERUN_SUFFIX = /(?<=\d)([a-f])$/;

function main() {
  const { rows, sha256 } = readCatalogue(csvPath);

  // Sizes and shapes.
  const dimX = quantiles(
    rows.map((r) => r.dx),
    101,
  ).map((v) => round(v, 1));
  const aspects = rows.map((r) => r.dy / r.dx);
  const squareFraction = aspects.filter((a) => a === 1).length / aspects.length;
  const aspectQ = quantiles(
    aspects.filter((a) => a !== 1),
    41,
  ).map((v) => round(v, 4));

  // Redshift (0.01 steps in the original) conditioned on image size: big images are nearby.
  const sizeEdges = [0, 150, 200, 288, 400, 600, Infinity];
  const zSteps = Array.from({ length: 11 }, (_, i) => i);
  const zBySize = sizeEdges.slice(0, -1).map((lo, b) => {
    const hi = sizeEdges[b + 1];
    const sel = rows.filter((r) => r.dx >= lo && r.dx < hi);
    return zSteps.map((k) => sel.filter((r) => Math.round(r.z * 100) === k).length);
  });
  const zMax = Math.max(...rows.map((r) => r.z));

  // Hubble types, as the catalogue spells them.
  const typeCounts = new Map<string, number>();
  for (const r of rows) typeCounts.set(r.type, (typeCounts.get(r.type) ?? 0) + 1);
  const types = [...typeCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

  // Names.
  const styleHits = new Map<string, { count: number; fields: number[][] }>();
  const positions: [number, number][] = [];
  let other = 0;
  for (const r of rows) {
    const rerun = RERUN_SUFFIX.test(r.name);
    const base = r.name.replace(RERUN_SUFFIX, "");
    const rule = RULES.find((x) => x.re.test(base));
    if (!rule) {
      other++;
      continue;
    }
    const m = base.match(rule.re)!;
    const hit = styleHits.get(rule.style) ?? { count: 0, fields: Array.from({ length: rule.fields }, () => []) };
    hit.count++;
    for (let f = 0; f < rule.fields; f++) hit.fields[f].push(Number(m[f + 1]));
    styleHits.set(rule.style, hit);
    if (rule.positional && !rerun) {
      const p = rule.positional(m);
      if (p) positions.push([round(p[0], 3), round(p[1], 3)]);
    }
  }
  const styles = RULES.filter((x) => styleHits.has(x.style)).map((x) => {
    const h = styleHits.get(x.style)!;
    return {
      style: x.style,
      count: h.count,
      deciles: h.fields.map((vals) => quantiles(vals, 11).map((v) => Math.round(v))),
    };
  });

  // Real galaxies with known positions (the 2012 run 0 batch; later runs stored RA/Dec = 0).
  const seen = new Set<string>();
  const real: [string, number, number, string, number, number, number][] = [];
  const withPos = rows.filter((r) => !(r.ra === 0 && r.dec === 0));
  for (const r of withPos
    .slice()
    .sort((a, b) => Number(RERUN_SUFFIX.test(a.name)) - Number(RERUN_SUFFIX.test(b.name)))) {
    const base = r.name.replace(RERUN_SUFFIX, "");
    if (seen.has(base)) continue;
    seen.add(base);
    real.push([base, round(r.ra, 4), round(r.dec, 4), r.type, round(r.z, 2), r.dx, r.dy]);
  }
  real.sort((a, b) => a[0].localeCompare(b[0]));
  positions.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  const j = (v: unknown) => JSON.stringify(v);
  const out = `// GENERATED FILE — do not edit by hand.
// Source: ${path.basename(csvPath)} (${rows.length} rows, sha256 ${sha256}),
// the POGS 2012–13 galaxy table (../shared/data/ beside the clone). Regenerate with:
//   npx tsx scripts/gen-catalogue-distributions.ts ${path.relative(ROOT, csvPath)} ${path.relative(ROOT, outPath)}
// Compact empirical distributions for the demo survey (lib/demo/catalogue.ts); the CSV is not
// needed at run time.

export const CATALOGUE_SOURCE = ${j({ file: path.basename(csvPath), rows: rows.length, sha256 })} as const;

/** dimension_x (px) at probabilities 0, 0.01, …, 1 (median 288, max 1532). */
export const DIMENSION_X_QUANTILES: readonly number[] = ${j(dimX)};

/** Fraction of images that are square (dimension_y = dimension_x). */
export const ASPECT_SQUARE_FRACTION = ${round(squareFraction, 4)};

/** dimension_y / dimension_x of the non-square images at probabilities 0, 0.025, …, 1. */
export const ASPECT_QUANTILES: readonly number[] = ${j(aspectQ)};

/** Redshift step of the original (values were rounded to 0.01); largest value ${zMax}. */
export const REDSHIFT_STEP = 0.01;

/** Lower edges (px) of the image-size bins of REDSHIFT_COUNTS_BY_SIZE_BIN (last bin open-ended). */
export const SIZE_BIN_EDGES: readonly number[] = ${j(sizeEdges.slice(0, -1))};

/** Counts of redshift 0.00, 0.01, …, 0.10 per size bin: larger images are of nearer galaxies. */
export const REDSHIFT_COUNTS_BY_SIZE_BIN: readonly (readonly number[])[] = ${j(zBySize)};

/** galaxy_type values and their counts ('Unk' = not classified, 'S?' = some spiral). */
export const HUBBLE_TYPE_COUNTS: readonly (readonly [string, number])[] = ${j(types)};

export interface NameStyleStat {
  /** Style id understood by lib/demo/catalogue.ts. */
  readonly style: string;
  readonly count: number;
  /** Deciles (11 values, min…max) of each numeric field of the designation, in order. */
  readonly deciles: readonly (readonly number[])[];
}

/** Designation styles (after removing re-run suffixes); ${other} rows of rare styles left out. */
export const NAME_STYLES: readonly NameStyleStat[] = ${j(styles)};

/** Real sky positions [RA°, Dec°] (J2000) decoded from positional designations (2MASXJ, SDSSJ, …). */
export const NAMED_POSITIONS: readonly (readonly [number, number])[] = ${j(positions)};

/** [name, RA°, Dec°, galaxy_type, redshift, dimension_x, dimension_y] of the catalogue's galaxies with a stored position. */
export const REAL_GALAXIES: readonly (readonly [string, number, number, string, number, number, number])[] = ${j(real)};
`;
  writeFileSync(outPath, out);
  console.log(
    `${path.relative(process.cwd(), outPath)}: ${out.length} bytes (${real.length} real galaxies, ${positions.length} named positions, ${styles.length} name styles)`,
  );
}

main();
