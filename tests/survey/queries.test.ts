import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSmallSurvey } from "@/prisma/seed";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

let temp: TempDatabase;
let q: typeof import("@/lib/survey/queries");
let credit: typeof import("@/lib/credit/queries");

beforeAll(async () => {
  temp = await createTempDatabase({ useAsProcessDefault: true });
  await seedSmallSurvey(temp.db);
  q = await import("@/lib/survey/queries");
  credit = await import("@/lib/credit/queries");
});
afterAll(() => temp.cleanup());

describe("galaxy list", () => {
  it("sorts by redshift both ways", async () => {
    const asc = await q.listGalaxies({ page: 1, pageSize: 10, sort: "redshift", dir: "asc" });
    expect(asc.rows.map((g) => g.name)).toEqual(["NGC 3351", "UGC 05479", "IC 0089"]);
    const desc = await q.listGalaxies({ page: 1, pageSize: 10, sort: "redshift", dir: "desc" });
    expect(desc.rows.map((g) => g.name)).toEqual(["IC 0089", "UGC 05479", "NGC 3351"]);
  });

  it("paginates", async () => {
    const p1 = await q.listGalaxies({ page: 1, pageSize: 2, sort: "name", dir: "asc" });
    const p2 = await q.listGalaxies({ page: 2, pageSize: 2, sort: "name", dir: "asc" });
    expect(p1.total).toBe(3);
    expect(p1.pageCount).toBe(2);
    expect([...p1.rows, ...p2.rows].map((g) => g.name)).toEqual(["IC 0089", "NGC 3351", "UGC 05479"]);
  });

  it("filters by status and name", async () => {
    const computing = await q.listGalaxies({ page: 1, pageSize: 10, sort: "name", dir: "asc", status: "computing" });
    expect(computing.rows.map((g) => g.name)).toEqual(["UGC 05479"]);
    const named = await q.listGalaxies({ page: 1, pageSize: 10, sort: "name", dir: "asc", q: "3351" });
    expect(named.rows.map((g) => g.name)).toEqual(["NGC 3351"]);
  });
});

describe("survey totals", () => {
  it("add up the seeded galaxies, pixels and credit", async () => {
    const t = await q.getSurveyTotals();
    expect(t.galaxies).toBe(3);
    expect(t.byStatus).toEqual({ processed: 1, computing: 1, registered: 1 });
    expect(t.pixels).toBe(48 * 42 + 40 * 35 + 30 * 28);
    expect(t.pixelsProcessed).toBeGreaterThan(48 * 42);
    expect(t.pixelsProcessed).toBeLessThan(48 * 42 + 40 * 35);
    expect(t.users).toBe(3);
    expect(t.totalCredit).toBe(7000);
  });
});

describe("volunteers and teams", () => {
  it("rank users by credit and list their galaxies with counts", async () => {
    const ann = await credit.getBoincUser(101);
    expect(ann?.team?.name).toBe("SETI.Germany");
    expect(await credit.getUserRank(ann!.totalCredit)).toBe(1);
    const galaxies = await credit.getUserGalaxies(101);
    expect(galaxies.map((g) => g.galaxy.name).sort()).toEqual(["NGC 3351", "UGC 05479"]);
    const totals = await credit.getUserContributionTotals(101);
    expect(totals.galaxies).toBe(2);
    expect(totals.pixels).toBe(galaxies.reduce((s, g) => s + g.pixelCount, 0));
  });

  it("list team members by credit", async () => {
    const members = await credit.getTeamMembers(11);
    expect(members.map((m) => m.name)).toEqual(["Ann", "Chen"]);
    expect(await credit.getTeamRank(5200)).toBe(1);
  });
});
