/**
 * The SODA sync service (/api/soda/sync): one galaxy's subset answered at once, within the
 * caller's immediate-answer size; larger requests are refused with a pointer to /api/jobs.
 * No overlap between the region and the image is HTTP 204 with an empty body (SODA 1.0 §5.3).
 */
import { randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { UsageError } from "@/lib/access/http/usage-error";
import { countDataRequest, identifyCaller } from "@/lib/access/limits/caller";
import type { Db } from "@/lib/db/client";
import { subsetGate } from "./build-gate";
import { resolveSubset, subsetFileName } from "./resolve-subset";
import { parseSodaParams } from "./soda-params";
import type { SubsetGalaxy } from "./subset-galaxy";
import { fitsSubsetInMemory, writeSubsetFile } from "./subset-output";
import { FORMAT_TYPES, formatSize, type SubsetRequest } from "./subset-request";

export async function answerSodaSync(db: Db, dataDir: string, params: Record<string, string[]>, request: Request) {
  const caller = await identifyCaller(request);
  await countDataRequest(db, caller);
  const asked = parseSodaParams(params, { manyIds: false });
  const resolved = await resolveSubset(db, asked, asked.galaxyIds[0]);
  if (resolved.kind === "no-overlap")
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  const { galaxy, request: subset, bytes } = resolved;
  if (bytes > caller.allowance.syncBytes) {
    const { x0, y0, x1, y1 } = subset.box;
    throw new UsageError(
      `the subset would hold ${formatSize(bytes)} (${x1 - x0}×${y1 - y0} pixels × ${subset.parameters.length} parameters × ${subset.statistics.length} statistics × 4 bytes), ` +
        `over the ${formatSize(caller.allowance.syncBytes)} answered at once: narrow the region, PARAM or STAT, or submit it as a job (POST /api/jobs with the same parameters)`,
      413,
    );
  }
  const chunks = await subsetGate().run(() =>
    subset.format === "fits" ? fitsSubsetInMemory(db, galaxy, subset) : hdf5InMemory(db, dataDir, galaxy, subset),
  );
  const length = chunks.reduce((n, c) => n + c.length, 0);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": FORMAT_TYPES[subset.format],
      "Content-Length": String(length),
      "Content-Disposition": `attachment; filename="${subsetFileName(galaxy, subset)}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** lib/hdf5 writes files: the subset goes through a temporary one. */
async function hdf5InMemory(db: Db, dataDir: string, galaxy: SubsetGalaxy, subset: SubsetRequest) {
  const file = path.join(os.tmpdir(), `pogs-subset-${randomBytes(8).toString("hex")}.h5`);
  try {
    await writeSubsetFile(db, dataDir, galaxy, subset, file);
    return [await readFile(file)];
  } finally {
    await rm(file, { force: true });
  }
}
