// Trophy awarding on a real SQLite file: the rules of each kind, standing trophies (best tier,
// revoked when lost, hidden volunteers left out), and idempotence: a second run, and a replayed
// statistics import, change nothing.
import os from "node:os";
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { awardTrophies } from "@/lib/credit/trophies/award";
import { DEFAULT_TROPHIES } from "@/lib/credit/trophies/catalogue";
import { listTrophies, trophyHolders } from "@/lib/credit/trophies/queries";
import { ensureDefaultTrophies } from "@/lib/credit/trophies/seed";
import { importStatsExport } from "@/lib/ingest/stats-import";
import { DAY as SECONDS_A_DAY, T0, user, writeDump } from "@/lib/testing/synthetic-dump";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { DAY, NOW, addExport, addVolunteers, hideFromLists } from "./helpers";

async function awards(db: Db) {
  const rows = await db.$queryRawUnsafe<{ name: string; user_id: number; awarded_at: Date }[]>(
    `SELECT t."name", a."user_id", a."awarded_at" FROM "trophy_award" a JOIN "trophy" t ON t."id" = a."trophy_id" ORDER BY t."name", a."user_id"`,
  );
  return rows.map((r) => ({
    name: r.name,
    user_id: Number(r.user_id),
    awarded_at: new Date(r.awarded_at).toISOString(),
  }));
}

async function holders(db: Db, name: string): Promise<number[]> {
  return (await awards(db)).filter((a) => a.name === name).map((a) => Number(a.user_id));
}

describe("award rules on a hand-made survey", () => {
  let temp: TempDatabase;
  // 200 volunteers: credit 100·id, RAC 5·id at the export (volunteer 200 first in both).
  const volunteers = Array.from({ length: 200 }, (_, k) => ({
    id: k + 1,
    totalCredit: 100 * (k + 1),
    rac: 5 * (k + 1),
    createTime: NOW - (k + 1) * 10 * DAY,
  }));

  beforeAll(async () => {
    temp = await createTempDatabase();
    await addVolunteers(temp.db, volunteers);
    // Volunteers 195 and 196 tie in credit, straddling the top 5 of the hand-made ranking below.
    await temp.db.boincUser.update({ where: { id: 196 }, data: { totalCredit: 19_500 } });
    await hideFromLists(temp.db, [199]);
    await addExport(temp.db, NOW);
    const run = await temp.db.run.findFirstOrThrow();
    for (const id of [1, 2, 3])
      await temp.db.galaxy.create({
        data: {
          id,
          runId: run.id,
          name: `G${id}`,
          ra: 0,
          dec: 0,
          redshift: 0.01,
          width: 8,
          height: 8,
          pixelScale: 1,
          wcs: "{}",
        },
      });
    await temp.db.galaxyUser.createMany({
      data: [
        ...[1, 2, 3].map((galaxyId) => ({ galaxyId, userId: 5, areaCount: 1, pixelCount: 16 })),
        { galaxyId: 1, userId: 6, areaCount: 2, pixelCount: 30 },
      ],
    });
    await temp.db.trophy.create({ data: { name: "Top 3", kind: "rank", threshold: 3, image: "gold" } });
    await temp.db.trophy.create({ data: { name: "Galaxies 3", kind: "galaxies", threshold: 3, image: "silver" } });
  });
  afterAll(() => temp.cleanup());

  it("seeds the default trophies once", async () => {
    await ensureDefaultTrophies(temp.db);
    expect(await ensureDefaultTrophies(temp.db)).toBe(0);
    expect(await temp.db.trophy.count()).toBe(DEFAULT_TROPHIES.length + 2);
  });

  it("awards thresholds of credit, RAC at the export, galaxies and membership", async () => {
    const result = await awardTrophies(temp.db);
    expect(result.judgedAt).toEqual(new Date(NOW * 1000));
    expect((await holders(temp.db, "Thousand credits")).length).toBe(191); // credit ≥ 1,000: ids 10…200
    expect((await holders(temp.db, "Ten thousand credits"))[0]).toBe(100);
    expect(await holders(temp.db, "RAC 1,000")).toEqual([200]); // RAC 5·id ≥ 1,000
    expect(await holders(temp.db, "Galaxies 3")).toEqual([5]);
    expect(await holders(temp.db, "First galaxy")).toEqual([5, 6]);
    expect((await holders(temp.db, "One year with BOINC"))[0]).toBe(37); // joined 370 days before
    const dated = (await awards(temp.db)).map((a) => a.awarded_at);
    expect(new Set(dated)).toEqual(new Set(["2026-11-23T00:00:00.000Z"]));
  });

  it("gives standing trophies to listed volunteers only, best tier only, ties together", async () => {
    // 199 is hidden: 200 is first, 198 second, 197 third (195 and 196 tie below).
    expect(await holders(temp.db, "Number one")).toEqual([200]);
    expect(await holders(temp.db, "Top 3")).toEqual([197, 198]);
    expect(await holders(temp.db, "Top 10")).toEqual([190, 191, 192, 193, 194, 195, 196]);
    expect((await holders(temp.db, "Top 100")).length).toBe(100 - 10);
    // 199 listed volunteers with RAC above 1: top 1 % is the first one, 5 % the first nine.
    expect(await holders(temp.db, "Top 1 % by RAC")).toEqual([200]);
    expect(await holders(temp.db, "Top 5 % by RAC")).toEqual([191, 192, 193, 194, 195, 196, 197, 198]);
    expect((await holders(temp.db, "Top 25 % by RAC")).length).toBe(49 - 9);
    const all = await awards(temp.db);
    expect(all.filter((a) => Number(a.user_id) === 199).map((a) => a.name)).not.toContain("Number one");
  });

  it("changes nothing when run again", async () => {
    const before = await awards(temp.db);
    expect(await awardTrophies(temp.db)).toMatchObject({ awarded: 0, revoked: 0 });
    expect(await awards(temp.db)).toEqual(before);
  });

  it("passes standing trophies on when someone else takes the place, and keeps thresholds", async () => {
    await temp.db.boincUser.update({ where: { id: 150 }, data: { totalCredit: 50_000 } });
    await hideFromLists(temp.db, [200]);
    const result = await awardTrophies(temp.db);
    expect(result.revoked).toBeGreaterThan(0);
    expect(await holders(temp.db, "Number one")).toEqual([150]);
    expect(await holders(temp.db, "RAC 1,000")).toEqual([200]); // kept, though now hidden
    expect((await holders(temp.db, "Top 10")).includes(200)).toBe(false);
  });

  it("lists and counts listed holders only", async () => {
    const list = await listTrophies(temp.db);
    expect(list.find((t) => t.name === "RAC 1,000")?.holders).toBe(0);
    const one = list.find((t) => t.name === "Number one")!;
    expect(one.holders).toBe(1);
    expect(one.rule).toContain("First place");
    const page = await trophyHolders(temp.db, list.find((t) => t.name === "Thousand credits")!.id, 1);
    expect(page.total).toBe(191 - 2);
    expect(page.holders[0].id).toBe(150); // most credit first
    expect(page.holders.some((h) => h.id === 199 || h.id === 200)).toBe(false);
  });
});

