// npm run archive -- <galaxyId>… | --all-processed
// Builds the HDF5 archive of processed galaxies and marks them archived; prints path, size, sha256.
import { parseArgs } from "node:util";
import { settings } from "@/lib/config";
import { db } from "@/lib/db/client";
import {
  archiveGalaxy,
  ArchiveRefusedError,
  processedGalaxies,
  removeStaleArchives,
  type ArchiveResult,
} from "@/lib/hdf5";
import { runCli } from "./cli";
import { progress, type Progress } from "./progress";

const USAGE = "usage: npm run archive -- <galaxyId>… | --all-processed";

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "all-processed": { type: "boolean" } },
  });
  const all = values["all-processed"] ?? false;
  if (all ? positionals.length > 0 : positionals.length === 0) throw new Error(USAGE);
  const ids = positionals.map((s) => {
    if (!/^\d+$/.test(s)) throw new Error(`"${s}" is not a galaxy id; ${USAGE}`);
    return Number(s);
  });
  const { dataDir } = settings();
  const removed = await removeStaleArchives(db(), dataDir);
  if (removed.length)
    console.log(
      `removed ${removed.length} stale archive file${removed.length === 1 ? "" : "s"}: ${removed.join(", ")}`,
    );
  const targets = all ? (await processedGalaxies(db())).map((g) => g.id) : ids;
  if (!targets.length) console.log("no processed galaxy to archive");

  let refused = 0;
  for (const id of targets) {
    let bar: Progress | null = null;
    try {
      const result = await archiveGalaxy(db(), dataDir, id, {
        onProgress: (done, total) => {
          bar ??= progress(`Archiving galaxy ${id}`, total, "bands");
          bar.update(done);
        },
      });
      (bar as Progress | null)?.stop();
      console.log(describe(result));
    } catch (error) {
      (bar as Progress | null)?.stop();
      // One galaxy: its refusal is the command's error. Several: report it and go on.
      if (!(error instanceof ArchiveRefusedError) || targets.length === 1) throw error;
      console.error(`refused: ${error.message}`);
      refused++;
    }
  }
  await db().$disconnect();
  if (refused) process.exit(1);
});

function describe(r: ArchiveResult): string {
  const mb = (r.size / 1e6).toFixed(r.size < 1e7 ? 2 : 1);
  return `archived galaxy ${r.galaxyId} (${r.name}): ${r.absolutePath}\n  size ${r.size} bytes (${mb} MB), sha256 ${r.sha256}, ${r.pixels} pixels in ${r.seconds.toFixed(1)} s`;
}
