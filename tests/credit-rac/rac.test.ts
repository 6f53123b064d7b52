import { describe, expect, it } from "vitest";
import {
  RAC_HALF_LIFE_SECONDS,
  SECONDS_PER_DAY,
  applyGrants,
  decayRac,
  grantCredit,
  newAccount,
  racAt,
  steadyGrants,
  racFromOrder,
  racOrder,
  updateAverage,
} from "@/lib/credit/rac";
import { carryForward } from "@/lib/credit/history-series";

const DAY = SECONDS_PER_DAY;
const T0 = 1_700_000_000; // any creation time

describe("RAC ramp-up of a new account (docs/formats.md §11)", () => {
  // C = 1000 credits/day granted hourly from account creation.
  const expected: [day: number, rac: number][] = [
    [1, 94],
    [2, 180],
    [3, 257],
    [7, 500],
    [14, 750],
    [21, 875],
    [28, 938],
    [35, 969],
    [49, 992],
  ];

  it.each(expected)("day %i → %i (±1)", (day, rac) => {
    const account = applyGrants(newAccount(T0), steadyGrants(T0, T0 + day * DAY, 1000));
    expect(account.racTime).toBe(T0 + day * DAY);
    expect(Math.abs(account.rac - rac)).toBeLessThanOrEqual(1);
    expect(account.totalCredit).toBeCloseTo(1000 * day, 6);
  });

  it("follows C·(1 − 2^(−t/7 d)) closely at every hour, not just the tabulated days", () => {
    let account = newAccount(T0);
    for (const grant of steadyGrants(T0, T0 + 10 * DAY, 1000)) {
      account = grantCredit(account, grant);
      const ideal = 1000 * (1 - 2 ** (-(grant.time - T0) / RAC_HALF_LIFE_SECONDS));
      expect(Math.abs(account.rac - ideal)).toBeLessThan(1e-6 * 1000);
    }
  });
});

describe("idle decay", () => {
  it("halves every week: 1000 → 500 → 250 → 62.5", () => {
    expect(decayRac(1000, T0, T0 + 7 * DAY)).toBeCloseTo(500, 9);
    expect(decayRac(1000, T0, T0 + 14 * DAY)).toBeCloseTo(250, 9);
    expect(decayRac(1000, T0, T0 + 28 * DAY)).toBeCloseTo(62.5, 9);
  });

  it("does not grow when the target time is earlier", () => {
    expect(decayRac(1000, T0, T0 - DAY)).toBe(1000);
  });

  it("a zero grant is pure decay and moves expavg_time", () => {
    const next = updateAverage({ rac: 1000, racTime: T0 }, T0 + 7 * DAY, 0);
    expect(next.rac).toBeCloseTo(500, 9);
    expect(next.racTime).toBe(T0 + 7 * DAY);
  });

  it("racAt decays an account's RAC to the display time", () => {
    const account = applyGrants(newAccount(T0), steadyGrants(T0, T0 + 49 * DAY, 1000));
    expect(racAt(account, account.racTime + 7 * DAY)).toBeCloseTo(account.rac / 2, 9);
  });
});

describe("update_average special cases", () => {
  it("Δ = 0 adds W·ln2·86400/H ≈ 0.099·W", () => {
    const next = updateAverage({ rac: 100, racTime: T0 }, T0, 100);
    expect(next.rac).toBeCloseTo(100 + (100 * Math.LN2) / 7, 9);
    expect(next.rac).toBeCloseTo(109.902, 3);
  });

  it("a clock going backwards counts as Δ = 0", () => {
    const next = updateAverage({ rac: 100, racTime: T0 }, T0 - 3600, 100);
    expect(next.rac).toBeCloseTo(100 + (100 * Math.LN2) / 7, 9);
  });

  it("the normal rule for one day: w·RAC + (1 − w)·W/Δdays", () => {
    const w = 2 ** (-1 / 7);
    const next = updateAverage({ rac: 200, racTime: T0 }, T0 + DAY, 700);
    expect(next.rac).toBeCloseTo(w * 200 + (1 - w) * 700, 9);
  });

  it("first average (expavg_time 0) is W over the days since the work started", () => {
    const next = updateAverage({ rac: 0, racTime: 0 }, T0, 500, T0 - 2 * DAY);
    expect(next).toEqual({ rac: 250, racTime: T0 });
  });

  it("first average with no elapsed work time does not divide by zero", () => {
    const next = updateAverage({ rac: 0, racTime: 0 }, T0, 70);
    expect(next.rac).toBeCloseTo((70 * Math.LN2) / 7, 9);
  });

  it("grantCredit adds to the total after averaging", () => {
    const account = grantCredit({ totalCredit: 10, rac: 0, racTime: 0 }, { time: T0, credit: 500, sentTime: T0 - DAY });
    expect(account).toEqual({ totalCredit: 510, rac: 500, racTime: T0 });
  });
});

