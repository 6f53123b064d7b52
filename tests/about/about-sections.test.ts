// /about's sections: every anchor the galaxy page's "?" links point at, and pictures from the
// showcase galaxy's own pyramids, or a sentence in their place on a survey without galaxies or results.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ParameterSections } from "@/components/about/parameter-sections";
import { ProcessSections } from "@/components/about/process-sections";
import { COMPOSITES_ANCHOR, PARAMETER_ANCHORS } from "@/components/about/science-anchors";
import { PARAMETER_MAP_KEYS, PARAMETER_MAPS, parameterLabel } from "@/lib/maps/parameter-maps";
import type { GalaxyMaps } from "@/lib/maps/service/maps-info";

const render = (maps: GalaxyMaps | null) =>
  renderToStaticMarkup(
    createElement("div", null, createElement(ProcessSections, { maps }), createElement(ParameterSections, { maps })),
  );

function fakeMaps(resultsVersion: number): GalaxyMaps {
  return {
    galaxyId: 7,
    name: "NGC4030",
    status: "computing",
    resultsVersion,
    width: 300,
    height: 200,
    pixelsProcessed: 10,
    pixelCount: 100,
    wcs: {} as GalaxyMaps["wcs"],
    composites: [{ key: "rgb1", label: "i, r, g", dzi: "/tiles/7/layers/rgb1.dzi" }],
    maps: PARAMETER_MAP_KEYS.map((key) => ({
      key,
      title: key === "m" ? "Stellar mass" : key,
      unit: PARAMETER_MAPS[key].unit,
      label: parameterLabel(key),
      log10: PARAMETER_MAPS[key].log10,
      colormap: PARAMETER_MAPS[key].colormap,
      range: [4, 9],
      dzi: `/tiles/7/v${resultsVersion}/${key}.dzi`,
      localRange: null,
      localDzi: `/tiles/7/v${resultsVersion}/${key}-local.dzi`,
    })),
  };
}

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("the science sections of /about", () => {
  it("have the anchors the help links open", () => {
    const html = render(null);
    for (const id of [COMPOSITES_ANCHOR, "sed-fitting", "work-units", ...Object.values(PARAMETER_ANCHORS)])
      expect(count(html, `id="${id}"`)).toBe(1);
  });

  it("say what will appear instead of pictures on a survey without galaxies", () => {
    const html = render(null);
    expect(count(html, 'data-testid="about-picture"')).toBe(0);
    expect(count(html, 'data-testid="about-picture-placeholder"')).toBe(5);
  });

  it("show the composite but not yet the maps of a galaxy without results", () => {
    const html = render(fakeMaps(0));
    expect(count(html, 'data-testid="about-picture"')).toBe(1);
    expect(html).toContain('src="/tiles/7/layers/rgb1_files/8/0_0.png"');
    expect(count(html, "appears here when its first work units")).toBe(4);
  });

  it("show the survey-range preview tile of each map, lazily, with alt text naming galaxy, parameter and range", () => {
    const html = render(fakeMaps(3));
    expect(count(html, 'data-testid="about-picture"')).toBe(5);
    expect(count(html, 'loading="lazy"')).toBe(5);
    expect(html).toContain('src="/tiles/7/v3/m_files/8/0_0.png"');
    expect(html).toContain('alt="NGC4030: map of stellar mass, log₁₀ M★ [M☉], colours from 4 to 9"');
    expect(html).toContain('href="/galaxies/7/pixels/150,100"');
  });
});
