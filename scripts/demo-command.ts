// The demo build with progress bars, shared by `npm run demo` and `npm start` (on an empty database).
import path from "node:path";
import { settings } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { buildDemoSurvey, type DemoOptions } from "@/lib/demo/build/build-demo";
import { importStatsExport } from "@/lib/ingest/stats-import";
import { progress, type Progress } from "./progress";

export async function buildDemoWithProgress(
  db: Db,
  dataDir: string,
  options: Omit<DemoOptions, "importExport" | "onProgress">,
): Promise<void> {
  const started = performance.now();
  let bar: Progress | null = null;
  let phase = "";
  const summary = await buildDemoSurvey(db, dataDir, {
    ...options,
    // The configured store, or one beside the survey being built (the browser tests and benches
    // build theirs in folders of their own, not in the settings' DATA_DIR).
    archiveStore: process.env.ARCHIVE_STORE ? settings().archiveStore : path.join(dataDir, "store"),
    importExport: async (database, dir) => void (await importStatsExport(database, dir)),
    onProgress: (name, done, total) => {
      if (name !== phase) {
        bar?.stop();
        phase = name;
        bar = progress(name.padEnd(27), total, "");
      }
      bar!.update(done);
    },
  });
  (bar as Progress | null)?.stop();
  console.log(
    `Demo survey ready in ${((performance.now() - started) / 1000).toFixed(0)} s: ${summary.galaxies} galaxies, ${summary.processed} of ${summary.workUnits} work units processed ` +
      `(${summary.pixels} pixels), galaxies ${summary.archived} archived, ${summary.stored} stored, ${summary.deleted} deleted, ${summary.users} volunteers, ${summary.exports} daily statistics exports`,
  );
}
