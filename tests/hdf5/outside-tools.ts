// The outside readers of an archive: Debian's h5py (under /usr/bin/python3, not a pyenv python
// without h5py) and h5dump from Debian's hdf5-tools 1.10, the oldest library line archives promise.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const PYTHON = "/usr/bin/python3";
const READER = path.join(import.meta.dirname, "read_archive.py");

type Json = null | number | string | Json[] | { [k: string]: Json };
export type Record_ = { [k: string]: Json };

export type ArchiveAsRead = {
  datasets: Record<
    string,
    {
      shape: number[];
      dtype: string;
      fields: string[];
      chunks: number[] | null;
      compression: string | null;
      fletcher32: boolean;
      attrs: Record_;
      dims: string[];
    }
  >;
  galaxy_attrs: Record_;
  pixel_attrs: Record_;
  tables: Record<"fits_header" | "image_filters" | "filters" | "area/area" | "area/area_user", Record_[]>;
  pixels: {
    x: number;
    y: number;
    stats: (number | null)[][];
    details: Record_;
    histograms: ({ x: number[]; p: number[] } | null)[] | null;
  }[];
  finite_m_p50: Record<string, number>;
};

export const toolsAvailable =
  existsSync(PYTHON) &&
  spawnSync(PYTHON, ["-c", "import h5py"]).status === 0 &&
  spawnSync("h5dump", ["--version"]).status === 0;

export function readWithH5py(file: string, pixels: [number, number][]): ArchiveAsRead {
  const r = spawnSync(PYTHON, [READER, file, JSON.stringify(pixels)], { encoding: "utf8", maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`h5py could not read ${file}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as ArchiveAsRead;
}

export function h5dumpHeader(file: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync("h5dump", ["-H", file], { encoding: "utf8", maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A full h5dump (every dataset decompressed by the HDF5 1.10 C library); the text is discarded. */
export function h5dumpAll(file: string): { status: number | null; stderr: string } {
  const r = spawnSync("h5dump", [file], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  return { status: r.status, stderr: r.stderr };
}

const BY_NAME = path.join(import.meta.dirname, "read_by_name.py");

type StatisticValues = Record<string, number | null>;
export type ReadByName = {
  datasets: ArchiveAsRead["datasets"];
  galaxy_attrs: Record_;
  pixel_attrs: Record_;
  tables: Record<"area/area" | "area/area_user", Record_[]>;
  pixels: (
    | { x: number; y: number; inside: false }
    | {
        x: number;
        y: number;
        inside: true;
        /** parameter name → statistic name → value */
        values: Record<string, StatisticValues>;
        details: Record_;
        histograms: Record<string, { x: number[]; p: number[] } | null> | null;
      }
  )[];
};

/** An archive or a subset read by parameter and statistic names, pixels given in the galaxy's image (read_by_name.py). */
export function readByName(file: string, pixels: [number, number][]): ReadByName {
  const r = spawnSync(PYTHON, [BY_NAME, file, JSON.stringify(pixels)], { encoding: "utf8", maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`h5py could not read ${file}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as ReadByName;
}
