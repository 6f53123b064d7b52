// A volunteer's and a team's credit history read back after real statistics imports: the
// volunteer's last snapshot is carried forward over the exports where nothing changed.
import os from "node:os";
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamCreditHistory, userCreditHistory } from "@/lib/credit/history";
import { decayRac } from "@/lib/credit/rac";
import { importStatsExport } from "@/lib/ingest/stats-import";
import { DAY, T0, team, user, writeDump } from "@/lib/testing/synthetic-dump";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

let temp: TempDatabase;
let root: string;

beforeAll(async () => {
  temp = await createTempDatabase();
  root = mkdtempSync(path.join(os.tmpdir(), "pogs-credit-history-"));
  // Volunteer 1 earns on days 0 and 3 only; the team is exported every day.
  const credit = [1000, 1000, 1000, 1600];
  for (const [d, total] of credit.entries()) {
    const time = T0 + d * DAY;
    const rac = d === 3 ? 300 : 200;
    const racTime = d === 3 ? time - 3600 : T0 - 3600;
    await importStatsExport(
      temp.db,
      await writeDump(path.join(root, `d${d}`), {
        updateTime: time,
        teams: [team(5, { totalCredit: 2000 + d, expavgCredit: 50, expavgTime: time })],
        users: [user(1, { totalCredit: total, expavgCredit: rac, expavgTime: racTime, teamId: 5 })],
      }),
    );
  }
});
afterAll(async () => {
  await temp.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe("credit history", () => {
  it("carries a volunteer's snapshot forward, decaying RAC exactly, until their credit changes", async () => {
    expect(await temp.db.userCreditSnapshot.count({ where: { userId: 1 } })).toBe(2);
    const history = await userCreditHistory(temp.db, 1);
    expect(history.map((p) => p.time)).toEqual([0, 1, 2, 3].map((d) => T0 + d * DAY));
    expect(history.map((p) => p.totalCredit)).toEqual([1000, 1000, 1000, 1600]);
    for (const d of [0, 1, 2]) expect(history[d].rac).toBeCloseTo(decayRac(200, T0 - 3600, T0 + d * DAY), 9);
    expect(history[3].rac).toBeCloseTo(decayRac(300, T0 + 3 * DAY - 3600, T0 + 3 * DAY), 9);
  });

  it("reads a team's snapshot of every export, with its members", async () => {
    const history = await teamCreditHistory(temp.db, 5);
    expect(history.map((p) => [p.totalCredit, p.members])).toEqual([
      [2000, 1],
      [2001, 1],
      [2002, 1],
      [2003, 1],
    ]);
  });
});
