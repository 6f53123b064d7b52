/**
 * A subset request: one galaxy, a pixel box, parameters and statistics (in the order asked), a
 * format. Parameters are named by their `pixel_result` columns (`mu`, `m`, `ldust`, `sfr`, …) and
 * statistics by their feature names (`best_fit`, `percentile_50`, …), docs/formats.md §3.
 */
import type { PixelBox } from "@/lib/access/region/region-types";
import { boxPixels } from "@/lib/access/region/region-types";
import { MAP_VALUES, PARAMETERS, STATISTICS, parameterByColumn, Statistic } from "@/lib/survey/parameters";
import { UsageError } from "@/lib/access/http/usage-error";

export const SUBSET_FORMATS = ["fits", "hdf5"] as const;
export type SubsetFormat = (typeof SUBSET_FORMATS)[number];

export const FORMAT_TYPES: Record<SubsetFormat, string> = { fits: "application/fits", hdf5: "application/x-hdf5" };

export interface SubsetRequest {
  galaxyId: number;
  box: PixelBox;
  /** parameter ids 1–16, in the order asked */
  parameters: number[];
  /** statistic indices 0–6, in the order asked */
  statistics: number[];
  format: SubsetFormat;
  /** the request as asked (parameters, region), recorded in the file's provenance */
  asked: string;
}

/** Without PARAM: the four map parameters; without STAT: the median. */
export const DEFAULT_PARAMETERS = MAP_VALUES.map((m) => m.parameterId);
export const DEFAULT_STATISTICS: number[] = [Statistic.PERCENTILE_50];

export const PARAMETER_NAMES = PARAMETERS.map((p) => p.column);
export const STATISTIC_NAMES = STATISTICS.map((s) => s.feature);

/** Values given repeatedly or comma-separated, each once, in the order first given. */
function listOf(values: readonly string[]): string[] {
  const names = values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

export function parseParameters(values: readonly string[]): number[] {
  const names = listOf(values);
  if (!names.length) return DEFAULT_PARAMETERS;
  return names.map((name) => {
    const p = parameterByColumn(name.toLowerCase());
    if (!p) throw new UsageError(`PARAM ${name} is not a MAGPHYS parameter; use one of ${PARAMETER_NAMES.join(", ")}`);
    return p.id;
  });
}

export function parseStatistics(values: readonly string[]): number[] {
  const names = listOf(values);
  if (!names.length) return DEFAULT_STATISTICS;
  return names.map((name) => {
    const s = STATISTICS.find((d) => d.feature === name.toLowerCase());
    if (!s) throw new UsageError(`STAT ${name} is not a statistic; use one of ${STATISTIC_NAMES.join(", ")}`);
    return s.index;
  });
}

/** Bytes of the values a subset holds: pixels × parameters × statistics × 4 (float32). */
export function subsetBytes(box: PixelBox, parameters: number, statistics: number): number {
  return boxPixels(box) * parameters * statistics * 4;
}

/** Sizes for people, in decimal units: 2.00 GB, 64.0 MB, 37 kB, 512 B. */
export function formatSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(bytes >= 1e7 ? 0 : 1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(0)} kB`;
  return `${bytes} B`;
}
