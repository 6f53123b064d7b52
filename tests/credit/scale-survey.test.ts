// The scale survey generator (lib/testing/scale-survey.ts) at a small size: the rows it writes are
// the rows the statistics import would write, so the pages read them the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { racFromOrder } from "@/lib/credit/rac";
import { buildScaleSurvey, type ScaleSurvey } from "@/lib/testing/scale-survey";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

let temp: TempDatabase;
let survey: ScaleSurvey;
const end = new Date("2026-11-23T00:00:00Z");

beforeAll(async () => {
  temp = await createTempDatabase();
  survey = await buildScaleSurvey(temp.db, {
    users: 2000,
    teams: 60,
    days: 12,
    galaxies: 20,
    end,
    accounts: 0.05,
    hidden: 0.2,
  });
});
afterAll(() => temp.cleanup());

const count = async (sql: string) => Number((await temp.db.$queryRawUnsafe<{ n: unknown }[]>(sql))[0].n);

describe("scale survey", () => {
  it("writes the volunteers, teams, exports and accounts asked for", async () => {
    expect(await temp.db.boincUser.count()).toBe(2000);
    expect(await temp.db.team.count()).toBe(60);
    expect((await temp.db.statsExport.findMany({ orderBy: { exportTime: "asc" } })).map((e) => e.exportTime)).toEqual(
      survey.exportTimes,
    );
    expect(survey.exportTimes.at(-1)).toEqual(end);
    expect(await temp.db.account.count({ where: { hideFromLists: true } })).toBe(survey.hiddenUserIds.length);
    expect(survey.hiddenUserIds.length).toBeGreaterThan(0);
  });

  it("writes a volunteer's snapshot only when their credit or team changed, the last one matching them", async () => {
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM user_credit_snapshot s JOIN user_credit_snapshot p ON p.user_id = s.user_id
         AND p.time = (SELECT MAX(time) FROM user_credit_snapshot q WHERE q.user_id = s.user_id AND q.time < s.time)
         WHERE p.total_credit = s.total_credit AND p.team_id IS s.team_id`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM boinc_user u JOIN user_credit_snapshot s ON s.user_id = u.id
         AND s.time = (SELECT MAX(time) FROM user_credit_snapshot q WHERE q.user_id = u.id)
         WHERE s.total_credit <> u.total_credit OR s.team_id IS NOT u.team_id`,
      ),
    ).toBe(0);
  });

  it("keeps RAC order, member counts and country totals consistent with the volunteers", async () => {
    const u = (await temp.db.boincUser.findFirst({ where: { expavgCredit: { gt: 10 } } }))!;
    expect(racFromOrder(u.racOrder, u.expavgTime)).toBeCloseTo(u.expavgCredit, 6);
    const [team] = await temp.db.team.findMany({ orderBy: { memberCount: "desc" }, take: 1 });
    expect(team.memberCount).toBe(
      await temp.db.boincUser.count({ where: { teamId: team.id, totalCredit: { gt: 0 } } }),
    );
    const credit = await temp.db.boincUser.aggregate({ where: { country: { not: "" } }, _sum: { totalCredit: true } });
    const countries = await temp.db.countryTotal.aggregate({ _sum: { totalCredit: true } });
    expect(countries._sum.totalCredit).toBeCloseTo(credit._sum.totalCredit ?? 0, 3);
    expect(await temp.db.galaxyUser.count()).toBe(survey.galaxyUsers);
  });
});
