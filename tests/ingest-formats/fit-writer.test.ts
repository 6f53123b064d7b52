// The .fit writer (demo generator): write → parse round trips, and the text looks like the client's.
import { describe, expect, it } from "vitest";
import { parseFit, writeFit, type MagphysPixelFit, type ParsedPixelFit } from "@/lib/ingest/magphys";
import { FIT_FIXTURE, fixtureText, hasMagphysFixtures } from "./fixtures";
import { syntheticPixel } from "./synthetic-fit";

/** The printed data of a parsed pixel, without what the parser adds. */
function strip(parsed: ParsedPixelFit): MagphysPixelFit {
  const fit: Partial<ParsedPixelFit> = { ...parsed };
  delete fit.firstLine;
  delete fit.statistics;
  return fit as MagphysPixelFit;
}

/**
 * A line's layout: each number replaced by its edit descriptor and the column it ends at
 * ("F4@10 E3e3@22"), comments kept. Independent of the values, so a synthetic line must have the
 * skeleton of some line of the real file.
 */
function skeleton(line: string): string {
  if (line.startsWith(" ####### pix")) return `pixel header, ${line.length} characters`;
  if (line.trimStart().startsWith("#")) return line;
  const parts: string[] = [];
  for (const m of line.matchAll(/\S+/g)) {
    const end = m.index + m[0].length;
    const e = /^-?\d\.(\d+)E[+-](\d+)$/.exec(m[0]);
    const f = /^-?\d+\.(\d+)$/.exec(m[0]);
    const kind = e
      ? `E${e[1].length}e${e[2].length}`
      : f
        ? `F${f[1].length}`
        : /^-?\d+$/.test(m[0])
          ? "I"
          : /^-?0\.\d+E/.test(m[0])
            ? "0PE"
            : m[0];
    parts.push(`${kind}@${end}`);
  }
  return parts.join(" ");
}

describe(".fit writer round trip", () => {
  const pixels = [1, 2, 3, 4, 5].map((seed) => syntheticPixel(seed));

  it("parse(write(x)) is x when x is at the printed precision", () => {
    const parsed = parseFit(writeFit(pixels), { expectedPixels: 5 });
    expect(parsed.pixels.map(strip)).toEqual(pixels);
  });

  it("handles single-bin histograms", () => {
    const one = syntheticPixel(7, { bins: 1 });
    const parsed = parseFit(writeFit([one])).pixels[0];
    expect(parsed.pdfs.every((pdf) => pdf.histogram.length === 1)).toBe(true);
    expect(strip(parsed)).toEqual(one);
  });

  it("rounds arbitrary values to the printed precision and is then stable", () => {
    const raw = [11, 12].map((seed) => syntheticPixel(seed, { printed: false }));
    const once = writeFit(raw);
    const reparsed = parseFit(once).pixels;
    expect(writeFit(reparsed)).toBe(once);
    reparsed.forEach((p, i) => {
      expect(p.bestFitModel.chi2).toBeCloseTo(raw[i].bestFitModel.chi2, 3);
      p.bestFit.forEach((v, k) =>
        expect(Math.abs(v - raw[i].bestFit[k])).toBeLessThanOrEqual(0.05 + 5e-4 * Math.abs(raw[i].bestFit[k])),
      );
      p.observedFlux.forEach((v, k) => expect(Math.abs(v / raw[i].observedFlux[k] - 1)).toBeLessThan(5.01e-4));
      expect(Math.abs(p.skyNet.stellarMassScale / raw[i].skyNet.stellarMassScale - 1)).toBeLessThan(5.01e-6);
    });
  });

  it("writes LF when asked, CRLF by default", () => {
    expect(writeFit(pixels.slice(0, 1))).toMatch(/^ ####### pix100000001 {18}\r\n# OBSERVED FLUXES/);
    const lf = writeFit(pixels.slice(0, 1), { lineEnding: "\n" });
    expect(lf).not.toMatch(/\r/);
    expect(parseFit(lf).pixels.map(strip)).toEqual(pixels.slice(0, 1));
  });

  it("keeps fields apart when a value overflows its Fortran width", () => {
    const wide = { ...pixels[0], bestFitModel: { ...pixels[0].bestFitModel, chi2: 123456.789 } };
    expect(parseFit(writeFit([wide])).pixels[0].bestFitModel.chi2).toBe(123456.789);
  });

  it("refuses malformed structures and non-finite values", () => {
    expect(() => writeFit([{ ...pixels[0], bestFit: pixels[0].bestFit.slice(1) }])).toThrow(RangeError);
    expect(() => writeFit([{ ...pixels[0], filterNames: ["SDSS u", "b", "c", "d", "e", "f"] }])).toThrow(/blanks/);
    expect(() => writeFit([{ ...pixels[0], modelFlux: [1, 2] }])).toThrow(/6 values/);
    const nan = structuredClone(pixels[0]);
    nan.pdfs[3].percentiles.p50 = Number.NaN;
    expect(() => writeFit([nan])).toThrow(/non-finite/);
  });
});

describe.runIf(hasMagphysFixtures)(".fit writer output looks like the client's", () => {
  const real = hasMagphysFixtures ? fixtureText(FIT_FIXTURE).split("\r\n").slice(0, -1) : [];
  const realSkeletons = new Set(real.map(skeleton));

  it("every synthetic line has the layout of a line of the real file", () => {
    const synthetic = writeFit([1, 2, 3].map((seed) => syntheticPixel(seed, { printed: false })))
      .split("\r\n")
      .slice(0, -1);
    const unknown = synthetic.map(skeleton).filter((s) => !realSkeletons.has(s));
    expect(unknown).toEqual([]);
    // …and uses every kind of line the real file has
    const used = new Set(synthetic.map(skeleton));
    const missing = [...realSkeletons].filter((s) => !used.has(s));
    expect(missing).toEqual([]);
  });

  it("the skeleton tells formats apart (so the check above can fail)", () => {
    expect(skeleton("    0.0250  1.397E-011")).toBe("F4@10 E3e3@22");
    expect(skeleton("    0.0250  1.397E-11")).not.toBe(skeleton("    0.0250  1.397E-011"));
    expect(skeleton("   0.0250  1.397E-011")).not.toBe(skeleton("    0.0250  1.397E-011"));
  });
});
