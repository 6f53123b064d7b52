// Writes prisma/postgres/schema.prisma from prisma/schema.prisma, then generates both Prisma clients.
// `prisma generate` never runs the schema engine, but the CLI insists on downloading it unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file; any file will do (see docs/architecture.md, "Storage choices").
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { postgresSchemaFrom, schemaPath } from "@/lib/db/schema-files";
import { PROJECT_ROOT } from "@/lib/project-root";

const sqliteSchema = readFileSync(schemaPath("sqlite"), "utf8");
writeFileSync(schemaPath("postgresql"), postgresSchemaFrom(sqliteSchema));

const prismaCli = path.join(PROJECT_ROOT, "node_modules", "prisma", "build", "index.js");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
for (const provider of ["sqlite", "postgresql"] as const) {
  try {
    execFileSync(process.execPath, [prismaCli, "generate", "--schema", schemaPath(provider)], {
      cwd: PROJECT_ROOT,
      env,
      stdio: "pipe",
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${e.stdout ?? ""}${e.stderr ?? ""}`);
    throw new Error(`prisma generate failed for ${schemaPath(provider)}`);
  }
}
console.log("Prisma clients generated (sqlite, postgresql)");
