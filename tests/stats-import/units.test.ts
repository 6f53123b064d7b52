// The statistics import's pure pieces: SQL of the batched upsert per dialect, the parameter
// limit, the id set, RAC at the export time, progress lines and the summary.
import { describe, expect, it } from "vitest";
import { formatImportSummary, type StatsImportResult } from "@/lib/ingest/stats-import";
import {
  insertRows,
  insertStatement,
  rowsPerStatement,
  type SqlClient,
  type TableShape,
} from "@/lib/ingest/stats-import/batch-insert";
import { RAC_ZERO_BELOW, USER_TABLE, racAtExport } from "@/lib/ingest/stats-import/credit-rows";
import { IdSet } from "@/lib/ingest/stats-import/id-set";
import { progressDisplay } from "@/lib/ingest/stats-import/progress-display";
import { sqlDialect, type SqlDialect } from "@/lib/ingest/stats-import/sql-dialect";
import { DAY, T0 } from "@/lib/testing/synthetic-dump";

const SHAPE: TableShape = {
  table: "team_delta",
  columns: ["user_id", "team_id", "time"],
  key: ["user_id", "time"],
  bookkeeping: ["team_id"],
};

describe("batched INSERT … ON CONFLICT", () => {
  it("binds values with ? on SQLite and $n on PostgreSQL, with every name quoted", () => {
    const values = [1, 2, "x", 3, 4, "y"];
    expect(insertStatement(sqlDialect("sqlite"), SHAPE, values, "ignore")).toEqual({
      sql: `INSERT INTO "team_delta" ("user_id", "team_id", "time") VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT ("user_id", "time") DO NOTHING`,
      parameters: values,
    });
    expect(insertStatement(sqlDialect("postgresql"), SHAPE, values, "fail").sql).toBe(
      `INSERT INTO "team_delta" ("user_id", "team_id", "time") VALUES ($1, $2, $3), ($4, $5, $6)`,
    );
  });

  it("writes what the import makes itself as SQL: null, '', booleans, DateTimes", () => {
    const time = new Date("2025-08-22T00:00:00.123Z");
    for (const [provider, literal] of [
      ["sqlite", "'2025-08-22T00:00:00.123+00:00'"],
      ["postgresql", "'2025-08-22 00:00:00.123'"],
    ] as const) {
      const dialect = sqlDialect(provider);
      const { sql, parameters } = insertStatement(
        dialect,
        SHAPE,
        [7, null, dialect.dateTimeLiteral(time), "it's", true, ""],
        "fail",
      );
      expect(sql).toBe(
        `INSERT INTO "team_delta" ("user_id", "team_id", "time") VALUES (${dialect.placeholder(0)}, NULL, ${literal}), (${dialect.placeholder(1)}, TRUE, '')`,
      );
      expect(parameters).toEqual([7, "it's"]);
    }
    expect(() => sqlDialect("sqlite").dateTimeLiteral(new Date(Date.UTC(10000, 0, 1)))).toThrow(RangeError);
  });

  it("updates only rows that changed in more than their bookkeeping columns", () => {
    expect(insertStatement(sqlDialect("postgresql"), SHAPE, [1, 2, 3], "update").sql).toBe(
      `INSERT INTO "team_delta" ("user_id", "team_id", "time") VALUES ($1, $2, $3) ON CONFLICT ("user_id", "time") DO UPDATE SET "team_id" = excluded."team_id" WHERE false`,
    );
    const users = insertStatement(
      sqlDialect("sqlite"),
      USER_TABLE,
      Array(USER_TABLE.columns.length).fill(1),
      "update",
    ).sql;
    expect(users).toContain(`DO UPDATE SET "name" = excluded."name", `);
    expect(users).toContain(
      `"updated_at" = excluded."updated_at" WHERE "boinc_user"."name" IS DISTINCT FROM excluded."name" OR `,
    );
    expect(users).not.toContain(`"boinc_user"."updated_at" IS DISTINCT FROM`);
  });

  it("splits rows so no statement passes the dialect's parameter limit", async () => {
    const tiny: SqlDialect = { ...sqlDialect("sqlite"), maxParameters: 10 };
    expect(rowsPerStatement(tiny, SHAPE)).toBe(3);
    expect(rowsPerStatement(sqlDialect("sqlite"), USER_TABLE)).toBe(500);
    const calls: unknown[][] = [];
    const client = {
      $executeRawUnsafe: async (_sql: string, ...values: unknown[]) => (calls.push(values), values.length / 3),
    } as unknown as SqlClient;
    const values = Array.from({ length: 7 * 3 }, (_, i) => i + 1);
    expect(await insertRows(client, tiny, SHAPE, values, "ignore")).toBe(7);
    expect(calls.map((c) => c.length)).toEqual([9, 9, 3]);
    expect(calls.flat()).toEqual(values);
    await expect(insertRows(client, tiny, SHAPE, [1, 2], "ignore")).rejects.toThrow(/whole team_delta rows/);
  });

  it("binds DateTime as Prisma's SQLite text and as a Date on PostgreSQL", () => {
    const time = new Date("2025-08-22T00:00:00.123Z");
    expect(sqlDialect("sqlite").dateTime(time)).toBe("2025-08-22T00:00:00.123+00:00");
    expect(sqlDialect("postgresql").dateTime(time)).toBe(time);
  });
});

