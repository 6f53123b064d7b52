// The e2e server's survey (a small deterministic demo, see scripts/e2e-server.ts), read directly
// from its SQLite file so tests compare pages with the database rather than with copied numbers.
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { creditChanged } from "@/lib/cache/events";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = path.join(os.tmpdir(), `pogs-e2e-${E2E_PORT}`);

export function surveyDb() {
  return new Database(path.join(E2E_DATA_DIR, "pogs.db"), { readonly: true, fileMustExist: true });
}

export function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = surveyDb();
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function one<T>(sql: string, ...params: unknown[]): T {
  const rows = query<T>(sql, ...params);
  if (!rows.length) throw new Error(`no row for: ${sql}`);
  return rows[0];
}

/**
 * A test that changes credit data behind the server's back fires the event the portal would,
 * then waits out the interval at which server processes read tag versions (lib/cache).
 */
export async function creditChangedForServer(): Promise<void> {
  await creditChanged(E2E_DATA_DIR);
  await new Promise((resolve) => setTimeout(resolve, 400));
}
