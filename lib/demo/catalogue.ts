// The demo survey's galaxy catalogue: N galaxies drawn from the empirical distributions of the
// real 2012–13 POGS catalogue (lib/demo/catalogue-distributions.ts).
//
// By default the first galaxies are real POGS galaxies (name, position, Hubble type, redshift and
// image size of the 216 catalogue rows with a stored position) in a seeded order; the rest are
// synthetic, with names in the catalogue's designation styles. Galaxy i depends only on the seed
// and i (and, for name clashes, on galaxies before it), so growing the survey keeps its start.
import { BAND_SETS, DEFAULT_BAND_SET_WEIGHTS, type BandSetName, type DemoFilterName } from "./bands";
import {
  ASPECT_QUANTILES,
  ASPECT_SQUARE_FRACTION,
  DIMENSION_X_QUANTILES,
  HUBBLE_TYPE_COUNTS,
  NAME_STYLES,
  NAMED_POSITIONS,
  REAL_GALAXIES,
  REDSHIFT_COUNTS_BY_SIZE_BIN,
  REDSHIFT_STEP,
  SIZE_BIN_EDGES,
} from "./catalogue-distributions";
import { Rng, sampleQuantiles, toRng, type DemoSeed } from "./random";

export interface DemoGalaxy {
  /** 0-based position in the demo catalogue. */
  readonly index: number;
  /** Designation, unique in the demo (catalogue style, e.g. NGC4030, UGC05479, ESO575-G003). */
  readonly name: string;
  /** Centre, J2000 degrees. */
  readonly ra: number;
  readonly dec: number;
  /** Size of the reference (optical) grid, px = dimension_x, dimension_y. */
  readonly width: number;
  readonly height: number;
  /** Size before the demo's size scale and cap (the catalogue-like size). */
  readonly catalogueWidth: number;
  readonly catalogueHeight: number;
  /** Pixel scale of the reference grid, arcsec/px. */
  readonly pixelScale: number;
  /** Redshift, continuous, 0.002 ≤ z ≤ 0.1. */
  readonly redshift: number;
  /** Redshift rounded to 0.01 as POGS used it for the model libraries (0.00–0.10). */
  readonly redshiftRounded: number;
  /** galaxy_type exactly as the catalogue writes it ('SABc', 'S0-a', 'Unk', 'S?', …). */
  readonly hubbleType: string;
  /** Major-axis position angle, degrees east of north, [0, 180). */
  readonly positionAngle: number;
  /** Inclination, degrees (0 = face-on). */
  readonly inclination: number;
  readonly bandSet: BandSetName;
  /** Filters observed, in POGS filter-table order (dimension_z = filters.length). */
  readonly filters: readonly DemoFilterName[];
  /** True when name, position, type, redshift and size are those of a real POGS galaxy. */
  readonly fromCatalogue: boolean;
  /** Hex key of this galaxy's random stream: images and maps are functions of the record alone. */
  readonly seed: string;
}

export interface CatalogueOptions {
  /** Number of galaxies. */
  readonly count: number;
  /** 'real-first' (default): real POGS galaxies first, then synthetic; 'synthetic': all synthetic. */
  readonly identities?: "real-first" | "synthetic";
  /** Multiplies the catalogue image size (default 1: the real distribution, median 288 px). */
  readonly sizeScale?: number;
  /** Cap on the larger image side after scaling, px (default: none). */
  readonly maxSize?: number;
  /** Floor on the smaller image side, px (default 32). */
  readonly minSize?: number;
  /** Reference pixel scale, arcsec/px (default 1.5). */
  readonly pixelScale?: number;
  /** Relative weights of the filter sets (default DEFAULT_BAND_SET_WEIGHTS). */
  readonly bandSetWeights?: Partial<Record<BandSetName, number>>;
  /** Chance that GALEX FUV is missing where the set has it (the FUV detector failed in 2009). */
  readonly fuvMissingProbability?: number;
}

/** The demo's default catalogue: 40 galaxies of median ≈ 150 px, nothing above 320 px. */
export const DEMO_CATALOGUE_OPTIONS = {
  count: 40,
  identities: "real-first",
  sizeScale: 0.9,
  maxSize: 320,
} as const satisfies CatalogueOptions;

export const DEFAULT_PIXEL_SCALE = 1.5;

/** Every galaxy_type value of the real catalogue. */
export const CATALOGUE_TYPES: readonly string[] = HUBBLE_TYPE_COUNTS.map((t) => t[0]);

const REAL_NAMES = new Set(REAL_GALAXIES.map((g) => g[0]));