describe("credit history between snapshots (lib/credit/history-series.ts)", () => {
  // A statistics export every day at midnight; the import writes a volunteer's snapshot only when
  // their total credit or team changed, with RAC decayed to the export time.
  const exports = Array.from({ length: 30 }, (_, d) => T0 + (d + 1) * DAY);

  it("an idle volunteer's carried-forward RAC is BOINC's update_average with no credit, every day", () => {
    const snapshot = { time: exports[0], totalCredit: 5000, rac: 1000 };
    const series = carryForward([snapshot], exports);
    expect(series).toHaveLength(30);
    let state = { rac: 1000, racTime: exports[0] };
    for (const point of series) {
      state = updateAverage(state, point.time, 0);
      expect(point.totalCredit).toBe(5000);
      expect(point.rac).toBeCloseTo(state.rac, 9);
    }
    expect(series[7].rac).toBeCloseTo(500, 9); // halves in a week
    expect(series[14].rac).toBeCloseTo(250, 9);
  });

  it("a new volunteer ramping up, exported daily, then idle: the chart follows the exact RAC", () => {
    // Hourly grants of 1000 credits a day for 10 days from T0, then nothing.
    let account = newAccount(T0);
    const grants = [...steadyGrants(T0, T0 + 10 * DAY, 1000)];
    const snapshots: { time: number; totalCredit: number; rac: number }[] = [];
    let last = -1;
    for (const time of exports) {
      account = applyGrants(
        account,
        grants.filter((g) => g.time > time - DAY && g.time <= time),
      );
      if (account.totalCredit !== last)
        snapshots.push({ time, totalCredit: account.totalCredit, rac: racAt(account, time) });
      last = account.totalCredit;
    }
    expect(snapshots).toHaveLength(10); // no snapshot once the credit stops changing
    const series = carryForward(snapshots, exports);
    // After the last grant the chart's RAC is the account's, decayed exactly.
    for (const point of series.filter((p) => p.time >= T0 + 10 * DAY))
      expect(point.rac).toBeCloseTo(racAt(account, point.time), 6);
    expect(series[6].rac).toBeCloseTo(500, 0); // the ramp-up table: about half after a week
    expect(series[9].totalCredit).toBeCloseTo(10_000, 6);
    expect(series[16].rac).toBeCloseTo(series[9].rac / 2, 6); // then halves each idle week
  });

  it("RAC below 0.009 shows as 0, as the import stores it", () => {
    const series = carryForward([{ time: exports[0], totalCredit: 10, rac: 0.01 }], exports);
    expect(series[0].rac).toBe(0.01);
    expect(series[2].rac).toBe(0);
  });

  it("starts at the first snapshot and takes each export's newest snapshot", () => {
    const series = carryForward(
      [
        { time: exports[2], totalCredit: 100, rac: 50 },
        { time: exports[4], totalCredit: 300, rac: 80 },
      ],
      exports.slice(0, 6),
    );
    expect(series.map((p) => p.totalCredit)).toEqual([100, 100, 300, 300]);
    expect(series[2].rac).toBe(80);
  });
});

describe("RAC order (racOrder): one number ordering RAC at any common time", () => {
  it("orders like RAC decayed to a common time, whatever each value's own time", () => {
    const a = { rac: 1000, time: T0 }; // a week older, so worth 500 at T0 + 7 d
    const b = { rac: 600, time: T0 + 7 * DAY };
    expect(racOrder(a.rac, a.time)).toBeLessThan(racOrder(b.rac, b.time));
    expect(racFromOrder(racOrder(a.rac, a.time), T0 + 7 * DAY)).toBeCloseTo(500, 9);
    expect(racFromOrder(racOrder(b.rac, b.time), T0 + 14 * DAY)).toBeCloseTo(300, 9);
    expect(racFromOrder(racOrder(0, T0), T0)).toBe(0);
  });
});
