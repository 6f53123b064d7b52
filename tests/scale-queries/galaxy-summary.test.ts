// The galaxy page's work-unit summary reads the galaxy's own counts (Galaxy.areaCount, set at
// registration, and areasProcessed, recounted by each ingest): they equal counting the work units
// after each ingest that stores results, and the page's lists (newest areas, top contributors)
// equal the plain sorted reads the new indexes replace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { writeFit } from "@/lib/ingest/magphys";
import { ingestFits } from "@/lib/ingest/results";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createTestGalaxy } from "@/tests/helpers/galaxy-fixture";
import { syntheticPixel } from "@/tests/ingest-formats/synthetic-fit";

let temp: TempDatabase;
let survey: typeof import("@/lib/survey/queries");
let galaxyId: number;
let areas: { id: number; pixelCount: number; firstPixelId: number }[];

beforeAll(async () => {
  temp = await createTempDatabase({ useAsProcessDefault: true });
  survey = await import("@/lib/survey/queries");
  const made = await createTestGalaxy(temp.db, {
    name: "Summary galaxy",
    width: 12,
    height: 2,
    areas: [0, 3, 6, 9].map((x0, k) => ({ x0, y0: 0, x1: x0 + 3, y1: 2, firstPixelId: 5_000_000 + 6 * k })),
  });
  galaxyId = made.galaxy.id;
  areas = made.areas;
});
afterAll(() => temp.cleanup());

async function counted(db: Db) {
  const [total, processed, users] = await Promise.all([
    db.area.count({ where: { galaxyId } }),
    db.area.count({ where: { galaxyId, processedAt: { not: null } } }),
    db.galaxyUser.count({ where: { galaxyId } }),
  ]);
  return { total, processed, users };
}

async function ingest(area: (typeof areas)[number], users: number[], receivedAt: Date) {
  const pixels = Array.from({ length: area.pixelCount }, (_, k) => ({
    ...syntheticPixel(area.id * 10 + k),
    pixelId: area.firstPixelId + k,
  }));
  const text = writeFit(pixels);
  const report = await ingestFits(temp.db, [
    { fileName: `a${area.id}.fit`, text, users: users.map((id) => ({ id })), receivedAt },
  ]);
  expect(report.stored).toBe(1);
}

describe("galaxy page summary", () => {
  it("equals counting the work units before and after each ingest", async () => {
    expect(await survey.getGalaxyAreaSummary(galaxyId)).toEqual(await counted(temp.db));
    const at = new Date("2026-11-20T10:00:00Z");
    await ingest(areas[1], [7, 8], at);
    expect(await survey.getGalaxyAreaSummary(galaxyId)).toEqual({ total: 4, processed: 1, users: 2 });
    await ingest(areas[2], [8], at);
    await ingest(areas[0], [9], new Date("2026-11-21T10:00:00Z"));
    expect(await survey.getGalaxyAreaSummary(galaxyId)).toEqual(await counted(temp.db));
    expect(await survey.getGalaxyAreaSummary(galaxyId)).toMatchObject({ processed: 3, users: 3 });
  });

  it("lists the newest areas (ties by id) and the top contributors as sorting them all does", async () => {
    const newest = await survey.getGalaxyAreas(galaxyId, 3);
    expect(newest.map((a) => a.id)).toEqual([areas[0].id, areas[1].id, areas[2].id]);
    expect((await survey.getGalaxyAreas(galaxyId, 10)).map((a) => a.id)).toEqual([
      ...[0, 1, 2].map((k) => areas[k].id),
      areas[3].id,
    ]);
    const top = await survey.getTopContributors(galaxyId);
    const plain = await temp.db.galaxyUser.findMany({ where: { galaxyId } });
    plain.sort((a, b) => b.pixelCount - a.pixelCount || a.userId - b.userId);
    expect(top.map((t) => t.userId)).toEqual(plain.map((p) => p.userId));
  });
});
