/**
 * The SODA parameters of a subset request (REC-SODA-1.0 and the 1.1 draft, plus our PARAM and
 * STAT), as they arrive at /api/soda/sync and /api/jobs: upper-cased keys, each with all its
 * values. Checked here once, so both say the same thing about the same mistake.
 */
import { UsageError } from "@/lib/access/http/usage-error";
import { parseGalaxyDid } from "@/lib/access/datalink/galaxy-did";
import { parseCircle, parsePixels, parsePolygon, parsePos } from "@/lib/access/region/parse-region";
import type { Region } from "@/lib/access/region/region-types";
import { parseParameters, parseStatistics, type SubsetFormat } from "./subset-request";

export interface AskedSubset {
  galaxyIds: number[];
  region: Region;
  parameters: number[];
  statistics: number[];
  format: SubsetFormat;
  /** the parameters as given, in one line, for the file's provenance and the job's record */
  asked: string;
}

const FORMATS: Record<string, SubsetFormat> = {
  "application/fits": "fits",
  "image/fits": "fits",
  fits: "fits",
  "application/x-hdf5": "hdf5",
  "application/x-hdf": "hdf5",
  hdf5: "hdf5",
};

const REGION_KEYS = ["POS", "CIRCLE", "POLYGON", "PIXELS"] as const;
const SINGLE_KEYS = [...REGION_KEYS, "RESPONSEFORMAT"];
const UNSUPPORTED: Record<string, string> = {
  BAND: "the maps have no spectral axis",
  TIME: "the maps have no time axis",
  POL: "the maps have no polarization axis",
};

function multiValued(key: string, count: number): never {
  throw new UsageError(`MultiValuedParamNotSupported: ${key} was given ${count} times; give it once`);
}

function regionOf(params: Record<string, string[]>): Region {
  const given = REGION_KEYS.filter((k) => params[k]?.length);
  if (given.length > 1) throw new UsageError(`give one region, not ${given.join(" and ")}`);
  if (!given.length) return { kind: "all" };
  const text = params[given[0]][0];
  if (given[0] === "POS") return parsePos(text);
  if (given[0] === "CIRCLE") return parseCircle(text);
  if (given[0] === "POLYGON") return parsePolygon(text);
  return parsePixels(text);
}

export function parseSodaParams(params: Record<string, string[]>, options: { manyIds: boolean }): AskedSubset {
  for (const key of SINGLE_KEYS) if ((params[key]?.length ?? 0) > 1) multiValued(key, params[key].length);
  for (const [key, why] of Object.entries(UNSUPPORTED))
    if (params[key]?.length) throw new UsageError(`${key} is not supported: ${why}`);
  const ids = (params.ID ?? []).flatMap((v) => v.split(/\s*,\s*|\s+/)).filter(Boolean);
  if (!ids.length)
    throw new UsageError("ID is required: the galaxy's identifier (ivo://pogs/galaxy?<id> from DataLink, or its id)");
  if (ids.length > 1 && !options.manyIds) multiValued("ID", ids.length);
  const galaxyIds = [
    ...new Set(
      ids.map((id) => {
        const galaxyId = parseGalaxyDid(id);
        if (galaxyId === null)
          throw new UsageError(
            `ID ${id} is not a POGS galaxy identifier (ivo://pogs/galaxy?<id>, or a galaxy id)`,
            404,
          );
        return galaxyId;
      }),
    ),
  ];
  const formatText = params.RESPONSEFORMAT?.[0]?.trim() ?? "application/fits";
  const format = FORMATS[formatText.toLowerCase()];
  if (!format)
    throw new UsageError(
      `Format transformation not available: RESPONSEFORMAT ${formatText}; use application/fits or application/x-hdf5`,
    );
  const region = regionOf(params);
  const parameters = parseParameters(params.PARAM ?? []);
  const statistics = parseStatistics(params.STAT ?? []);
  const asked = [
    ...ids.map((id) => `ID=${id}`),
    ...REGION_KEYS.filter((k) => params[k]?.length).map((k) => `${k}=${params[k][0].trim()}`),
    ...(params.PARAM ?? []).map((p) => `PARAM=${p}`),
    ...(params.STAT ?? []).map((s) => `STAT=${s}`),
    `RESPONSEFORMAT=${formatText}`,
  ].join(" ");
  return { galaxyIds, region, parameters, statistics, format, asked };
}
