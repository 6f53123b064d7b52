// A busy database is waited for or retried, never an error: a write lock held by another connection
// (SQLite's busy timeout waits for it), a transaction whose snapshot went stale while it read
// (SQLITE_BUSY_SNAPSHOT, run again by retryWhenBusy), and PostgreSQL's lock timeouts.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isBusyError, retryWhenBusy } from "@/lib/db/busy-retry";
import { sqlitePath } from "@/lib/db/provider";
import { ingestFits } from "@/lib/ingest/results";
import { PROJECT_ROOT } from "@/lib/project-root";
import { TEST_POSTGRES_URL, createPostgresDatabase, type PostgresTestDatabase } from "@/lib/testing/postgres-database";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createTestGalaxy } from "@/tests/helpers/galaxy-fixture";
import { fitInput } from "@/tests/hdf5/fixtures";

// Takes the write lock, says so, holds it (1.5 s unless told), commits.
const HOLD_LOCK = `
const db = new (require("better-sqlite3"))(process.argv[1]);
db.exec("BEGIN IMMEDIATE; INSERT INTO elsewhere VALUES (1)");
console.log("locked");
setTimeout(() => db.exec("COMMIT"), Number(process.argv[2] ?? 1500));
`;

/** Another process holding the write lock for `ms`: resolves once it holds it. */
async function holdWriteLock(databaseUrl: string, ms?: number) {
  // Another process: better-sqlite3 waits for a lock synchronously, so a holder in this thread
  // could never let go.
  const holder = spawn(
    process.execPath,
    ["-e", HOLD_LOCK, sqlitePath(databaseUrl), ...(ms === undefined ? [] : [String(ms)])],
    { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
  return { exited: new Promise((resolve) => holder.on("exit", resolve)) };
}

describe("a busy SQLite database", () => {
  let temp: TempDatabase;
  let other: Database.Database;
  beforeAll(async () => {
    temp = await createTempDatabase();
    other = new Database(sqlitePath(temp.databaseUrl));
    other.exec("CREATE TABLE elsewhere (a)");
  });
  afterAll(async () => {
    other.close();
    await temp.cleanup();
  });

  it("makes an ingest wait for another process's write lock, then store everything", async () => {
    const { areas } = await createTestGalaxy(temp.db, {
      name: "Waits for the lock",
      width: 8,
      height: 4,
      areas: [
        { x0: 0, y0: 0, x1: 4, y1: 4, firstPixelId: 1 },
        { x0: 4, y0: 0, x1: 8, y1: 4, firstPixelId: 17 },
      ],
    });
    const rows = await temp.db.area.findMany({ where: { id: { in: areas.map((a) => a.id) } } });
    const holder = await holdWriteLock(temp.databaseUrl);
    const started = performance.now();
    const report = await ingestFits(
      temp.db,
      rows.map((a) => fitInput(a)),
    );
    expect(await holder.exited).toBe(0);
    expect(performance.now() - started).toBeGreaterThan(1_400);
    expect(report.stored).toBe(2);
    expect(await temp.db.pixelResultBlock.count({ where: { areaId: { in: areas.map((a) => a.id) } } })).toBe(2);
  });

  it("runs a transaction again when another connection committed between its read and its write", async () => {
    let attempts = 0;
    const runs = () =>
      temp.db.$transaction(async (tx) => {
        attempts++;
        const before = await tx.run.count();
        if (attempts === 1) other.exec("INSERT INTO elsewhere VALUES (2)"); // commits at once
        await tx.$executeRawUnsafe("INSERT INTO elsewhere VALUES (3)");
        return before;
      });
    // Without the retry the stale snapshot is an error, and one that says it is busy:
    await expect(runs()).rejects.toSatisfy(isBusyError);
    attempts = 0;
    await expect(retryWhenBusy(runs)).resolves.toBe(1);
    expect(attempts).toBe(2);
    expect(other.prepare("SELECT a FROM elsewhere ORDER BY rowid").pluck().all()).toEqual([1, 2, 2, 3]);
  });

  it("keeps a transaction that read first trying for as long as a statistics import's swap holds the lock", async () => {
    // SQLite gives such a transaction no busy wait: SQLITE_BUSY at once, for the whole 6 s.
    const holder = await holdWriteLock(temp.databaseUrl, 6_000);
    const started = performance.now();
    let attempts = 0;
    const count = await retryWhenBusy(() =>
      temp.db.$transaction(async (tx) => {
        attempts++;
        const before = await tx.run.count();
        await tx.$executeRawUnsafe("INSERT INTO elsewhere VALUES (4)");
        return before;
      }),
    );
    expect(await holder.exited).toBe(0);
    expect(count).toBe(1);
    expect(attempts).toBeGreaterThan(2);
    expect(performance.now() - started).toBeGreaterThan(5_500);
  }, 30_000);

  it("does not retry what is not a busy database", async () => {
    let attempts = 0;
    const failing = retryWhenBusy(async () => {
      attempts++;
      await temp.db.$executeRawUnsafe("INSERT INTO no_such_table VALUES (1)");
    });
    await expect(failing).rejects.toThrow(/no such table/);
    expect(attempts).toBe(1);
  });
});

describe.runIf(TEST_POSTGRES_URL)("a busy PostgreSQL database", () => {
  let database: PostgresTestDatabase;
  beforeAll(async () => {
    database = await createPostgresDatabase("faults_busy");
  });
  afterAll(() => database?.drop());

  it("retries a transaction that timed out waiting for a row lock", async () => {
    const runId = (await database.db.run.findFirstOrThrow()).id;
    const holder = new pg.Client({ connectionString: database.databaseUrl });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`SELECT * FROM "run" WHERE id = $1 FOR UPDATE`, [runId]);
    const release = setTimeout(() => void holder.query("COMMIT"), 700);
    let attempts = 0;
    const renamed = await retryWhenBusy(
      () =>
        database.db.$transaction(async (tx) => {
          attempts++;
          await tx.$executeRawUnsafe("SET LOCAL lock_timeout = '150ms'");
          return tx.run.update({ where: { id: runId }, data: { description: "renamed while busy" } });
        }),
      { attempts: 8, delayMs: 100 },
    );
    clearTimeout(release);
    await holder.end();
    expect(attempts).toBeGreaterThan(1);
    expect(renamed.description).toBe("renamed while busy");
  });
});
