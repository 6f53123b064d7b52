// The one Prisma client of the process. The generated client is bound to its provider (Prisma 7),
// so the SQLite or PostgreSQL client is chosen from DATABASE_URL; both expose the same model API,
// typed here as the SQLite one. Cached on globalThis so dev hot reload does not reopen the database.
import { existsSync } from "node:fs";
import path from "node:path";
import { settings } from "@/lib/config";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { adapterFactory, providerOf, sqlitePath } from "./provider";

export type Db = SqliteClient;

export class DatabaseUnavailableError extends Error {}

/** Whether the client reaches PostgreSQL (the generated client records its provider). */
export function isPostgresClient(db: Db): boolean {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}

export function createDb(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === "sqlite") {
    const file = sqlitePath(databaseUrl);
    // better-sqlite3 would silently create an empty database; a missing file means setup has not run.
    if (!existsSync(file)) {
      throw new DatabaseUnavailableError(
        `Database not found at ${path.resolve(file)}: run \`npm run db:migrate\` (or \`npm start\`, which sets everything up)`,
      );
    }
    return new SqliteClient({ adapter: adapterFactory(databaseUrl), omit: { account: { passwordHash: true } } });
  }
  return new PostgresClient({
    adapter: adapterFactory(databaseUrl),
    omit: { account: { passwordHash: true } },
  }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { pogsDb?: Db };

/** The process-wide client, opened on first use. */
export function db(): Db {
  globalForDb.pogsDb ??= createDb(settings().databaseUrl);
  return globalForDb.pogsDb;
}
