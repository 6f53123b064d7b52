// Moving a SQLite portal to PostgreSQL (`npm run db:copy`, README "Moving a running SQLite portal
// to PostgreSQL"): a small demo survey, built through the real registration, ingest and import
// paths, is copied by the CLI into a private PostgreSQL database (POGS_TEST_POSTGRES_URL), and every
// row of every table is compared; the sequences continue after the copied ids; a target that
// already holds data is refused unless --replace.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { targetTables, type CopyTable } from "@/lib/db/copy-schema";
import { buildDemoSurvey } from "@/lib/demo/build/build-demo";
import { importStatsExport } from "@/lib/ingest/stats-import";
import { PROJECT_ROOT } from "@/lib/project-root";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { TEST_POSTGRES_URL } from "@/lib/testing/postgres-database";

/** One value as both engines should agree on it (times to the millisecond, bytes as hex). */
function normal(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "timestamp") {
    const text = value instanceof Date ? value.toISOString() : String(value);
    const ms =
      value instanceof Date
        ? value.getTime()
        : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
    return new Date(ms).toISOString();
  }
  if (type === "bool") return Number(value === true || value === 1 || value === "1" || value === 1n);
  if (Buffer.isBuffer(value)) return value.toString("hex");
  if (typeof value === "bigint" || type === "int4" || type === "int8" || type === "float8") return Number(value);
  return value;
}

/** Times as PostgreSQL spells them (node-pg would read a zone-less timestamp as local time). */
const rawTimes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.TIMESTAMP
      ? (v: string) => v
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

function run(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-copy.ts", ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, POGS_DEBUG: "" },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe.runIf(TEST_POSTGRES_URL)("copying a SQLite portal to PostgreSQL", () => {
  let dataDir: string;
  let sqliteUrl: string;
  let targetUrl: string;
  let admin: pg.Client;
  let target: pg.Client;
  let tables: CopyTable[];
  const name = `pogs_copy_${process.pid}_${Date.now()}`;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "pogs-copy-"));
    sqliteUrl = `file:${path.join(dataDir, "pogs.db")}`;
    const { db } = await setUpDatabase(sqliteUrl);
    await buildDemoSurvey(db, dataDir, {
      seed: "3",
      galaxies: 4,
      users: 40,
      weeks: 2,
      maxSize: 64,
      end: new Date("2026-11-23T00:00:00Z"),
      archiveStore: path.join(dataDir, "store"),
      importExport: async (database, dir) => void (await importStatsExport(database, dir)),
    });
    await db.$disconnect();
    admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(TEST_POSTGRES_URL!);
    url.pathname = `/${name}`;
    targetUrl = url.href;
  }, 600_000);

  afterAll(async () => {
    await target?.end();
    await admin?.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("copies every row of every table, migrating the empty target first", async () => {
    const copy = run(["--from", sqliteUrl, "--to", targetUrl]);
    expect(copy.code, copy.out).toBe(0);
    expect(copy.out).toMatch(/copied \d+ rows in \d+ tables .* row counts match/);
    target = new pg.Client({ connectionString: targetUrl });
    await target.connect();
    tables = await targetTables(target);
    const source = new Database(sqliteUrl.slice(5), { readonly: true });
    source.defaultSafeIntegers(true);
    let compared = 0;
    try {
      for (const table of tables) {
        const columns = table.columns.map((c) => `"${c.name}"`).join(", ");
        const sqliteRows = source.prepare(`SELECT ${columns} FROM "${table.name}"`).raw().all() as unknown[][];
        const pgRows = (
          await target.query({ text: `SELECT ${columns} FROM "${table.name}"`, rowMode: "array", types: rawTimes })
        ).rows as unknown[][];
        // Sorted here: the engines order text differently (collations).
        const norm = (rows: unknown[][]) =>
          rows.map((r) => JSON.stringify(r.map((v, i) => normal(v, table.columns[i].type)))).sort();
        expect(norm(pgRows), table.name).toEqual(norm(sqliteRows));
        compared += sqliteRows.length;
      }
    } finally {
      source.close();
    }
    // A real survey: galaxies, work units with results, volunteers, their credit history.
    for (const t of ["galaxy", "area", "pixel_result_block", "boinc_user", "team", "user_credit_snapshot", "account"])
      expect(Number((await target.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n), t).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(1000);
  }, 300_000);

  it("continues the ids after the copied ones, through the portal's own client", async () => {
    const db: Db = createDb(targetUrl);
    try {
      const before = (await db.account.aggregate({ _max: { id: true } }))._max.id!;
      const made = await db.account.create({ data: { email: "copied@example.org", passwordHash: "x" } });
      expect(made.id).toBe(before + 1);
      const run0 = await db.run.findFirstOrThrow();
      const galaxyMax = (await db.galaxy.aggregate({ _max: { id: true } }))._max.id!;
      const g = await db.galaxy.create({
        data: {
          runId: run0.id,
          name: "AFTER COPY",
          ra: 1,
          dec: 2,
          redshift: 0.01,
          width: 10,
          height: 10,
          pixelScale: 1,
          wcs: "{}",
        },
      });
      expect(g.id).toBe(galaxyMax + 1);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a target that holds data unless told to replace it, and then replaces it whole", async () => {
    const refused = run(["--from", sqliteUrl, "--to", targetUrl]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(
      /^error: the PostgreSQL database already holds data \(table \w+\); --replace overwrites it$/m,
    );
    const replaced = run(["--from", sqliteUrl, "--to", targetUrl, "--replace"]);
    expect(replaced.code, replaced.out).toBe(0);
    const left = await target.query(`SELECT count(*) AS n FROM galaxy WHERE name = 'AFTER COPY'`);
    expect(Number(left.rows[0].n)).toBe(0);
    const bad = run(["--to", "mysql://root@127.0.0.1/x", "--from", sqliteUrl]);
    expect(bad.out).toMatch(/^error: .*postgresql/m);
  }, 120_000);
});
