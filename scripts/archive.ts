// npm run archive -- <galaxyId>… | --all-processed            build HDF5 archives (→ archived)
// npm run archive -- --store <galaxyId>… | --all-archived      copy them to ARCHIVE_STORE, checked (→ stored)
// npm run archive -- --delete [<galaxyId>…]                    drop stored galaxies' per-pixel rows (→ deleted);
//                                                              without ids, those stored ARCHIVE_DELETE_AFTER_DAYS ago
// npm run archive -- --verify [<galaxyId>…]                    check stored archives (sha256); exit 1 on a problem
import { parseArgs } from "node:util";
import {
  archivedGalaxies,
  claimedStep,
  deleteResults,
  GalaxySkippedError,
  galaxiesDueForDeletion,
  LifecycleRefusedError,
  reclaimSpace,
  storeArchive,
  verifyStoredArchives,
} from "@/lib/archive-store";
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

const USAGE =
  "usage: npm run archive -- <galaxyId>… | --all-processed | --store <galaxyId>… | --all-archived | --delete [<galaxyId>…] | --verify [<galaxyId>…]";

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "all-processed": { type: "boolean" },
      store: { type: "boolean" },
      "all-archived": { type: "boolean" },
      delete: { type: "boolean" },
      verify: { type: "boolean" },
    },
  });
  const ids = positionals.map((s) => {
    if (!/^\d+$/.test(s)) throw new Error(`"${s}" is not a galaxy id; ${USAGE}`);
    return Number(s);
  });
  const modes = (["all-processed", "store", "all-archived", "delete", "verify"] as const).filter((m) => values[m]);
  if (modes.length > 1) throw new Error(`--${modes.join(" and --")} cannot be combined; ${USAGE}`);
  const mode: string = modes[0] ?? "build";
  if ((mode === "all-processed" || mode === "all-archived") && ids.length) throw new Error(USAGE);
  if ((mode === "build" || mode === "store") && !ids.length) throw new Error(USAGE);

  let failed = 0;
  if (mode === "build" || mode === "all-processed") failed = await build(mode === "build" ? ids : null);
  else if (mode === "store" || mode === "all-archived") {
    const { dataDir, archiveStore } = settings();
    const targets = ids.length ? ids : (await archivedGalaxies(db())).map((g) => g.id);
    if (!targets.length) console.log("no archived galaxy to store");
    failed = await each(targets, ids.length ? null : "archived", async (id) => {
      const r = await storeArchive(db(), dataDir, archiveStore, id);
      console.log(
        `stored galaxy ${r.galaxyId} (${r.name}): ${r.storedPath}\n  ${r.size} bytes, sha256 ${r.sha256} checked`,
      );
    });
  } else if (mode === "delete") {
    const days = settings().archiveDeleteAfterDays;
    const targets = ids.length ? ids : (await galaxiesDueForDeletion(db(), days)).map((g) => g.id);
    if (!targets.length) console.log(`no galaxy stored more than ${days} days ago`);
    let deleted = 0;
    failed = await each(targets, ids.length ? null : "stored", async (id) => {
      const r = await deleteResults(db(), id);
      deleted++;
      console.log(`deleted the per-pixel results of galaxy ${r.galaxyId} (${r.name}): ${r.rows} rows`);
    });
    if (deleted) {
      const started = performance.now();
      await reclaimSpace(db());
      console.log(`database space reclaimed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } else {
    const outcomes = await verifyStoredArchives(db(), ids.length ? ids : undefined);
    if (!outcomes.length) console.log("no stored archive to verify");
    for (const o of outcomes) console.log(`galaxy ${o.galaxyId} (${o.name}, ${o.status}): ${o.problem ?? "ok"}`);
    failed = outcomes.filter((o) => o.problem).length;
  }
  await db().$disconnect();
  if (failed) process.exit(1);
});

/**
 * Runs `task` for each galaxy under its work claim (lib/archive-store/claimed-step.ts). One
 * galaxy's refusal is the command's error, several are reported. `sweep`: the status the galaxies
 * were listed by when none were named; a galaxy another process holds or got to first is then
 * skipped and reported, not a failure (named ones it is).
 */
async function each(ids: number[], sweep: string | null, task: (id: number) => Promise<void>): Promise<number> {
  let refused = 0;
  for (const id of ids) {
    try {
      await claimedStep(db(), id, sweep, () => task(id));
    } catch (error) {
      if (error instanceof GalaxySkippedError && sweep) {
        console.log(`skipped: ${error.message}`);
        continue;
      }
      const refusal =
        error instanceof ArchiveRefusedError ||
        error instanceof LifecycleRefusedError ||
        error instanceof GalaxySkippedError;
      if (!refusal || ids.length === 1) throw error;
      console.error(`refused: ${error.message}`);
      refused++;
    }
  }
  return refused;
}

async function build(ids: number[] | null): Promise<number> {
  const { dataDir } = settings();
  const removed = await removeStaleArchives(db(), dataDir);
  if (removed.length)
    console.log(
      `removed ${removed.length} stale archive file${removed.length === 1 ? "" : "s"}: ${removed.join(", ")}`,
    );
  const targets = ids ?? (await processedGalaxies(db())).map((g) => g.id);
  if (!targets.length) console.log("no processed galaxy to archive");
  return each(targets, ids ? null : "processed", async (id) => {
    let bar: Progress | null = null;
    try {
      const r = await archiveGalaxy(db(), dataDir, id, {
        onProgress: (done, total) => {
          bar ??= progress(`Archiving galaxy ${id}`, total, "bands");
          bar.update(done);
        },
      });
      (bar as Progress | null)?.stop();
      console.log(describe(r));
    } catch (error) {
      (bar as Progress | null)?.stop();
      throw error;
    }
  });
}

function describe(r: ArchiveResult): string {
  const mb = (r.size / 1e6).toFixed(r.size < 1e7 ? 2 : 1);
  return `archived galaxy ${r.galaxyId} (${r.name}): ${r.absolutePath}\n  size ${r.size} bytes (${mb} MB), sha256 ${r.sha256}, ${r.pixels} pixels in ${r.seconds.toFixed(1)} s`;
}
