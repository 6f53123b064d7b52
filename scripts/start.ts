// npm start: everything a new user needs, in order: the database (migrated, and filled with the
// demo survey when empty), a production build when the sources changed, then the server.
import { spawn } from "node:child_process";
import path from "node:path";
import { settings } from "../lib/config";
import { setUpDatabase } from "../lib/db/setup";
import { PROJECT_ROOT } from "../lib/db/schema-files";
import { seedSmallSurvey } from "../prisma/seed";
import { ensureBuild } from "./build-state";
import { runCli } from "./cli";

await runCli(async () => {
  const config = settings();
  const { db, applied } = await setUpDatabase(config.databaseUrl);
  if (applied.length) console.log(`Database migrated: ${applied.join(", ")}`);
  if ((await db.galaxy.count()) === 0) {
    await seedSmallSurvey(db);
    console.log("Seeded a small survey");
  }
  await db.$disconnect();
  ensureBuild();
  console.log(`POGS Portal on http://localhost:${config.port} (data in ${config.dataDir})`);
  const server = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(config.port), "-H", config.hostname],
    { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
});