describe("awarding after statistics imports", () => {
  let temp: TempDatabase;
  let root: string;

  beforeAll(async () => {
    temp = await createTempDatabase();
    root = mkdtempSync(path.join(os.tmpdir(), "pogs-trophy-import-"));
  });
  afterAll(async () => {
    await temp.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  const day = (d: number, credit: number) => ({
    updateTime: T0 + d * SECONDS_A_DAY,
    teams: [],
    users: [user(1, { totalCredit: credit }), user(2, { totalCredit: 500 })],
  });

  it("awards at each import, dated with the export, and a replayed import awards nothing", async () => {
    await importStatsExport(temp.db, await writeDump(path.join(root, "d0"), day(0, 900)));
    expect(await holders(temp.db, "Thousand credits")).toEqual([]);
    expect(await holders(temp.db, "Number one")).toEqual([1]);
    await importStatsExport(temp.db, await writeDump(path.join(root, "d1"), day(1, 1500)));
    const afterDay1 = await awards(temp.db);
    expect(await holders(temp.db, "Thousand credits")).toEqual([1]);
    expect(afterDay1.find((a) => a.name === "Thousand credits")?.awarded_at).toBe(
      new Date((T0 + SECONDS_A_DAY) * 1000).toISOString(),
    );
    const replay = await importStatsExport(temp.db, path.join(root, "d1"));
    expect(replay.status).toBe("already imported");
    expect(await awards(temp.db)).toEqual(afterDay1);
  });
});

describe("award dates", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
    await addVolunteers(temp.db, [{ id: 1, totalCredit: 5000, createTime: NOW - 40 * DAY }]);
  });
  afterAll(() => temp.cleanup());

  it("dates an ingest's awards with its results' arrival, judged then when nothing was imported yet", async () => {
    const arrived = new Date((NOW - 20 * DAY) * 1000);
    await awardTrophies(temp.db, { awardedAt: arrived });
    const first = await awards(temp.db);
    expect(first.map((a) => a.name)).toContain("Thousand credits");
    expect(first.map((a) => a.name)).not.toContain("One month with BOINC"); // 20 days a member then
    expect(new Set(first.map((a) => a.awarded_at))).toEqual(new Set([arrived.toISOString()]));
  });

  it("judges at the newest export once there is one, still dating with the arrival", async () => {
    await addExport(temp.db, NOW);
    const arrived = new Date((NOW + DAY) * 1000);
    await awardTrophies(temp.db, { awardedAt: arrived });
    const month = (await awards(temp.db)).find((a) => a.name === "One month with BOINC");
    expect(month?.awarded_at).toBe(arrived.toISOString());
  });
});
