// Migrations in Prisma's standard layout (prisma/migrations/<timestamp>_<name>/migration.sql and
// migration_lock.toml), applied through the WebAssembly schema engine so no native engine is
// needed. The engine records them in `_prisma_migrations`, exactly as `prisma migrate deploy`
// does, so a machine with Prisma's engines can use the CLI on the same database.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import Database from "better-sqlite3";
import pg from "pg";
import { migrationAdapterFactory, providerOf, sqlitePath } from "./provider";
import { openSchemaEngine } from "./schema-engine";
import { restoreIndexNames } from "./table-swap";
import { migrationsDir, schemaPath, type Provider } from "./schema-files";

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export function loadMigrations(provider: Provider): MigrationList {
  const baseDir = migrationsDir(provider);
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => {
      const file = path.join(baseDir, dir, "migration.sql");
      return {
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

function schemaFile(provider: Provider, content?: string) {
  const file = schemaPath(provider);
  return { path: file, content: content ?? readFileSync(file, "utf8") };
}

async function engineFor(databaseUrl: string) {
  const provider = providerOf(databaseUrl);
  if (provider === "sqlite") mkdirSync(path.dirname(path.resolve(sqlitePath(databaseUrl))), { recursive: true });
  return { provider, ...(await openSchemaEngine(migrationAdapterFactory(databaseUrl), schemaFile(provider))) };
}

/** Names of the migrations already recorded in the database (none when it is new). */
async function appliedMigrationNames(databaseUrl: string): Promise<Set<string>> {
  const sql = "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";
  if (providerOf(databaseUrl) === "sqlite") {
    const file = sqlitePath(databaseUrl);
    if (!existsSync(file)) return new Set();
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = '_prisma_migrations'").get();
      return new Set(
        table
          ? sqlite
              .prepare(sql)
              .all()
              .map((r) => (r as { migration_name: string }).migration_name)
          : [],
      );
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT to_regclass('_prisma_migrations') AS t");
    return new Set(exists.rows[0].t ? (await client.query(sql)).rows.map((r) => r.migration_name as string) : []);
  } finally {
    await client.end();
  }
}

/**
 * Applies every migration not yet applied; returns the names applied now. The engine takes an
 * exclusive lock on SQLite, which a running portal would refuse, so it is only started when
 * something is pending: an up-to-date database is left alone.
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const applied = await appliedMigrationNames(databaseUrl);
  const pending = loadMigrations(providerOf(databaseUrl)).migrationDirectories.filter((m) => !applied.has(m.path));
  if (pending.length === 0) return [];
  if (providerOf(databaseUrl) === "sqlite" && existsSync(sqlitePath(databaseUrl)))
    await restoreRebuiltIndexNames(sqlitePath(databaseUrl));
  const { provider, engine, close } = await engineFor(databaseUrl);
  try {
    const out = await engine.applyMigrations({ migrationsList: loadMigrations(provider), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  } finally {
    await close();
  }
}

/** A statistics import may leave the volunteer table's indexes under their other names (./table-swap.ts). */
async function restoreRebuiltIndexNames(file: string): Promise<void> {
  const sqlite = new Database(file, { fileMustExist: true, timeout: 15_000 });
  try {
    await restoreIndexNames({
      execute: async (sql) => sqlite.prepare(sql).run().changes,
      query: async <T>(sql: string) => sqlite.prepare(sql).all() as T[],
    });
  } finally {
    sqlite.close();
  }
}

/**
 * SQL that would bring a database built from the migrations to what schema.prisma says; empty when
 * they agree. The migrations are replayed on a shadow database (in memory for SQLite).
 */
export async function migrationDrift(databaseUrl: string, schemaText?: string): Promise<string> {
  const { provider, engine, close } = await engineFor(databaseUrl);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...loadMigrations(provider) },
      to: { tag: "schemaDatamodel", files: [schemaFile(provider, schemaText)] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = result.stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  } finally {
    await close();
  }
}

/** Writes a new migration folder holding the drift SQL; returns its path, or null when in sync. */
export async function createMigration(databaseUrl: string, name: string, now = new Date()): Promise<string | null> {
  const provider = providerOf(databaseUrl);
  // The engine reads the provider from the lock file, so it must exist before the first diff.
  mkdirSync(migrationsDir(provider), { recursive: true });
  const lock = path.join(migrationsDir(provider), "migration_lock.toml");
  if (!existsSync(lock)) {
    writeFileSync(
      lock,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
    );
  }
  const sql = await migrationDrift(databaseUrl);
  if (!sql) return null;
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir(provider), `${stamp}_${name.replace(/[^a-z0-9_]+/gi, "_").toLowerCase()}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  return dir;
}
