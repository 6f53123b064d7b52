// Times as operators type them (UTC only) and as the challenge pages say them.
import { describe, expect, it } from "vitest";
import { clockText, formatDuration, formatWindow } from "@/components/challenges/time-text";
import { parseTeamIds, parseUtcTime } from "@/lib/credit/challenges/input";

describe("UTC times typed by an operator", () => {
  it.each([
    ["2026-12-01", "2026-12-01T00:00:00.000Z"],
    ["2026-12-01 18:00", "2026-12-01T18:00:00.000Z"],
    ["2026-12-01T18:00:30Z", "2026-12-01T18:00:30.000Z"],
    ["2026-12-01T18:00:00.000+00:00", "2026-12-01T18:00:00.000Z"],
    ["2026-12-01 18:00 UTC", "2026-12-01T18:00:00.000Z"],
  ])("reads %s", (text, iso) => {
    expect(parseUtcTime(text)?.toISOString()).toBe(iso);
  });

  it.each(["2026-12-01T18:00+01:00", "1 Dec 2026", "2026-02-30", "2026-12-01 25:00", ""])("refuses %j", (text) => {
    expect(parseUtcTime(text)).toBeNull();
  });

  it("reads team id lists and refuses anything else", () => {
    expect(parseTeamIds("12, 34 12,56")).toEqual([12, 34, 56]);
    expect(parseTeamIds("12, x")).toBeNull();
    expect(parseTeamIds("0")).toBeNull();
  });
});

describe("the clock of a challenge", () => {
  const H = 3_600_000;
  it("says how long to the start, how long left, how long ago", () => {
    expect(clockText(10 * H, 60 * H, 0)).toBe("starts in 10 hours");
    expect(clockText(0, 2 * 24 * H + 3 * H + 59_000, 0)).toBe("2 days 3 hours left");
    expect(clockText(0, H, H + 90_000)).toBe("ended 2 minutes ago");
    expect(formatDuration(24 * H)).toBe("1 day");
    expect(formatDuration(H + 60_000)).toBe("1 hour 1 minute");
  });

  it("shows a midnight-to-midnight window as dates", () => {
    const d = (iso: string) => new Date(iso);
    expect(formatWindow(d("2026-11-11T00:00Z"), d("2026-12-02T00:00Z"))).toBe("2026-11-11 → 2026-12-02");
    expect(formatWindow(d("2026-11-11T06:00Z"), d("2026-12-02T00:00Z"))).toBe("2026-11-11 06:00 → 2026-12-02 00:00");
  });
});