export function drawCatalogue(seed: DemoSeed | Rng, options: CatalogueOptions): DemoGalaxy[] {
  const root = toRng(seed).child("catalogue");
  const identities = options.identities ?? "real-first";
  const order = root.child("real-order").shuffle(REAL_GALAXIES.map((_, i) => i));
  const used = new Set<string>();
  const out: DemoGalaxy[] = [];
  for (let i = 0; i < options.count; i++) {
    const real = identities === "real-first" && i < order.length ? REAL_GALAXIES[order[i]] : null;
    const g = drawGalaxy(root.child("galaxy", i), i, real, used, options);
    used.add(g.name);
    out.push(g);
  }
  return out;
}

type RealRow = (typeof REAL_GALAXIES)[number];

function drawGalaxy(rng: Rng, index: number, real: RealRow | null, used: Set<string>, o: CatalogueOptions): DemoGalaxy {
  const shape = rng.child("shape");
  let catalogueWidth: number;
  let catalogueHeight: number;
  let zStep: number;
  let hubbleType: string;
  let ra: number;
  let dec: number;
  let name: string;
  if (real) {
    [name, ra, dec, hubbleType, zStep, catalogueWidth, catalogueHeight] = real;
    zStep = Math.round(zStep / REDSHIFT_STEP);
  } else {
    catalogueWidth = Math.round(sampleQuantiles(shape, DIMENSION_X_QUANTILES));
    const aspect = shape.bool(ASPECT_SQUARE_FRACTION) ? 1 : sampleQuantiles(shape, ASPECT_QUANTILES);
    catalogueHeight = Math.max(1, Math.round(catalogueWidth * aspect));
    let bin = 0;
    while (bin + 1 < SIZE_BIN_EDGES.length && catalogueWidth >= SIZE_BIN_EDGES[bin + 1]) bin++;
    zStep = rng.child("redshift").weightedIndex(REDSHIFT_COUNTS_BY_SIZE_BIN[bin]);
    hubbleType = rng.child("type").weightedChoice(
      HUBBLE_TYPE_COUNTS.map((t) => t[0]),
      HUBBLE_TYPE_COUNTS.map((t) => t[1]),
    );
    [ra, dec] = drawPosition(rng.child("position"));
    const names = rng.child("name");
    name = designation(names, ra, dec);
    for (let tries = 0; (used.has(name) || REAL_NAMES.has(name)) && tries < 100; tries++)
      name = designation(names, ra, dec);
    if (used.has(name) || REAL_NAMES.has(name)) name = `${name}_${index}`;
  }
  if (used.has(name)) name = `${name}_${index}`;

  // Continuous redshift inside the catalogue's 0.01 rounding step, never 0 (distances must be finite).
  const zRng = rng.child("redshift-fine");
  const redshift = Math.min(0.1, Math.max(0.002, zStep * REDSHIFT_STEP + zRng.uniform(-0.5, 0.5) * REDSHIFT_STEP));
  const [width, height] = scaledSize(catalogueWidth, catalogueHeight, o);
  const orient = rng.child("orientation");
  const positionAngle = orient.uniform(0, 180);
  const inclination = (Math.acos(orient.uniform(0.12, 1)) * 180) / Math.PI;
  const bands = rng.child("bands");
  const weights = { ...DEFAULT_BAND_SET_WEIGHTS, ...(o.bandSetWeights ?? {}) };
  const setNames = Object.keys(BAND_SETS) as BandSetName[];
  const bandSet = bands.weightedChoice(
    setNames,
    setNames.map((s) => weights[s] ?? 0),
  );
  let filters: DemoFilterName[] = [...BAND_SETS[bandSet]];
  if (filters.includes("GALEXFUV") && bands.bool(o.fuvMissingProbability ?? 0.2))
    filters = filters.filter((f) => f !== "GALEXFUV");

  return {
    index,
    name,
    ra: round(ra, 5),
    dec: round(dec, 5),
    width,
    height,
    catalogueWidth,
    catalogueHeight,
    pixelScale: o.pixelScale ?? DEFAULT_PIXEL_SCALE,
    redshift: round(redshift, 5),
    redshiftRounded: round(Math.round(redshift / REDSHIFT_STEP) * REDSHIFT_STEP, 2),
    hubbleType,
    positionAngle: round(positionAngle, 2),
    inclination: round(inclination, 2),
    bandSet,
    filters,
    fromCatalogue: real !== null,
    seed: rng.child("model").hex,
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function scaledSize(w: number, h: number, o: CatalogueOptions): [number, number] {
  let f = o.sizeScale ?? 1;
  if (o.maxSize && Math.max(w, h) * f > o.maxSize) f = o.maxSize / Math.max(w, h);
  const min = o.minSize ?? 32;
  const sw = Math.round(w * f);
  const sh = Math.round(h * f);
  const up = Math.min(sw, sh) < min ? min / Math.min(sw, sh) : 1;
  return [Math.round(sw * up), Math.round(sh * up)];
}

/** A real catalogue position (stored or decoded from a positional name), jittered by ~1.5°. */
function drawPosition(rng: Rng): [number, number] {
  const pool = NAMED_POSITIONS.length + REAL_GALAXIES.length;
  const k = rng.int(0, pool);
  const [ra0, dec0] =
    k < NAMED_POSITIONS.length
      ? NAMED_POSITIONS[k]
      : [REAL_GALAXIES[k - NAMED_POSITIONS.length][1], REAL_GALAXIES[k - NAMED_POSITIONS.length][2]];
  const dec = Math.max(-35, Math.min(85, dec0 + rng.normal(0, 1.5)));
  const ra = (((ra0 + rng.normal(0, 1.5) / Math.max(0.2, Math.cos((dec * Math.PI) / 180))) % 360) + 360) % 360;
  return [ra, dec];
}

const pad = (v: number, n: number) => String(Math.max(0, Math.round(v))).padStart(n, "0");

function sexagesimal(
  ra: number,
  dec: number,
  raSecDigits: number,
  decSecDigits: number,
  raDot: boolean,
  decDot: boolean,
): [string, string] {
  const raH = ra / 15;
  const raTotal = Math.floor(raH * 3600 * 10 ** raSecDigits + 1e-6);
  const rs = raTotal % (60 * 10 ** raSecDigits);
  const rm = Math.floor(raTotal / (60 * 10 ** raSecDigits)) % 60;
  const rh = Math.floor(raTotal / (3600 * 10 ** raSecDigits)) % 24;
  const sign = dec < 0 ? "-" : "+";
  const decTotal = Math.floor(Math.abs(dec) * 3600 * 10 ** decSecDigits + 1e-6);
  const ds = decTotal % (60 * 10 ** decSecDigits);
  const dm = Math.floor(decTotal / (60 * 10 ** decSecDigits)) % 60;
  const dd = Math.floor(decTotal / (3600 * 10 ** decSecDigits));
  const sec = (v: number, digits: number, dot: boolean) => {
    const s = pad(v, 2 + digits);
    return dot && digits > 0 ? `${s.slice(0, 2)}.${s.slice(2)}` : s;
  };
  return [
    `${pad(rh, 2)}${pad(rm, 2)}${sec(rs, raSecDigits, raDot)}`,
    `${sign}${pad(dd, 2)}${pad(dm, 2)}${sec(ds, decSecDigits, decDot)}`,
  ];
}

/** A designation in one of the catalogue's styles, chosen with the catalogue's frequencies. */
export function designation(rng: Rng, ra: number, dec: number): string {
  const style = rng.weightedChoice(
    NAME_STYLES,
    NAME_STYLES.map((s) => s.count),
  );
  const num = (field: number) => sampleQuantiles(rng, style.deciles[field]);
  switch (style.style) {
    case "NGC":
      return `NGC${pad(num(0), 4)}`;
    case "NGC+":
      return `NGC${pad(num(0), 4)}${rng.choice(["A", "B"])}`;
    case "IC":
      return `IC${pad(num(0), 4)}`;
    case "UGC":
      return `UGC${pad(num(0), 5)}`;
    case "UGCA":
      return `UGCA${pad(num(0), 3)}`;
    case "PGC6":
      return `PGC${pad(num(0), 6)}`;
    case "PGC7":
      return `PGC${pad(num(0), 7)}`;
    case "ESO":
      return `ESO${pad(num(0), 3)}-G${pad(num(1), 3)}`;
    case "ESO-IG":
      return `ESO${pad(num(0), 3)}-IG${pad(num(1), 3)}`;
    case "ESO-":
      return `ESO${pad(num(0), 3)}-${pad(num(1), 3)}`;
    case "CGCG":
      return `CGCG${pad(num(0), 3)}-${pad(num(1), 3)}`;
    case "MCG": {
      const zone = Math.round(num(0));
      return `MCG${zone < 0 ? "-" : "+"}${pad(Math.abs(zone), 2)}-${pad(num(1), 2)}-${pad(num(2), 3)}`;
    }
    case "FGC":
      return `FGC${pad(num(0), 4)}`;
    case "2MFGC":
      return `2MFGC${pad(num(0), 5)}`;
    case "VCC":
      return `VCC${pad(num(0), 4)}`;
    case "VV":
      return `VV${pad(num(0), 3)}`;
    case "KPG":
      return `KPG${pad(num(0), 3)}${rng.choice(["A", "B"])}`;
    case "DDO":
      return `DDO${pad(num(0), 3)}`;
    case "2MASXJ": {
      const [r, d] = sexagesimal(ra, dec, 2, 1, false, false);
      return `2MASXJ${r}${d}`;
    }
    case "6dFJ": {
      const [r, d] = sexagesimal(ra, dec, 1, 0, false, false);
      return `6dFJ${r}${d}`;
    }
    case "WINGSJ":
    case "SDSSJ": {
      const [r, d] = sexagesimal(ra, dec, 2, 1, true, true);
      return `${style.style}${r}${d}`;
    }
    default:
      return `PGC${pad(num(0), 6)}`;
  }
}
