// npm run db:copy -- --to postgresql://… [--from file:…] [--replace]
// Copies the SQLite database (DATABASE_URL, or --from) into a PostgreSQL database, migrating it
// first: every table with its ids, counts checked, all or nothing (lib/db/copy.ts).
import { parseArgs } from "node:util";
import { settings } from "@/lib/config";
import { copySqliteToPostgres } from "@/lib/db/copy";
import { runCli } from "./cli";
import { progress, type Progress } from "./progress";

const USAGE = "usage: npm run db:copy -- --to postgresql://user@host:5432/db [--from file:path] [--replace]";

await runCli(async () => {
  const { values } = parseArgs({
    options: { to: { type: "string" }, from: { type: "string" }, replace: { type: "boolean" } },
  });
  if (!values.to) throw new Error(USAGE);
  const from = values.from ?? settings().databaseUrl;
  const started = performance.now();
  let bar: Progress | null = null;
  const copied = await copySqliteToPostgres({
    from,
    to: values.to,
    replace: values.replace,
    onTable: (table, rows) => {
      bar?.stop();
      bar = rows > 0 ? progress(`Copying ${table}`, rows, "rows") : null;
    },
    onRows: (_table, done) => bar?.update(done),
  });
  (bar as Progress | null)?.stop();
  const rows = copied.reduce((sum, t) => sum + t.rows, 0);
  const target = new URL(values.to);
  target.password = target.password ? "***" : "";
  console.log(
    `copied ${rows} rows in ${copied.length} tables from ${from} to ${target.href} in ${((performance.now() - started) / 1000).toFixed(1)} s; row counts match`,
  );
  for (const t of copied.filter((t) => t.rows > 0)) console.log(`  ${t.table.padEnd(24)} ${t.rows}`);
});
