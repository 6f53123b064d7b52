// The home page's kept credit totals (lib/credit/credit-totals.ts) stay equal to the sums over
// every volunteer and team after each event that changes them: a statistics import, and a results
// ingest that adds a volunteer the statistics do not know yet. Before any import, and while the
// row is older than the newest export, they are summed as before.
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditTotals } from "@/lib/credit/credit-totals";
import type { Db } from "@/lib/db/client";
import { writeFit } from "@/lib/ingest/magphys";
import { ingestFits } from "@/lib/ingest/results";
import { importStatsExport } from "@/lib/ingest/stats-import";
import { DAY, T0, team, user, writeDump } from "@/lib/testing/synthetic-dump";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createTestGalaxy } from "@/tests/helpers/galaxy-fixture";
import { syntheticPixel } from "@/tests/ingest-formats/synthetic-fit";

let temp: TempDatabase;
let dumps: string;

beforeAll(async () => {
  temp = await createTempDatabase();
  dumps = mkdtempSync(path.join(os.tmpdir(), "pogs-credit-totals-"));
});
afterAll(async () => {
  await temp.cleanup();
  rmSync(dumps, { recursive: true, force: true });
});

/** The totals as the home page summed them before they were kept. */
async function summed(db: Db) {
  const [users, teams, sums] = await Promise.all([
    db.boincUser.count(),
    db.team.count(),
    db.boincUser.aggregate({ _sum: { totalCredit: true, expavgCredit: true } }),
  ]);
  return { users, teams, totalCredit: sums._sum.totalCredit ?? 0, totalRac: sums._sum.expavgCredit ?? 0 };
}

const kept = (db: Db) => db.creditTotals.findUnique({ where: { id: 1 } });

const exportOf = (day: number, credit: (id: number) => number, users = 40) => ({
  updateTime: T0 + day * DAY,
  teams: [team(1), team(2)],
  users: Array.from({ length: users }, (_, k) => user(k + 1, { totalCredit: credit(k + 1), teamId: 1 + (k % 2) })),
});

describe("kept credit totals", () => {
  it("are summed while no statistics are imported", async () => {
    await temp.db.boincUser.create({ data: { id: 500, name: "early", createTime: new Date(), totalCredit: 7 } });
    expect(await kept(temp.db)).toBeNull();
    expect(await creditTotals(temp.db)).toEqual(await summed(temp.db));
  });

  it("are kept by each statistics import, stamped with its export", async () => {
    await importStatsExport(
      temp.db,
      await writeDump(
        path.join(dumps, "d0"),
        exportOf(0, (id) => 100 * id),
      ),
    );
    const newest = await temp.db.statsExport.findFirstOrThrow({ orderBy: { exportTime: "desc" } });
    expect(await kept(temp.db)).toMatchObject({ exportId: newest.id, ...(await summed(temp.db)) });
    expect(await creditTotals(temp.db)).toEqual(await summed(temp.db));

    await importStatsExport(
      temp.db,
      await writeDump(
        path.join(dumps, "d1"),
        exportOf(1, (id) => 150 * id, 60),
      ),
    );
    const after = await summed(temp.db);
    expect(after.users).toBe(61);
    expect(await kept(temp.db)).toMatchObject(after);
    expect(await creditTotals(temp.db)).toEqual(after);
  });

  it("count the volunteer a results ingest adds before the statistics know them", async () => {
    const { areas } = await createTestGalaxy(temp.db, {
      name: "Totals galaxy",
      width: 4,
      height: 2,
      areas: [{ x0: 0, y0: 0, x1: 4, y1: 2, firstPixelId: 9_000_000 }],
    });
    const pixels = Array.from({ length: areas[0].pixelCount }, (_, k) => ({
      ...syntheticPixel(k + 1),
      pixelId: 9_000_000 + k,
    }));
    const before = (await creditTotals(temp.db)).users;
    const report = await ingestFits(temp.db, [{ fileName: "a.fit", text: writeFit(pixels), users: [{ id: 777 }] }]);
    expect(report.stored).toBe(1);
    expect(await kept(temp.db)).toMatchObject({ users: before + 1 });
    expect(await creditTotals(temp.db)).toEqual(await summed(temp.db));
  });

  it("are summed again while the row is older than the newest export", async () => {
    await temp.db.statsExport.create({ data: { exportTime: new Date((T0 + 5 * DAY) * 1000), source: "test" } });
    await temp.db.boincUser.update({ where: { id: 1 }, data: { totalCredit: 123_456 } });
    expect(await creditTotals(temp.db)).toEqual(await summed(temp.db));
  });
});
