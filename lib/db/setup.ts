// Brings a database's schema up to date and opens it: migrations and SQLite settings. The rows
// every survey needs come on top, from lib/survey/setup-database.ts.
import Database from "better-sqlite3";
import { createDb, type Db } from "./client";
import { applyMigrations } from "./migrations";
import { providerOf, sqlitePath } from "./provider";

export async function openMigratedDatabase(databaseUrl: string): Promise<{ applied: string[]; db: Db }> {
  const applied = await applyMigrations(databaseUrl);
  if (providerOf(databaseUrl) === "sqlite") {
    // WAL lets readers (the web server) go on while an ingest writes; it persists in the file.
    const sqlite = new Database(sqlitePath(databaseUrl));
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }
  return { applied, db: createDb(databaseUrl) };
}
