// Where each database engine's Prisma schema and migrations live. The generated client is
// provider-bound (Prisma 7), so SQLite and PostgreSQL each have a schema, a migrations folder and
// a client; the PostgreSQL schema is derived from the SQLite one and must never be edited by hand.
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/project-root";

export type Provider = "sqlite" | "postgresql";

export function schemaPath(provider: Provider): string {
  return provider === "sqlite"
    ? path.join(PROJECT_ROOT, "prisma", "schema.prisma")
    : path.join(PROJECT_ROOT, "prisma", "postgres", "schema.prisma");
}

export function migrationsDir(provider: Provider): string {
  return path.join(path.dirname(schemaPath(provider)), "migrations");
}

const GENERATED_NOTICE =
  "// GENERATED from prisma/schema.prisma by `npm run db:generate`. Do not edit: edit that file.\n";

/** The PostgreSQL schema text for a given SQLite schema text. */
export function postgresSchemaFrom(sqliteSchema: string): string {
  const provider = /provider\s*=\s*"sqlite"/;
  const output = /output\s*=\s*"\.\.\/lib\/db\/generated\/sqlite"/;
  if (!provider.test(sqliteSchema) || !output.test(sqliteSchema)) {
    throw new Error('prisma/schema.prisma: expected provider "sqlite" and output "../lib/db/generated/sqlite"');
  }
  return (
    GENERATED_NOTICE +
    sqliteSchema
      .replace(provider, 'provider = "postgresql"')
      .replace(output, 'output       = "../../lib/db/generated/postgres"')
  );
}
