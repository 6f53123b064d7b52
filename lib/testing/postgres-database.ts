// A fresh PostgreSQL database for one test file on the server CI provides (POGS_TEST_POSTGRES_URL),
// migrated like production and dropped afterwards; tests skip themselves when the variable is unset.
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { setUpDatabase } from "@/lib/survey/setup-database";

export const TEST_POSTGRES_URL = process.env.POGS_TEST_POSTGRES_URL;

export type PostgresTestDatabase = { db: Db; databaseUrl: string; drop(): Promise<void> };

/** `label` names the database (`pogs_<label>_<pid>_<time>`) so a leftover one says whose it was. */
export async function createPostgresDatabase(label: string): Promise<PostgresTestDatabase> {
  if (!TEST_POSTGRES_URL) throw new Error("POGS_TEST_POSTGRES_URL is not set");
  const name = `pogs_${label}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const { db } = await setUpDatabase(url.href);
  return {
    db,
    databaseUrl: url.href,
    async drop() {
      await db.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
