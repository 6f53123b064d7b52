// npm run demo -- [--seed 1] [--galaxies 24] [--users 200] [--weeks 8] [--end 2026-11-23] [--max-size 224] [--fresh]
// Builds the deterministic demo survey into DATA_DIR through the real registration, ingest and
// statistics-import paths. Refuses a database that already holds galaxies unless --fresh.
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { settings } from "@/lib/config";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { providerOf, sqlitePath } from "@/lib/db/provider";
import { DEMO_DEFAULTS, lastMonday } from "@/lib/demo/build/defaults";
import { runCli } from "./cli";
import { buildDemoWithProgress } from "./demo-command";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      seed: { type: "string" },
      galaxies: { type: "string" },
      users: { type: "string" },
      weeks: { type: "string" },
      end: { type: "string" },
      "max-size": { type: "string" },
      fresh: { type: "boolean" },
    },
  });
  const int = (name: string, v: string | undefined, fallback: number, min: number, max: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} ${v}: expected an integer from ${min} to ${max}`);
    return n;
  };
  const end = values.end ? new Date(`${values.end}T00:00:00Z`) : lastMonday(new Date());
  if (Number.isNaN(end.getTime())) throw new Error(`--end ${values.end}: expected a date like 2026-11-23`);
  const config = settings();
  if (values.fresh) {
    if (providerOf(config.databaseUrl) !== "sqlite")
      throw new Error("--fresh only removes a SQLite database; empty a PostgreSQL database yourself");
    const file = sqlitePath(config.databaseUrl);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    for (const dir of ["galaxies", "tiles", "archives", "demo"])
      rmSync(path.join(config.dataDir, dir), { recursive: true, force: true });
  }
  const { db } = await setUpDatabase(config.databaseUrl);
  if ((await db.galaxy.count()) > 0)
    throw new Error(
      `the database already holds galaxies: run with --fresh to replace it with the demo (${config.databaseUrl})`,
    );

  await buildDemoWithProgress(db, config.dataDir, {
    seed: values.seed ?? DEMO_DEFAULTS.seed,
    galaxies: int("galaxies", values.galaxies, DEMO_DEFAULTS.galaxies, 1, 100_000),
    users: int("users", values.users, DEMO_DEFAULTS.users, 2, 1_000_000),
    weeks: int("weeks", values.weeks, DEMO_DEFAULTS.weeks, 1, 520),
    maxSize: int("max-size", values["max-size"], DEMO_DEFAULTS.maxSize, 16, 4096),
    end,
  });
  await db.$disconnect();
});
