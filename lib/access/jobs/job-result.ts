/**
 * Writing a job's result: one galaxy's subset as its file, several as a zip of their files with a
 * MANIFEST.txt (each file's sha256 and size, and the galaxies left out with the reason). Files are
 * made in the job's folder under temporary names; the caller renames the finished result in.
 */
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { ZipArchive } from "archiver";
import { resolveSubset, subsetFileName } from "@/lib/access/subset/resolve-subset";
import { writeSubsetFile } from "@/lib/access/subset/subset-output";
import { FORMAT_TYPES } from "@/lib/access/subset/subset-request";
import type { Db } from "@/lib/db/client";
import { hashFile } from "@/lib/hdf5/file-hash";
import { isIncluded, type JobParams } from "./job-types";

export interface JobResult {
  /** the finished file's name inside the job folder */
  fileName: string;
  temp: string;
  type: string;
}

/** Writes every included galaxy's subset into `dir`; returns their names and digests. */
async function writeItems(
  db: Db,
  dataDir: string,
  dir: string,
  params: JobParams,
  onProgress: (fraction: number) => Promise<void>,
): Promise<{ fileName: string; file: string; size: number; sha256: string }[]> {
  const included = params.items.filter(isIncluded);
  const total = included.reduce((s, i) => s + i.bytes, 0) || 1;
  let done = 0;
  const out = [];
  for (const item of included) {
    const asked = { ...params, galaxyIds: [item.galaxyId] };
    const resolved = await resolveSubset(db, asked, item.galaxyId);
    if (resolved.kind !== "ok") throw new Error(`galaxy ${item.galaxyId} no longer overlaps the region`);
    const request = { ...resolved.request, box: item.box };
    const fileName = subsetFileName(resolved.galaxy, request);
    const file = path.join(dir, fileName);
    await writeSubsetFile(db, dataDir, resolved.galaxy, request, file, (f) =>
      onProgress((done + f * item.bytes) / total),
    );
    done += item.bytes;
    out.push({ fileName, file, ...(await hashFile(file)) });
  }
  return out;
}

function manifest(params: JobParams, files: { fileName: string; size: number; sha256: string }[]): string {
  const lines = [
    `POGS subset request: ${params.asked}`,
    "",
    "sha256                                                            bytes  file",
  ];
  for (const f of files) lines.push(`${f.sha256}  ${String(f.size).padStart(12)}  ${f.fileName}`);
  const skipped = params.items.filter((i) => !isIncluded(i));
  if (skipped.length)
    lines.push(
      "",
      "Left out:",
      ...skipped.map((i) => `galaxy ${i.galaxyId} (${i.name}): ${"skipped" in i ? i.skipped : ""}`),
    );
  return `${lines.join("\n")}\n`;
}

export async function writeJobResult(
  db: Db,
  dataDir: string,
  dir: string,
  jobId: string,
  params: JobParams,
  onProgress: (fraction: number) => Promise<void>,
): Promise<JobResult> {
  const multi = params.items.length > 1;
  const files = await writeItems(db, dataDir, dir, params, (f) => onProgress(multi ? 0.95 * f : f));
  if (!multi) {
    // A single file: the result is the file itself, renamed into place by the caller.
    const only = files[0];
    const temp = path.join(dir, `.${only.fileName}.result.tmp`);
    await rm(temp, { force: true });
    await rename(only.file, temp);
    return { fileName: only.fileName, temp, type: FORMAT_TYPES[params.format] };
  }
  const fileName = `pogs-subsets-${jobId.slice(0, 8)}.zip`;
  const temp = path.join(dir, `.${fileName}.tmp`);
  const zip = new ZipArchive({ zlib: { level: 1 } });
  const written = pipeline(zip, createWriteStream(temp));
  for (const f of files) zip.file(f.file, { name: f.fileName });
  zip.append(manifest(params, files), { name: "MANIFEST.txt" });
  await zip.finalize();
  await written;
  for (const f of files) await rm(f.file, { force: true });
  return { fileName, temp, type: "application/zip" };
}
