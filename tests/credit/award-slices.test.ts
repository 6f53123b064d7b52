// The award run in slices (a transaction per 50,000 volunteer ids, so an ingest never waits long
// on the write lock) and an ingest's run scoped to its own volunteers, on a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { awardTrophies } from "@/lib/credit/trophies/award";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { DAY, NOW, addExport, addVolunteers } from "./helpers";

async function holdersOf(db: Db, name: string): Promise<number[]> {
  const rows = await db.trophyAward.findMany({
    where: { trophy: { name } },
    select: { userId: true },
    orderBy: { userId: "asc" },
  });
  return rows.map((r) => r.userId);
}

async function countsMatchAwards(db: Db): Promise<void> {
  for (const trophy of await db.trophy.findMany({ select: { id: true, name: true, awardCount: true } }))
    expect({ name: trophy.name, count: trophy.awardCount }).toEqual({
      name: trophy.name,
      count: await db.trophyAward.count({ where: { trophyId: trophy.id } }),
    });
}

describe("award run in slices of volunteer ids", () => {
  let temp: TempDatabase;
  // Ids far apart: each lies in a different slice of 50,000, the last past the second slice's end.
  const ids = [1, 49_999, 50_000, 123_456, 250_001];

  beforeAll(async () => {
    temp = await createTempDatabase();
    await addVolunteers(
      temp.db,
      ids.map((id) => ({ id, totalCredit: 2_000, createTime: NOW - 40 * DAY })),
    );
    await addExport(temp.db, NOW);
  });
  afterAll(() => temp.cleanup());

  it("judges every volunteer whatever slice their id falls in, and counts the holders", async () => {
    const result = await awardTrophies(temp.db);
    expect(await holdersOf(temp.db, "Thousand credits")).toEqual(ids);
    expect(await holdersOf(temp.db, "One month with BOINC")).toEqual(ids);
    expect(result.awarded).toBe(await temp.db.trophyAward.count());
    await countsMatchAwards(temp.db);
  });

  it("adds nothing the second time, and counts stay right", async () => {
    expect(await awardTrophies(temp.db)).toMatchObject({ awarded: 0, revoked: 0 });
    await countsMatchAwards(temp.db);
  });
});

describe("an ingest's award run", () => {
  let temp: TempDatabase;

  beforeAll(async () => {
    temp = await createTempDatabase();
    await addVolunteers(temp.db, [
      { id: 7, totalCredit: 5_000 },
      { id: 8, totalCredit: 5_000 },
    ]);
  });
  afterAll(() => temp.cleanup());

  it("judges everyone while no export fixes the judging time", async () => {
    await awardTrophies(temp.db, { awardedAt: new Date(NOW * 1000), users: [7] });
    expect(await holdersOf(temp.db, "Thousand credits")).toEqual([7, 8]);
  });

  it("judges only its own volunteers once an export has been judged by the import's run", async () => {
    await addExport(temp.db, NOW);
    await awardTrophies(temp.db);
    // Volunteer 9 arrives without an import (a placeholder given credit by hand): the ingest of
    // volunteer 7's results leaves 9 to the next import's run, the ingest of 9's results does not.
    await addVolunteers(temp.db, [{ id: 9, totalCredit: 5_000 }]);
    await awardTrophies(temp.db, { awardedAt: new Date((NOW + DAY) * 1000), users: [7] });
    expect(await holdersOf(temp.db, "Thousand credits")).toEqual([7, 8]);
    const result = await awardTrophies(temp.db, { awardedAt: new Date((NOW + DAY) * 1000), users: [9, 9] });
    expect(await holdersOf(temp.db, "Thousand credits")).toEqual([7, 8, 9]);
    expect(result.awarded).toBeGreaterThan(0);
    await countsMatchAwards(temp.db);
  });
});
