// The server the browser tests run against: a temporary data folder, migrated and seeded, served
// by the production build (`next start`). Removed when the server stops.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setUpDatabase } from "../lib/db/setup";
import { PROJECT_ROOT } from "../lib/db/schema-files";
import { seedSmallSurvey } from "../prisma/seed";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "pogs-e2e-"));
const databaseUrl = `file:${path.join(dataDir, "pogs.db")}`;
const { db } = await setUpDatabase(databaseUrl);
await seedSmallSurvey(db);
await db.$disconnect();

const port = process.env.E2E_PORT ?? "3210";
const server = spawn(process.execPath, [path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), "start", "-p", port, "-H", "127.0.0.1"], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
});
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
