// `import-stats.ts <databaseUrl> <export dir> [users|rebuild]`: a statistics import that prints its
// progress and stops mid-way through the users (default), or through rebuilding the volunteer
// table beside the live one (forced at any size), for the fault test to kill.
import { createDb } from "@/lib/db/client";
import { importStatsExport } from "@/lib/ingest/stats-import";
import { freeze } from "./freeze";

const [databaseUrl, dir, stopIn = "users"] = process.argv.slice(2);
await importStatsExport(createDb(databaseUrl), dir, {
  parseInWorker: false,
  rebuildUsersAt: stopIn === "rebuild" ? 0 : undefined,
  onProgress: (p) => {
    console.log(`${p.phase} ${p.records}`);
    if (p.phase !== stopIn || p.records < 2_000) return;
    console.log(`stopped in the ${stopIn}`);
    freeze();
  },
});
