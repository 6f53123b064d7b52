// The trophies' kept holder counts (Trophy.awardCount, lib/credit/trophies/holders.ts) stay equal
// to counting the awards after each award run, including one that takes standing trophies back,
// and a volunteer hiding from lists leaves the counts at once; the holders' pages equal sorting
// every listed holder by credit, read down the credit index or from the awards alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awardTrophies } from "@/lib/credit/trophies/award";
import { listTrophies, trophyHolders } from "@/lib/credit/trophies/queries";
import type { Db } from "@/lib/db/client";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { addExport, addVolunteers, DAY, hideFromLists, NOW } from "@/tests/credit/helpers";

let temp: TempDatabase;

// 300 volunteers, credit 40·id (ties in pairs above 200), RAC 3·id: "Thousand credits" is held
// by most, "Top 10" by few.
const volunteers = Array.from({ length: 300 }, (_, k) => ({
  id: k + 1,
  totalCredit: 40 * (k + 1 > 200 ? 2 * Math.ceil((k + 1) / 2) : k + 1),
  rac: 3 * (k + 1),
  createTime: NOW - (k + 1) * 5 * DAY,
}));

beforeAll(async () => {
  temp = await createTempDatabase();
  await addVolunteers(temp.db, volunteers);
  await hideFromLists(temp.db, [299, 120]);
  await addExport(temp.db, NOW);
  await awardTrophies(temp.db);
});
afterAll(() => temp.cleanup());

/** Listed holders of each trophy, counted from the awards. */
async function countedHolders(db: Db): Promise<Map<number, number>> {
  const rows = await db.$queryRawUnsafe<{ id: number; n: unknown }[]>(
    `SELECT t."id", (SELECT COUNT(*) FROM "trophy_award" a WHERE a."trophy_id" = t."id" AND a."user_id" NOT IN ` +
      `(SELECT "boinc_user_id" FROM "account" WHERE "hide_from_lists" AND "boinc_user_id" IS NOT NULL)) AS n FROM "trophy" t`,
  );
  return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
}

/** Every listed holder, most credit first, ties by id. */
async function sortedHolders(db: Db, trophyId: number): Promise<number[]> {
  const rows = await db.trophyAward.findMany({
    where: { trophyId, user: { NOT: { account: { is: { hideFromLists: true } } } } },
    orderBy: [{ user: { totalCredit: "desc" } }, { userId: "asc" }],
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

async function expectCountsRight(db: Db) {
  const counted = await countedHolders(db);
  const list = await listTrophies(db);
  expect(list.length).toBeGreaterThan(5);
  for (const t of list) expect([t.name, t.holders]).toEqual([t.name, counted.get(t.id)]);
}

async function expectPagesRight(db: Db, name: string) {
  const trophy = await db.trophy.findUniqueOrThrow({ where: { name } });
  const all = await sortedHolders(db, trophy.id);
  const pages = Math.max(1, Math.ceil(all.length / 50));
  const read: number[] = [];
  for (let page = 1; page <= pages; page++) {
    const p = await trophyHolders(db, trophy.id, page);
    expect(p.total).toBe(all.length);
    read.push(...p.holders.map((h) => h.id));
  }
  expect(read).toEqual(all);
}

describe("trophy holder counts", () => {
  it("equal the awards after the award run", async () => {
    await expectCountsRight(temp.db);
    await expectPagesRight(temp.db, "Thousand credits");
    await expectPagesRight(temp.db, "Top 10");
  });

  it("stay right after a run that awards thresholds and passes standing trophies on", async () => {
    await temp.db.boincUser.updateMany({ where: { id: { lte: 30 } }, data: { totalCredit: 50_000 } });
    await addExport(temp.db, NOW + DAY);
    const result = await awardTrophies(temp.db);
    expect(result.awarded).toBeGreaterThan(0);
    expect(result.revoked).toBeGreaterThan(0);
    await expectCountsRight(temp.db);
    await expectPagesRight(temp.db, "Top 10");
    await expectPagesRight(temp.db, "Ten thousand credits");
  });

  it("leave out a volunteer who hides from lists at once", async () => {
    const before = (await listTrophies(temp.db)).find((t) => t.name === "Thousand credits")!.holders;
    await hideFromLists(temp.db, [250]);
    expect((await listTrophies(temp.db)).find((t) => t.name === "Thousand credits")!.holders).toBe(before - 1);
    await expectCountsRight(temp.db);
    await expectPagesRight(temp.db, "Thousand credits");
  });
});
