// Brings a database up to date: migrations, SQLite settings, reference rows. Used by
// `npm run db:migrate`, `npm start`, the demo and the tests.
import Database from "better-sqlite3";
import { createDb, type Db } from "./client";
import { applyMigrations } from "./migrations";
import { providerOf, sqlitePath } from "./provider";
import { ensureReferenceData } from "./reference-data";

export async function setUpDatabase(databaseUrl: string): Promise<{ applied: string[]; db: Db }> {
  const applied = await applyMigrations(databaseUrl);
  if (providerOf(databaseUrl) === "sqlite") {
    // WAL lets readers (the web server) go on while an ingest writes; it persists in the file.
    const sqlite = new Database(sqlitePath(databaseUrl));
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }
  const db = createDb(databaseUrl);
  await ensureReferenceData(db);
  return { applied, db };
}
