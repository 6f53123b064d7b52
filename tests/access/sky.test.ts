// The sky geometry of the catalogue's cone search, checked against brute force: parsing positions,
// great-circle distances, and the RA/Dec box that prefilters a cone (across RA 0/360, at the poles).
import { describe, expect, it } from "vitest";
import { parseDec, parseRa } from "@/lib/access/sky/coordinates";
import { angularDistance, coneBox } from "@/lib/access/sky/great-circle";
import { seededRandom } from "@/lib/testing/seeded-random";

describe("positions as astronomers type them", () => {
  it.each([
    ["10.684", 10.684],
    ["10.684d", 10.684],
    ["00:42:44.3", (42 / 60 + 44.3 / 3600) * 15],
    ["00h42m44.3s", (42 / 60 + 44.3 / 3600) * 15],
    ["12 03 57.6", (12 + 3 / 60 + 57.6 / 3600) * 15],
    ["359.9999", 359.9999],
  ])("RA %s → %f°", (text, degrees) => {
    expect(parseRa(text)).toEqual({ ok: true, degrees: expect.closeTo(degrees, 10) });
  });

  it.each([
    ["41.269", 41.269],
    ["+41:16:09", 41 + 16 / 60 + 9 / 3600],
    ["−41 16 09", -(41 + 16 / 60 + 9 / 3600)],
    ["-00:30:00", -0.5],
    ["41d16m09s", 41 + 16 / 60 + 9 / 3600],
    ["-90", -90],
  ])("Dec %s → %f°", (text, degrees) => {
    expect(parseDec(text)).toEqual({ ok: true, degrees: expect.closeTo(degrees, 10) });
  });

  it.each([
    [parseRa, "360", "RA 360 is outside 0–360 degrees"],
    [parseRa, "24:00:00", "neither degrees"],
    [parseRa, "12:61:00", "neither degrees"],
    [parseRa, "abc", "neither degrees"],
    [parseDec, "91", "Dec 91 is outside −90…+90 degrees"],
    [parseDec, "+12:30:75", "neither degrees"],
  ])("%#: refuses %s, saying why", (parse, text, message) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });
});

describe("great-circle distance", () => {
  it("is exact where the answer is known", () => {
    expect(angularDistance(359.5, 0, 0.5, 0)).toBeCloseTo(1, 12);
    expect(angularDistance(0, 89, 180, 89)).toBeCloseTo(2, 12);
    expect(angularDistance(10, -30, 190, 30)).toBeCloseTo(180, 9);
    expect(angularDistance(123.4, 56.7, 123.4, 56.7)).toBe(0);
    // 1 milliarcsecond stays 1 mas (the cosine formula loses it to rounding).
    expect(angularDistance(200, 45, 200, 45 + 1 / 3.6e6) * 3.6e6).toBeCloseTo(1, 6);
  });
});

describe("the RA/Dec box of a cone", () => {
  const inBox = (box: ReturnType<typeof coneBox>, ra: number, dec: number) =>
    dec >= box.decMin && dec <= box.decMax && box.raRanges.some(([lo, hi]) => ra >= lo && ra <= hi);

  it("splits across RA 0/360 and spans all RA over a pole", () => {
    expect(coneBox(359.8, 10, 0.5).raRanges).toHaveLength(2);
    expect(coneBox(0.2, 10, 0.5).raRanges).toHaveLength(2);
    expect(coneBox(180, 89.7, 0.5).raRanges).toEqual([[0, 360]]);
    expect(coneBox(180, -89.7, 0.5)).toMatchObject({ decMin: -90, raRanges: [[0, 360]] });
  });

  it("holds every point of random cones, everywhere on the sky (brute force)", () => {
    const random = seededRandom(5);
    const misses: string[] = [];
    for (let c = 0; c < 300; c++) {
      const ra = random() * 360;
      const dec = Math.asin(2 * random() - 1) * (180 / Math.PI);
      const radius = 10 ** (-3 + 4 * random()); // 0.001° … 10°
      const box = coneBox(ra, dec, radius);
      for (let p = 0; p < 200; p++) {
        // A point on or inside the cone: distance up to the radius in a random direction.
        const d = radius * Math.sqrt(random());
        const angle = random() * 2 * Math.PI;
        const dr = (d * Math.PI) / 180;
        const d1 = (dec * Math.PI) / 180;
        const lat = Math.asin(Math.sin(d1) * Math.cos(dr) + Math.cos(d1) * Math.sin(dr) * Math.cos(angle));
        const lon =
          (ra * Math.PI) / 180 +
          Math.atan2(Math.sin(angle) * Math.sin(dr) * Math.cos(d1), Math.cos(dr) - Math.sin(d1) * Math.sin(lat));
        const pra = ((((lon * 180) / Math.PI) % 360) + 360) % 360;
        const pdec = (lat * 180) / Math.PI;
        if (angularDistance(ra, dec, pra, pdec) > radius * (1 + 1e-9)) throw new Error("the test's point is outside");
        if (!inBox(box, pra, pdec)) misses.push(`cone ${ra} ${dec} ${radius}, point ${pra} ${pdec}`);
      }
    }
    expect(misses).toEqual([]);
  });
});
