// The demo galaxies' colours: an old, red bulge; young, blue arms and knots; dust that dims blue
// light more than red. What makes their composites look like galaxies rather than grey blobs.
import { describe, expect, it } from "vitest";
import { demoBand, type DemoFilterName } from "@/lib/demo/bands";
import { evaluateComponents } from "@/lib/demo/galaxy-model/evaluate";
import { galaxyStructure } from "@/lib/demo/galaxy-model/structure";
import { referenceGrid, renderGalaxyImages } from "@/lib/demo/images";
import { skyToPixel } from "@/lib/demo/wcs";
import { renderRgbComposite } from "@/lib/maps/composite";
import { compositeWeights } from "@/lib/maps/composite-weights";
import { makeGalaxy, mean } from "./helpers";

const CLEAN = { noise: false, nativeGridProbability: 0, coverageCuts: false } as const;

describe("colours of a demo spiral", () => {
  const g = makeGalaxy({ name: "NGC2002", hubbleType: "Sbc", inclination: 50, positionAngle: 20 });
  const im = renderGalaxyImages(g, CLEAN);
  const data = (name: DemoFilterName) => im.bands.find((b) => b.filterName === name)!.data;
  const optical = im.bands.find((b) => b.filterName === "SDSSr")!;
  // Optical bands share the reference grid at one resolution: the model evaluated there is what they show.
  const comp = evaluateComponents(galaxyStructure(g), g, referenceGrid(g), optical.psfFwhm);
  const n = g.width * g.height;
  const [cx, cy] = skyToPixel(im.reference.wcs, g.ra, g.dec);
  const radius = (i: number) => Math.hypot((i % g.width) - cx, Math.floor(i / g.width) - cy);
  const youngShare = (i: number) => comp.young[i] / (comp.bulge[i] + comp.disk[i] + comp.young[i]);
  const disk = Array.from({ length: n }, (_, i) => i).filter((i) => comp.footprint[i] && radius(i) > 8);
  const byYoung = [...disk].sort((a, b) => youngShare(b) - youngShare(a));
  const arms = new Set(byYoung.slice(0, Math.floor(0.05 * byYoung.length)));
  const rOverG = (pick: (i: number) => boolean) => mean(data("SDSSr"), pick) / mean(data("SDSSg"), pick);

  it("has a bulge redder than its arms and knots (r/g, i.e. g − r)", () => {
    const bulge = rOverG((i) => radius(i) < 2);
    const young = rOverG((i) => arms.has(i));
    expect(bulge).toBeGreaterThan(1.85); // g − r > 0.67, an old population (dust adds a little)
    expect(young).toBeLessThan(1.6); // g − r < 0.5: disk light with the young stars' blue
    expect(bulge).toBeGreaterThan(1.25 * young);
  });

  it("reddens behind dust: observed r/g above the unattenuated stars' r/g, the more so the thicker the dust", () => {
    const [sg, sr] = [demoBand("SDSSg").sed, demoBand("SDSSr").sed];
    const stars = (s: typeof sg, i: number) =>
      s.bulge * comp.bulge[i] + s.disk * comp.disk[i] + s.young * comp.young[i];
    const excess = (i: number) => data("SDSSr")[i] / data("SDSSg")[i] / (stars(sr, i) / stars(sg, i));
    const byTau = [...disk].sort((a, b) => comp.tauIsm[a] - comp.tauIsm[b]);
    const decile = Math.floor(byTau.length / 10);
    const thin = byTau.slice(0, decile);
    const thick = byTau.slice(-decile);
    const avg = (xs: number[]) => xs.reduce((a, i) => a + excess(i), 0) / xs.length;
    for (const i of disk) expect(excess(i)).toBeGreaterThanOrEqual(1 - 1e-6);
    expect(avg(thick)).toBeGreaterThan(1.15);
    expect(avg(thick)).toBeGreaterThan(avg(thin) + 0.1);
  });

  it("looks like a galaxy in its i, r, g composite: a warm bulge, blue knots", () => {
    const layers = [data("SDSSi"), data("SDSSr"), data("SDSSg")] as const;
    const filters = (["SDSSi", "SDSSr", "SDSSg"] as const).map((f) => demoBand(f).filter);
    const weights = compositeWeights([filters[0], filters[1], filters[2]], layers);
    const { data: rgba } = renderRgbComposite(
      { red: layers[0], green: layers[1], blue: layers[2] },
      g.width,
      g.height,
      weights,
    );
    // Composite rows are flipped (FITS row 0 at the bottom).
    const rgb = (i: number) => {
      const o = ((g.height - 1 - Math.floor(i / g.width)) * g.width + (i % g.width)) * 4;
      return [rgba[o], rgba[o + 1], rgba[o + 2]];
    };
    const centre = Math.round(cy) * g.width + Math.round(cx);
    const [br, , bb] = rgb(centre);
    expect(br).toBeGreaterThan(bb + 20);
    const knotPixels = byYoung.slice(0, 20);
    const blueKnots = knotPixels.filter((i) => rgb(i)[2] > rgb(i)[0]);
    expect(blueKnots.length).toBeGreaterThanOrEqual(16);
  });
});
