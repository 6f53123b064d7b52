// npm run db:migration -- <name> [--postgres <url>]: writes a migration for what schema.prisma
// changed, for SQLite and (when a PostgreSQL URL is given) for PostgreSQL.
import { createMigration } from "@/lib/db/migrations";

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith("--") && !a.includes("://"));
const pgIndex = args.indexOf("--postgres");
const pgUrl = pgIndex >= 0 ? args[pgIndex + 1] : undefined;
if (!name) {
  console.error("usage: npm run db:migration -- <name> [--postgres postgresql://…]");
  process.exit(2);
}
// The SQLite shadow database lives in memory; the URL only picks the provider.
// One time for both engines, so their migration folders have the same names.
const now = new Date();
const sqliteDir = await createMigration("file::memory:", name, now);
console.log(sqliteDir ? `wrote ${sqliteDir}` : "SQLite: schema and migrations already agree");
if (pgUrl) {
  const pgDir = await createMigration(pgUrl, name, now);
  console.log(pgDir ? `wrote ${pgDir}` : "PostgreSQL: schema and migrations already agree");
} else {
  console.log("PostgreSQL migration not written: pass --postgres <url of a server to use as shadow database>");
}
