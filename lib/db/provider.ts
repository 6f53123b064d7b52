// Which engine a DATABASE_URL names, and the Prisma driver-adapter factory that reaches it.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { randomUUID } from "node:crypto";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parse as parsePgUrl } from "pg-connection-string";
import type { Provider } from "./schema-files";

export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(
    `DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${databaseUrl.slice(0, 20)}…")`,
  );
}

/** A file: URL's path on disk (relative paths are taken from the working directory). */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
}

export function adapterFactory(databaseUrl: string) {
  return providerOf(databaseUrl) === "sqlite"
    ? new PrismaBetterSqlite3({ url: `file:${sqlitePath(databaseUrl)}`, timeout: 15_000 })
    : // Discrete fields, not connectionString: the adapter makes a shadow database by overriding
      // `database`, which a connection string would silently win over.
      new PrismaPg(pgConfig(databaseUrl));
}

export function pgConfig(databaseUrl: string) {
  const c = parsePgUrl(databaseUrl);
  return {
    host: c.host ?? "localhost",
    port: c.port ? Number(c.port) : 5432,
    user: c.user ?? undefined,
    password: c.password ?? undefined,
    database: c.database ?? undefined,
  };
}

/**
 * The factory the schema engine uses. For PostgreSQL the shadow database (where migrations are
 * replayed to diff them) is made here: the adapter's own drops the database before closing its
 * pool, which PostgreSQL refuses ("is being accessed by other users").
 */
export function migrationAdapterFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const base = adapterFactory(databaseUrl);
  if (providerOf(databaseUrl) === "sqlite") return base;
  const config = pgConfig(databaseUrl);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    connectToShadowDb: async () => {
      const admin = new pg.Client(config);
      await admin.connect();
      const name = `pogs_shadow_${randomUUID().replace(/-/g, "")}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      const adapter = await new PrismaPg({ ...config, database: name }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      };
      return adapter;
    },
  };
}
