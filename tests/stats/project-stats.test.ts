// The /stats data on a small hand-made set: per-export totals, credit per day, GFLOPS from RAC,
// volunteers by GFLOPS band at the newest export, computers by operating system and core count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { racOrder } from "@/lib/credit/rac";
import { binCores, creditPerDay, topOperatingSystems } from "@/lib/stats/series";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 20);
let temp: TempDatabase;
let getProjectStats: typeof import("@/lib/stats/queries").getProjectStats;

beforeAll(async () => {
  temp = await createTempDatabase({ useAsProcessDefault: true });
  ({ getProjectStats } = await import("@/lib/stats/queries"));
  const db = temp.db;
  await db.statsExport.createMany({
    data: [
      { exportTime: new Date(T), totalCredit: 1_000, userCount: 2, registeredUsers: 5, activeUsers: 2, totalRac: 400 },
      {
        exportTime: new Date(T + DAY),
        totalCredit: 3_000,
        userCount: 3,
        registeredUsers: 6,
        activeUsers: 3,
        totalRac: 2_000,
      },
      // Six hours later: 600 credits in a quarter day is 2,400 a day.
      {
        exportTime: new Date(T + 1.25 * DAY),
        totalCredit: 3_600,
        userCount: 4,
        registeredUsers: 6,
        activeUsers: 3,
        totalRac: 4_000,
      },
    ].map((e) => ({ ...e, source: "test" })),
  });
  // RAC at the newest export (credits a day) → GFLOPS ÷ 200: 0.5, 0.9995 (just under 1), 1, 7.5, 250.
  const newest = (T + 1.25 * DAY) / 1000;
  const racs = [100, 199.9, 200, 1_500, 50_000];
  await db.boincUser.createMany({
    data: [
      ...racs.map((rac, i) => ({ id: i + 1, rac, racTime: newest })),
      // RAC 2,400 a week before the newest export: 1,200 there, 6 GFLOPS.
      { id: 6, rac: 2_400, racTime: newest - 7 * 86_400 },
      // Idle (RAC 0) and barely active (0.5 a day): not counted.
      { id: 7, rac: 0, racTime: 0 },
      { id: 8, rac: 0.5, racTime: newest },
    ].map((u) => ({
      id: u.id,
      name: `v${u.id}`,
      createTime: new Date(T - 100 * DAY),
      racOrder: racOrder(u.rac, u.racTime),
    })),
  });
  const host = (id: number, osName: string, cpuCount: number) => ({ id, osName, cpuCount, createTime: new Date(T) });
  await db.host.createMany({
    data: [
      host(1, "Microsoft Windows 11", 8),
      host(2, "Microsoft Windows 11", 4),
      host(3, "Linux Ubuntu", 4),
      host(4, "Linux Ubuntu", 64),
      host(5, "Darwin", 10),
      host(6, "", 1),
      host(7, "Microsoft Windows 11", 96),
    ],
  });
});
afterAll(() => temp.cleanup());

describe("project statistics", () => {
  it("gives the growth series from the exports", async () => {
    const stats = await getProjectStats();
    expect(stats.volunteers.map((v) => [v.registered, v.withCredit, v.active])).toEqual([
      [5, 2, 2],
      [6, 3, 3],
      [6, 4, 3],
    ]);
    expect(stats.creditPerDay).toEqual([
      { time: T + DAY, credit: 2_000 },
      { time: T + 1.25 * DAY, credit: 2_400 },
    ]);
    expect(stats.gflops.map((g) => g.gflops)).toEqual([2, 10, 20]);
    expect(stats.latest).toMatchObject({ userCount: 4, totalCredit: 3_600, gflops: 20 });
  });

  it("bands active volunteers by the GFLOPS their RAC stands for at the newest export", async () => {
    const { volunteersByGflops } = await getProjectStats();
    expect(volunteersByGflops).toEqual([
      { label: "< 1", volunteers: 2 },
      { label: "1–5", volunteers: 1 },
      { label: "5–10", volunteers: 2 },
      { label: "10–50", volunteers: 0 },
      { label: "50–100", volunteers: 0 },
      { label: "≥ 100", volunteers: 1 },
    ]);
  });

  it("counts computers by operating system and core count", async () => {
    const { computers } = await getProjectStats();
    expect(computers.total).toBe(7);
    expect(computers.operatingSystems).toEqual([
      { label: "Microsoft Windows 11", computers: 3 },
      { label: "Linux Ubuntu", computers: 2 },
      { label: "Darwin", computers: 1 },
      { label: "Unknown", computers: 1 },
    ]);
    expect(computers.cores.filter((c) => c.computers > 0)).toEqual([
      { label: "1", computers: 1 },
      { label: "3–4", computers: 2 },
      { label: "5–8", computers: 1 },
      { label: "9–16", computers: 1 },
      { label: "33–64", computers: 1 },
      { label: "65+", computers: 1 },
    ]);
  });
});

describe("the series", () => {
  it("keeps the most common operating systems and sums the rest", () => {
    const counts = ["A", "B", "C", "D"].map((osName, i) => ({ osName, computers: 10 - i }));
    expect(topOperatingSystems(counts, 2)).toEqual([
      { label: "A", computers: 10 },
      { label: "B", computers: 9 },
      { label: "Other", computers: 15 },
    ]);
  });

  it("bins core counts by powers of two and skips an export at the same time", () => {
    expect(binCores([{ cpuCount: 2, computers: 3 }]).find((b) => b.label === "2")).toEqual({
      label: "2",
      computers: 3,
    });
    const e = { totalCredit: 5, registeredUsers: 0, userCount: 0, activeUsers: 0, totalRac: 0 };
    expect(
      creditPerDay([
        { ...e, exportTime: new Date(T) },
        { ...e, exportTime: new Date(T) },
      ]),
    ).toEqual([]);
  });
});
