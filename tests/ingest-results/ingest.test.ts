import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFits, type FitInput } from "@/lib/ingest/results";
import { decodeBlock, decodeHistograms, pixelStatisticsAt } from "@/lib/survey/result-block";
import { createTestGalaxy } from "@/tests/helpers/galaxy-fixture";
import { SHARED_DIR } from "@/lib/testing/shared-dir";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

const FIXTURE = path.join(SHARED_DIR, "fixtures/magphys/PGC1068443c_area244140_0_0.fit");
const FIRST_ID = 4573581;

describe.runIf(existsSync(FIXTURE))("MAGPHYS ingest of the real POGS work unit", () => {
  let temp: TempDatabase;
  let galaxyId: number;
  let areaId: number;
  const text = existsSync(FIXTURE) ? readFileSync(FIXTURE, "latin1") : "";
  const input = (over: Partial<FitInput> = {}): FitInput => ({
    fileName: "PGC1068443c_area244140_0_0.fit",
    text,
    users: [{ id: 7, name: "Ann" }, { id: 9 }],
    workunitId: 244140,
    receivedAt: new Date("2026-11-20T10:00:00Z"),
    ...over,
  });

  beforeAll(async () => {
    temp = await createTempDatabase();
    // 9 usable pixels in a 3×3 rectangle at x 10–12, y 4–6, plus a second area still outstanding.
    const { galaxy, areas } = await createTestGalaxy(temp.db, {
      name: "PGC1068443c",
      width: 40,
      height: 14,
      areas: [
        { x0: 10, y0: 4, x1: 13, y1: 7, firstPixelId: FIRST_ID },
        { x0: 13, y0: 4, x1: 20, y1: 7, firstPixelId: FIRST_ID + 9 },
      ],
    });
    galaxyId = galaxy.id;
    areaId = areas[0].id;
  });
  afterAll(() => temp.cleanup());

  async function snapshot() {
    const db = temp.db;
    return JSON.stringify(
      await Promise.all([
        db.galaxy.findMany({ orderBy: { id: "asc" } }),
        db.area.findMany({ orderBy: { id: "asc" } }),
        db.areaUser.findMany({ orderBy: [{ areaId: "asc" }, { userId: "asc" }] }),
        db.galaxyUser.findMany({ orderBy: { userId: "asc" } }),
        db.pixelResultBlock.findMany(),
        db.boincUser.findMany({ orderBy: { id: "asc" } }),
      ]),
      (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString("base64") : v),
    );
  }

  it("refuses a truncated file with its line number and stores nothing", async () => {
    const before = await snapshot();
    const lines = text.split("\r\n");
    const truncated = lines.slice(0, 5000).join("\r\n");
    const report = await ingestFits(temp.db, [input({ text: truncated })]);
    expect(report.refused).toBe(1);
    const outcome = report.outcomes[0];
    expect(outcome.status === "refused" && outcome.reason).toMatch(/PGC1068443c_area244140_0_0\.fit:\d+: /);
    expect(await snapshot()).toBe(before);
  });

  it("refuses a corrupt number with its line number and stores nothing", async () => {
    const before = await snapshot();
    const lines = text.split("\r\n");
    lines[100] = lines[100].replace(/\d\.\d{3}E-\d{3}/, "1.2.3E-003");
    const report = await ingestFits(temp.db, [input({ text: lines.join("\r\n") })]);
    expect(report.outcomes[0]).toMatchObject({ status: "refused" });
    expect(report.outcomes[0].status === "refused" && report.outcomes[0].reason).toContain(":101:");
    expect(await snapshot()).toBe(before);
  });

  it("stores the 9 pixels with their statistics, credits the users and updates progress", async () => {
    const report = await ingestFits(temp.db, [input()]);
    expect(report.outcomes[0]).toMatchObject({ status: "stored", areaId, pixels: 9 });
    const row = await temp.db.pixelResultBlock.findUniqueOrThrow({ where: { areaId } });
    const block = decodeBlock(row);
    expect(block.pixelCount).toBe(9);
    // pix4573581 is the first usable pixel in POGS order: x = 10, y = 4.
    const first = [...block.x].findIndex((x, i) => x === 10 && block.y[i] === 4);
    const stats = pixelStatisticsAt(block, first);
    // f_mu(SFH) percentiles 2.5, 16, 50, 84, 97.5 (statistics 3, 4, 1, 5, 6)
    expect([3, 4, 1, 5, 6].map((s) => stats[0][s])).toEqual(
      [0.673, 0.792, 0.925, 0.991, 0.999].map((v) => Math.fround(v)),
    );
    expect(stats[5][0]).toBeCloseTo(Math.log10(6.376e7), 5); // M* best fit, log10
    expect(block.bestFit[first * 4 + 2]).toBeCloseTo(0.19, 6); // chi2
    expect(block.display[first * 4 + 1]).toBe(Math.fround(stats[5][1])); // log10 M* median
    const histograms = decodeHistograms(row.histograms!, 9);
    expect(histograms[first][0].x.length).toBe(20);
    expect(histograms[first][0].p[0]).toBeCloseTo(1.397e-11, 14);

    const galaxy = await temp.db.galaxy.findUniqueOrThrow({ where: { id: galaxyId } });
    expect(galaxy).toMatchObject({ status: "computing", pixelsProcessed: 9, areasProcessed: 1, resultsVersion: 1 });
    const area = await temp.db.area.findUniqueOrThrow({ where: { id: areaId } });
    expect(area.workunitId).toBe(244140);
    expect(area.processedAt?.toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect((await temp.db.areaUser.findMany({ where: { areaId } })).map((u) => u.userId).sort()).toEqual([7, 9]);
    expect(await temp.db.galaxyUser.findMany({ where: { galaxyId }, orderBy: { userId: "asc" } })).toMatchObject([
      { userId: 7, areaCount: 1, pixelCount: 9 },
      { userId: 9, areaCount: 1, pixelCount: 9 },
    ]);
    // Results before statistics: the users exist as placeholders until the next stats import.
    expect((await temp.db.boincUser.findUniqueOrThrow({ where: { id: 7 } })).name).toBe("Ann");
    expect((await temp.db.boincUser.findUniqueOrThrow({ where: { id: 9 } })).name).toBe("BOINC user 9");
  });

  it("changes nothing when the same file is replayed", async () => {
    const before = await snapshot();
    const report = await ingestFits(temp.db, [input(), input({ receivedAt: new Date("2026-11-21T00:00:00Z") })]);
    expect(report.outcomes.map((o) => o.status)).toEqual(["unchanged", "unchanged"]);
    expect(await snapshot()).toBe(before);
  });

  it("moves the credit when a re-validated result names other users, and bumps the version", async () => {
    const report = await ingestFits(temp.db, [input({ users: [{ id: 9 }, { id: 11 }] })]);
    expect(report.outcomes[0]).toMatchObject({ status: "stored", replaced: true });
    const users = await temp.db.galaxyUser.findMany({ where: { galaxyId }, orderBy: { userId: "asc" } });
    expect(users.map((u) => [u.userId, u.areaCount, u.pixelCount])).toEqual([
      [9, 1, 9],
      [11, 1, 9],
    ]);
    const galaxy = await temp.db.galaxy.findUniqueOrThrow({ where: { id: galaxyId } });
    expect(galaxy).toMatchObject({ pixelsProcessed: 9, areasProcessed: 1, resultsVersion: 2, status: "computing" });
  });

  it("refuses a file whose pixels belong to no work unit", async () => {
    const report = await ingestFits(temp.db, [input({ text: text.replaceAll("pix45735", "pix99935") })]);
    expect(report.outcomes[0].status === "refused" && report.outcomes[0].reason).toMatch(
      /pix9993581 belongs to no registered work unit/,
    );
  });

  it("refuses a file without users to credit", async () => {
    const report = await ingestFits(temp.db, [input({ users: [] })]);
    expect(report.outcomes[0].status === "refused" && report.outcomes[0].reason).toMatch(/no BOINC user/);
  });
});
