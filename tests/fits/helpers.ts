/**
 * Shared test plumbing: where the real fixtures live, and how to ask the outside tools (astropy
 * through Debian's /usr/bin/python3, fitsverify) for their opinion of a file.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { SHARED_DIR } from "@/lib/testing/shared-dir";

export const fixturesDir = path.join(SHARED_DIR, "fixtures", "fits");
export const hasFixtures = existsSync(fixturesDir);
export const fixture = (rel: string): string => path.join(fixturesDir, rel);

// Plain `python3` may be a pyenv without astropy; the Debian interpreter has astropy and h5py.
export const PYTHON = "/usr/bin/python3";
export const FITSVERIFY = "/usr/bin/fitsverify";
export const hasPython = existsSync(PYTHON);
export const hasFitsverify = existsSync(FITSVERIFY);

/**
 * Runs a Python snippet with `input` as JSON on stdin (variable `data`), and returns what it
 * printed as JSON (the last line; null if it printed nothing). Warnings are errors unless the script says otherwise, so an
 * astropy complaint about our files fails the test.
 */
export function python<T = unknown>(script: string, input: unknown = null): T {
  const prelude = "import json, sys, warnings\nwarnings.simplefilter('error')\ndata = json.loads(sys.stdin.read())\n";
  const out = execFileSync(PYTHON, ["-c", prelude + script], {
    input: JSON.stringify(input),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const lines = out.trim().split("\n");
  return (lines[lines.length - 1] ? JSON.parse(lines[lines.length - 1]) : null) as T;
}

/** A Float64Array written by numpy's `astype('<f8').tofile(path)`. */
export function readFloat64(file: string): Float64Array {
  const b = readFileSync(file);
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/** A fresh folder under the OS temp dir, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pogs-fits-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface VerifyResult {
  warnings: number;
  errors: number;
  output: string;
}

/** fitsverify's verdict, from its summary line "Verification found N warning(s) and M error(s)". */
export function fitsverify(file: string): VerifyResult {
  const r = spawnSync(FITSVERIFY, [file], { encoding: "utf8" });
  const output = `${r.stdout}${r.stderr}`;
  const m = /found (\d+) warning\(s\) and (\d+) error\(s\)/.exec(output);
  if (!m) throw new Error(`fitsverify gave no summary:\n${output}`);
  return { warnings: Number(m[1]), errors: Number(m[2]), output };
}

/** Largest |a − b| over finite pairs; Infinity if NaN positions differ. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const na = Number.isNaN(a[i]);
    if (na !== Number.isNaN(b[i])) return Infinity;
    if (!na && a[i] !== b[i]) max = Math.max(max, Math.abs(a[i] - b[i])); // a[i] !== b[i]: ±Infinity
  }
  return max;
}

export function countNaN(a: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i])) n++;
  return n;
}
