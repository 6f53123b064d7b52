// Milestone detection on a hand-made survey in a real SQLite database: round-numbered work units
// and pixels with the volunteers credited, galaxies completed, credit and volunteer landmarks from
// the exports; detecting twice, and replaying a statistics import, add nothing.
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { landmarksUpTo } from "@/lib/credit/milestones/landmarks";
import { ordinal } from "@/lib/credit/milestones/describe";
import type { Db } from "@/lib/db/client";
import { importStatsExport } from "@/lib/ingest/stats-import";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { T0, team, user, writeDump } from "@/lib/testing/synthetic-dump";
import { addEarlyResults, addSurvey, at } from "./survey";

let temp: TempDatabase;
let db: Db;
let detectMilestones: (db: Db) => Promise<number>;
let getMilestoneFeed: typeof import("@/lib/credit/milestones/queries").getMilestoneFeed;
const dumps = mkdtempSync(path.join(os.tmpdir(), "pogs-milestones-"));

beforeAll(async () => {
  temp = await createTempDatabase({ useAsProcessDefault: true });
  db = temp.db;
  ({ detectMilestones } = await import("@/lib/credit/milestones/detect"));
  ({ getMilestoneFeed } = await import("@/lib/credit/milestones/queries"));
  await addSurvey(db);
});
afterAll(async () => {
  await temp.cleanup();
  rmSync(dumps, { recursive: true, force: true });
});

const rows = () =>
  db.milestone.findMany({
    orderBy: [{ kind: "asc" }, { value: "asc" }],
    select: { kind: true, value: true, reachedAt: true, userId: true, galaxyId: true, text: true },
  });

describe("landmarks", () => {
  it("are the one-digit multiples of each power of ten from the first", () => {
    expect(landmarksUpTo(2500, 100)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 2000]);
    expect(landmarksUpTo(12, 1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(landmarksUpTo(99, 100)).toEqual([]);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 111, 2000].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "111th",
      "2,000th",
    ]);
  });
});

describe("detecting milestones", () => {
  it("finds the round-numbered work units and pixels in processing order, and the galaxies completed", async () => {
    expect(await detectMilestones(db)).toBe(5);
    expect(await rows()).toEqual([
      {
        kind: "galaxies",
        value: 1,
        reachedAt: at(150),
        userId: null,
        galaxyId: 1,
        text: "The first galaxy completed: NGC 1",
      },
      {
        kind: "pixels",
        value: 10_000,
        reachedAt: at(100),
        userId: 100,
        galaxyId: 1,
        text: "10,000 pixels fitted, in an area of NGC 1",
      },
      {
        kind: "pixels",
        value: 20_000,
        reachedAt: at(199),
        userId: 200,
        galaxyId: 2,
        text: "20,000 pixels fitted, in an area of NGC 2",
      },
      {
        kind: "work_units",
        value: 100,
        reachedAt: at(100),
        userId: 100,
        galaxyId: 1,
        text: "The 100th work unit, in an area of NGC 1",
      },
      {
        kind: "work_units",
        value: 200,
        reachedAt: at(199),
        userId: 200,
        galaxyId: 2,
        text: "The 200th work unit, in an area of NGC 2",
      },
    ]);
  });

  it("names every volunteer credited with a work unit, by their current names", async () => {
    await db.boincUser.update({ where: { id: 100 }, data: { name: "Ann" } });
    const feed = await getMilestoneFeed(10);
    const hundredth = feed.find((m) => m.kind === "work_units" && m.value === 100)!;
    expect(hundredth.title).toBe("The 100th work unit");
    expect(hundredth.galaxy).toEqual({ id: 1, name: "NGC 1" });
    expect(hundredth.volunteers).toEqual([
      { id: 100, name: "Ann" },
      { id: 5100, name: "Volunteer 5100" },
    ]);
  });

  it("records nothing new when detected again", async () => {
    const before = await rows();
    expect(await detectMilestones(db)).toBe(0);
    expect(await rows()).toEqual(before);
  });

  it("settles a kind's landmarks again when results processed earlier arrive late", async () => {
    await addEarlyResults(db);
    // 300 work units now: the 300th is new, and the 100th and 200th move back by 90.
    expect(await detectMilestones(db)).toBeGreaterThan(0);
    const workUnits = (await rows()).filter((m) => m.kind === "work_units");
    expect(workUnits.map((m) => [m.value, m.reachedAt, m.userId])).toEqual([
      [100, at(10), 10],
      [200, at(110), 110],
      [300, at(209), 210],
    ]);
    const galaxies = (await rows()).filter((m) => m.kind === "galaxies");
    expect(galaxies.map((m) => [m.value, m.galaxyId, m.reachedAt])).toEqual([
      [1, 3, at(-41)],
      [2, 1, at(150)],
      [3, 2, at(209)],
    ]);
    expect(await detectMilestones(db)).toBe(0);
  });

  it("adds credit and volunteer landmarks with each statistics import, and nothing when the import is replayed", async () => {
    const users = Array.from({ length: 12 }, (_, i) => user(i + 1, { totalCredit: 2_000 * (i + 1) }));
    const dir = await writeDump(path.join(dumps, "day"), { updateTime: T0, users, teams: [team(1)] });
    await importStatsExport(db, dir);
    const added = (await rows()).filter((m) => m.kind === "credit" || m.kind === "volunteers");
    expect(added.map((m) => [m.kind, m.value, m.reachedAt.getTime() / 1000])).toEqual([
      ...[10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000, 100_000].map((v) => [
        "credit",
        v,
        T0,
      ]),
      ["volunteers", 10, T0],
    ]);
    const before = await rows();
    expect((await importStatsExport(db, dir)).status).toBe("already imported");
    expect(await rows()).toEqual(before);
  });
});
