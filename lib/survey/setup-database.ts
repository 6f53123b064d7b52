// Brings a survey database up to date: migrations, SQLite settings, reference rows. Used by
// `npm run db:migrate`, `npm start`, the demo and the tests.
import type { Db } from "@/lib/db/client";
import { openMigratedDatabase } from "@/lib/db/setup";
import { ensureReferenceData } from "./reference-data";

export async function setUpDatabase(databaseUrl: string): Promise<{ applied: string[]; db: Db }> {
  const opened = await openMigratedDatabase(databaseUrl);
  await ensureReferenceData(opened.db);
  return opened;
}
