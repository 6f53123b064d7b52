// `import-stats.ts <databaseUrl> <export dir>`: a statistics import that prints its progress and
// stops mid-way through the users, for the fault test to kill.
import { createDb } from "@/lib/db/client";
import { importStatsExport } from "@/lib/ingest/stats-import";
import { freeze } from "./freeze";

const [databaseUrl, dir] = process.argv.slice(2);
await importStatsExport(createDb(databaseUrl), dir, {
  parseInWorker: false,
  onProgress: (p) => {
    console.log(`${p.phase} ${p.records}`);
    if (p.phase !== "users" || p.records < 2_000) return;
    console.log("stopped in the users");
    freeze();
  },
});
