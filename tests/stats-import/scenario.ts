// Three exports of a small project, used by the SQLite and PostgreSQL import tests: day 0, the
// next day (credit earned, team changes, a new user), and the day before day 0 (imported last).
import { DAY, T0, team, user } from "@/lib/testing/synthetic-dump";

export const day0 = {
  updateTime: T0,
  teams: [
    team(1, {
      name: "ICRAR & friends",
      nameHtml: "<b>ICRAR</b>",
      description: "Perth\nWA",
      country: "Australia",
      url: "icrar.org",
      founderId: 1,
    }),
    team(2, { founderName: null, founderId: 0 }),
    team(3),
  ],
  users: [
    user(1, { teamId: 1, totalCredit: 100, expavgCredit: 50, expavgTime: T0 - DAY }),
    user(2, { teamId: 1, totalCredit: 200 }),
    user(3, { teamId: 99 }),
    user(4, { expavgCredit: 0.01, expavgTime: T0 - 30 * DAY }),
    user(5, { teamId: 2 }),
    user(6, {
      name: "Zoë & <Bob>",
      country: "Trinidad & Tobago",
      url: "https://example.org/?a=1&b=2",
      hasProfile: true,
      createTime: 1104210399,
    }),
  ],
};

export const day1 = {
  updateTime: T0 + DAY,
  teams: [
    team(1, { totalCredit: 9000, name: "ICRAR & friends" }),
    team(2, { name: "Renamed", founderName: null, founderId: 0 }),
    team(3),
  ],
  users: [
    user(1, { teamId: 1, totalCredit: 150, expavgCredit: 60, expavgTime: T0 + DAY - 3600 }),
    user(2, { teamId: 2, totalCredit: 200 }),
    user(3, { teamId: 99 }),
    user(4, { expavgCredit: 0.01, expavgTime: T0 - 30 * DAY }),
    user(5, { teamId: null }),
    day0.users[5],
    user(7, { teamId: 3, totalCredit: 5 }),
  ],
};

export const older = {
  updateTime: T0 - DAY,
  teams: [team(1, { name: "ICRAR (old name)", totalCredit: 10 }), team(4)],
  users: [user(1, { teamId: 1, totalCredit: 80 }), user(8, { teamId: 4, totalCredit: 1 })],
};