describe("IdSet", () => {
  it("says whether an id was new, through growth, for consecutive and strided ids", () => {
    const ids = new IdSet();
    let added = 0;
    for (let i = 1; i <= 200_000; i++) added += ids.add(i * 1024) ? 1 : 0;
    expect(added).toBe(200_000);
    expect(ids.add(1024)).toBe(false);
    expect(ids.add(2_147_483_647)).toBe(true);
    expect([ids.has(2048), ids.has(2049), ids.size]).toEqual([true, false, 200_001]);
    expect(() => ids.add(0)).toThrow(RangeError);
  });
});

describe("RAC at the export time", () => {
  it("decays by BOINC's half-life of a week and shows tiny values as 0", () => {
    expect(racAtExport(100, T0 - 7 * DAY, T0)).toBeCloseTo(50, 9);
    expect(racAtExport(100, T0, T0)).toBe(100);
    expect(racAtExport(100, T0 + DAY, T0)).toBe(100); // a clock ahead never grows RAC
    expect(racAtExport(RAC_ZERO_BELOW * 1.5, T0 - 7 * DAY, T0)).toBe(0);
    expect(racAtExport(RAC_ZERO_BELOW, T0, T0)).toBe(RAC_ZERO_BELOW);
  });
});

describe("progress and summary", () => {
  it("prints a plain line every few seconds when not on a terminal", () => {
    let clock = 0;
    let written = "";
    const stream = { isTTY: false, write: (s: string) => (written += s) } as unknown as NodeJS.WriteStream;
    const display = progressDisplay({ stream, interval: 5, now: () => clock });
    for (let records = 0; records <= 300_000; records += 500) {
      clock = records / 50; // 50,000 records/s
      display.update({ phase: "users", records, done: records * 40, total: 20_000_000 });
    }
    expect(written.split("\n").filter(Boolean)).toEqual(["users: 250,000 records, 50,000 records/s (50% read)"]);
  });

  it("sums an import up in one line", () => {
    const result: StatsImportResult = {
      source: "/data/stats/",
      exportTime: new Date("2025-08-22T00:00:00Z"),
      status: "imported",
      mode: "current",
      users: 1_000_000,
      teams: 60_000,
      skipped: 3,
      skipReasons: [],
      usersWithoutTeam: 12,
      hosts: 0,
      textsRepaired: 0,
      textsKeptLatin1: 0,
      latin1Examples: [],
      userSnapshots: 340_000,
      teamSnapshots: 60_000,
      teamDeltas: 9_500,
      seconds: 41.26,
    };
    expect(formatImportSummary(result)).toBe(
      "Imported the export of 2025-08-22 00:00 UTC: 1,000,000 users, 60,000 teams, 3 skipped, 400,000 snapshots (340,000 users, 60,000 teams), 9,500 team changes, 12 users' team not in team.gz in 41.3 s",
    );
    expect(
      formatImportSummary({ ...result, hosts: 250_000, textsRepaired: 1_234, textsKeptLatin1: 2, usersWithoutTeam: 0 }),
    ).toBe(
      "Imported the export of 2025-08-22 00:00 UTC: 1,000,000 users, 60,000 teams, 250,000 computers, 3 skipped, 400,000 snapshots (340,000 users, 60,000 teams), 9,500 team changes, 1,234 names and texts repaired from BOINC's byte-wise escaping, 2 texts not UTF-8, kept as Latin-1 in 41.3 s",
    );
    expect(formatImportSummary({ ...result, mode: "history" })).toMatch(
      /^Imported the export of 2025-08-22 00:00 UTC as history \(a newer export is already imported\): /,
    );
    expect(formatImportSummary({ ...result, status: "already imported", seconds: 0.2 })).toBe(
      "The export of 2025-08-22 00:00 UTC is already imported: nothing changed (0.2 s)",
    );
  });
});
