// The server the browser tests run against: a small deterministic demo survey (built through the
// real registration, ingest and statistics paths) in a fixed temporary folder, served by the same
// server `npm start` runs (scripts/serve.ts: map tiles on the fast path, the rest through the
// production build). The tests read the same database to know what the pages must show, and
// ingest the pending results written here to watch a page follow a new results version.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { PROJECT_ROOT } from "@/lib/project-root";
import { writePendingResults } from "@/lib/testing/pending-results";
import { startBoincRpcServer } from "@/lib/testing/boinc-rpc-server";
import { pickE2eBoincAccounts, writeE2eBoincAccounts } from "@/lib/testing/e2e-boinc-accounts";
import { E2E_DATA_DIR } from "@/lib/testing/e2e-survey";
import { buildDemoWithProgress } from "./demo-command";

export const E2E_DEMO = {
  seed: "e2e",
  galaxies: 7,
  maxSize: 96,
  users: 30,
  weeks: 3,
  end: new Date("2026-11-23T00:00:00Z"),
};

rmSync(E2E_DATA_DIR, { recursive: true, force: true });
const databaseUrl = `file:${path.join(E2E_DATA_DIR, "pogs.db")}`;
const { db } = await setUpDatabase(databaseUrl);
await buildDemoWithProgress(db, E2E_DATA_DIR, E2E_DEMO);
await writePendingResults(db, E2E_DATA_DIR, E2E_DEMO);
// A BOINC project answering the account-linking RPCs, for the accounts tests.
const boincAccounts = await pickE2eBoincAccounts(db);
writeE2eBoincAccounts(boincAccounts);
const boinc = await startBoincRpcServer(boincAccounts);
await db.$disconnect();

const port = process.env.E2E_PORT ?? "3210";
const server = spawn(
  process.execPath,
  ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/serve.ts"), "--port", port, "--hostname", "127.0.0.1"],
  {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: databaseUrl,
      BOINC_PROJECT_URL: boinc.url,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
);
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => void boinc.close().then(() => process.exit(code ?? 0)));
