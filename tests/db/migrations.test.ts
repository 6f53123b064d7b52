import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, migrationDrift } from "@/lib/db/migrations";
import { postgresSchemaFrom, schemaPath } from "@/lib/db/schema-files";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

describe("migrations (SQLite)", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
  });
  afterAll(() => temp.cleanup());

  it("create every model's table and record themselves like `prisma migrate deploy`", () => {
    const sqlite = new Database(temp.databaseUrl.slice("file:".length), { readonly: true });
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table'")
      .all()
      .map((r) => (r as { name: string }).name);
    const applied = sqlite.prepare("select migration_name, finished_at from _prisma_migrations").all() as {
      migration_name: string;
      finished_at: string | null;
    }[];
    sqlite.close();
    const mapped = [...readFileSync(schemaPath("sqlite"), "utf8").matchAll(/@@map\("(\w+)"\)/g)].map((m) => m[1]);
    expect(mapped.length).toBeGreaterThan(20);
    for (const table of mapped) expect(tables).toContain(table);
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every((m) => m.finished_at)).toBe(true);
  });

  it("apply nothing the second time", async () => {
    expect(await applyMigrations(temp.databaseUrl)).toEqual([]);
  });

  it("agree with schema.prisma (add a migration with `npm run db:migration -- <name>`)", async () => {
    const drift = await migrationDrift(temp.databaseUrl);
    expect(drift, `schema.prisma changed without a migration:\n${drift}`).toBe("");
  });

  it("are reported as drifting when the schema gains a column without a migration", async () => {
    const changed = readFileSync(schemaPath("sqlite"), "utf8").replace(
      "  hubbleType ",
      '  morphologyNote String @default("")\n  hubbleType ',
    );
    const drift = await migrationDrift(temp.databaseUrl, changed);
    expect(drift).toMatch(/ALTER TABLE|CREATE TABLE/);
    expect(drift).toContain("morphologyNote");
  });

  it("fill the reference rows: 34 POGS filters and the default run", async () => {
    expect(await temp.db.filter.count()).toBe(34);
    expect(await temp.db.filter.findUnique({ where: { magphysId: 283 } })).toMatchObject({
      name: "WISEW4",
      bandClass: "IR",
    });
    expect(await temp.db.runFilter.count()).toBe(34);
  });
});

describe("the PostgreSQL schema", () => {
  it("is exactly the one derived from schema.prisma (run `npm run db:generate` after editing)", () => {
    const derived = postgresSchemaFrom(readFileSync(schemaPath("sqlite"), "utf8"));
    expect(readFileSync(schemaPath("postgresql"), "utf8")).toBe(derived);
  });

  // Needs a PostgreSQL server to replay the migrations on a shadow database; .ci/run provides one.
  const pgUrl = process.env.POGS_TEST_POSTGRES_URL;
  it.runIf(pgUrl)("agrees with its migrations", async () => {
    const drift = await migrationDrift(pgUrl!);
    expect(drift, `prisma/postgres/schema.prisma changed without a migration:\n${drift}`).toBe("");
  });
});
