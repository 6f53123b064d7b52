// The real POGS work-unit result PGC1068443c_area244140_0_0 (9 pixels, CRLF).
import { describe, expect, it } from "vitest";
import { parseFit, writeFit } from "@/lib/ingest/magphys";
import { PARAMETERS, Statistic, mapValue, parameterByColumn } from "@/lib/survey/parameters";
import { FIT_FIXTURE, fixtureText, hasMagphysFixtures } from "./fixtures";

const param = (column: string) => parameterByColumn(column)!.index;

describe.runIf(hasMagphysFixtures)("real .fit fixture", () => {
  const text = hasMagphysFixtures ? fixtureText(FIT_FIXTURE) : "";
  const fit = () => parseFit(text, { fileName: FIT_FIXTURE });

  it("is the CRLF file the tests assume", () => {
    expect(text.split("\r\n").length - 1).toBe(8244);
  });

  it("has 9 pixels with ids 4573581–4573589 and block start lines 916 apart", () => {
    const { pixels } = fit();
    expect(pixels.map((p) => p.pixelId)).toEqual([
      4573581, 4573582, 4573583, 4573584, 4573585, 4573586, 4573587, 4573588, 4573589,
    ]);
    expect(pixels.map((p) => p.firstLine)).toEqual([1, 917, 1833, 2749, 3665, 4581, 5497, 6413, 7329]);
  });

  it("reads pixel 1's observations, best-fit model and model fluxes", () => {
    const p = fit().pixels[0];
    expect(p.filterNames).toEqual(["SDSSu", "PS1g", "PS1r", "PS1i", "PS1z", "PS1y"]);
    expect(p.observedFlux).toEqual([0, 8.465e-10, 2.479e-9, 5.916e-9, 8.475e-9, 1.293e-8]);
    expect(p.observedSigma[0]).toBe(0);
    expect(p.observedSigma[5]).toBe(1.293e-9);
    expect(p.bestFitModel).toEqual({ iSfh: 5914, iIr: 2, chi2: 0.19, redshift: 0.0102 });
    expect(p.modelFlux[0]).toBe(6.972e-11);
    expect(p.skyNet).toEqual({ iSfh: 5914, iIr: 2, stellarMassScale: 0.637638e8, fmuSfh: 0.905, redshift: 0.01 });
  });

  it("maps the best-fit row by name: T_W^BC is printed before T_C^ISM", () => {
    const p = fit().pixels[0];
    expect(p.bestFit[param("t_w_bc")]).toBe(32.4);
    expect(p.bestFit[param("t_c_ism")]).toBe(22.2);
    expect(p.bestFit[param("m")]).toBe(6.376e7);
    expect(p.bestFit[param("s_sfr")]).toBe(1.181e-11);
    expect(p.bestFit[param("sfr")]).toBe(7.531e-4);
  });

  it("reads every histogram with the client's bin counts, in POGS id order", () => {
    const counts = fit().pixels[0].pdfs.map((pdf) => pdf.histogram.length);
    expect(counts).toEqual([20, 20, 20, 48, 70, 110, 110, 10, 30, 20, 20, 20, 20, 80, 110, 110]);
    const pdfs = fit().pixels[0].pdfs;
    expect(pdfs[0].histogram[0]).toEqual([0.025, 1.397e-11]); // 3-digit exponent
    expect(pdfs[param("s_sfr")].histogram[0]).toEqual([-12.95, 3.922e-2]);
    expect(pdfs[param("t_c_ism")].histogram[0][0]).toBe(15.5);
    expect(pdfs[param("t_w_bc")].histogram[0][0]).toBe(30.5);
  });

  it("reads percentiles and theSkyNet2 bins", () => {
    const p = fit().pixels[0];
    expect(p.pdfs[0].percentiles).toEqual({ p2_5: 0.673, p16: 0.792, p50: 0.925, p84: 0.991, p97_5: 0.999 });
    const sfr = p.pdfs[param("sfr")];
    expect(sfr.percentiles).toEqual({ p2_5: -5.163, p16: -4.253, p50: -3.243, p84: -2.593, p97_5: -2.098 });
    expect([sfr.highestProbBin, sfr.firstBin, sfr.lastBin, sfr.binStep]).toEqual([-3.25, -7.95, 2.95, 0.1]);
    expect(p.pdfs[param("s_sfr")].percentiles.p2_5).toBe(-12.97);
  });

  it("builds the 16×7 statistics with the best fit on the PDF's scale", () => {
    const s = fit().pixels[0].statistics;
    expect(s).toHaveLength(16);
    s.forEach((row) => expect(row).toHaveLength(7));
    const m = s[param("m")];
    expect(m[Statistic.BEST_FIT]).toBeCloseTo(7.80455, 5); // log10(6.376E+07)
    expect(m.slice(1)).toEqual([7.747, 7.75, 7.432, 7.602, 7.892, 8.017]);
    expect(s[param("sfr")][Statistic.BEST_FIT]).toBeCloseTo(Math.log10(7.531e-4), 12);
    expect(s[param("mdust")][Statistic.BEST_FIT]).toBeCloseTo(Math.log10(5.058e4), 12);
    // linear parameters keep the printed best fit
    expect(s[0]).toEqual([0.905, 0.925, 0.975, 0.673, 0.792, 0.991, 0.999]);
    expect(s[param("t_w_bc")][Statistic.BEST_FIT]).toBe(32.4);
    // every log10 parameter: best fit lies inside its histogram's range, like the percentiles
    for (const parameter of PARAMETERS.filter((x) => x.log10)) {
      const pdf = fit().pixels[0].pdfs[parameter.index];
      const bf = s[parameter.index][Statistic.BEST_FIT];
      expect(bf).toBeGreaterThan(pdf.firstBin - pdf.binStep);
      expect(bf).toBeLessThan(pdf.lastBin + pdf.binStep);
    }
  });

  it("gives the map values: µ linear, log10 M*, Ldust, SFR medians", () => {
    const s = fit().pixels[0].statistics;
    expect(mapValue(s, "mu")).toBe(0.747);
    expect(mapValue(s, "m")).toBe(7.747);
    expect(mapValue(s, "sfr")).toBe(-3.243);
  });

  it("reads the last pixel", () => {
    const p = fit().pixels[8];
    expect(p.bestFitModel.chi2).toBe(2.262);
    expect(p.pdfs[0].percentiles.p2_5).toBe(0.631);
    expect(p.skyNet.stellarMassScale).toBe(0.198143e9);
  });

  it("gives the same result for LF line ends and for mixed line ends", () => {
    const crlf = fit();
    expect(parseFit(text.replace(/\r\n/g, "\n"), { fileName: FIT_FIXTURE })).toEqual(crlf);
    let i = 0;
    const mixed = text.replace(/\r\n/g, () => (i++ % 2 ? "\n" : "\r\n"));
    expect(parseFit(mixed, { fileName: FIT_FIXTURE })).toEqual(crlf);
  });

  it("tolerates trailing blank lines and a missing final line end", () => {
    expect(parseFit(text + "\r\n\r\n").pixels).toHaveLength(9);
    expect(parseFit(text.slice(0, -2)).pixels).toHaveLength(9);
  });

  it("is written back byte for byte by the writer", () => {
    const written = writeFit(fit().pixels);
    expect(written.length).toBe(text.length);
    expect(written).toBe(text);
    expect(writeFit(fit().pixels, { lineEnding: "\n" })).toBe(text.replace(/\r\n/g, "\n"));
  });
});
