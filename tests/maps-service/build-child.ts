// A separate process that builds a galaxy's maps and prints its progress, for the crash test to
// kill mid-build: `tsx tests/maps-service/build-child.ts <databaseUrl> <dataDir> <galaxyId>`.
import { createDb } from "@/lib/db/client";
import { buildGalaxyMaps } from "@/lib/maps/service/build-maps";

const [databaseUrl, dataDir, galaxyId] = process.argv.slice(2);
const db = createDb(databaseUrl);
await buildGalaxyMaps(Number(galaxyId), {
  db,
  dataDir,
  concurrency: 1,
  onProgress: (done, total, key) => console.log(`${done}/${total} ${key}`),
});
console.log("done");
await db.$disconnect();
