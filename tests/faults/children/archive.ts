// `archive.ts <databaseUrl> <dataDir> <galaxyId>`: an archive build that stops after its first
// band is written, for the fault test to kill.
import { createDb } from "@/lib/db/client";
import { archiveGalaxy } from "@/lib/hdf5";
import { freeze } from "./freeze";

const [databaseUrl, dataDir, galaxyId] = process.argv.slice(2);
await archiveGalaxy(createDb(databaseUrl), dataDir, Number(galaxyId), {
  onProgress: (done, total) => {
    console.log(`band ${done}/${total}`);
    freeze();
  },
});
