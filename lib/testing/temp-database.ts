// A real SQLite database in a fresh temporary folder, migrated like production. The process-wide
// client (lib/db/client) reads DATABASE_URL once, so this sets the environment before any query
// module is imported by the test.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { setUpDatabase } from "@/lib/survey/setup-database";

export type TempDatabase = { db: Db; dataDir: string; databaseUrl: string; cleanup(): Promise<void> };

export async function createTempDatabase(options: { useAsProcessDefault?: boolean } = {}): Promise<TempDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "pogs-test-"));
  const databaseUrl = `file:${path.join(dataDir, "pogs.db")}`;
  if (options.useAsProcessDefault) {
    process.env.DATA_DIR = dataDir;
    process.env.DATABASE_URL = databaseUrl;
  }
  const { db } = await setUpDatabase(databaseUrl);
  return {
    db,
    dataDir,
    databaseUrl,
    async cleanup() {
      await db.$disconnect();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
