// The panels the deep-zoom viewer shows for a view: one picture, or the four parameter maps side
// by side, each with the layers it draws (a map can have image 1 beneath it, seen through).
import { compositeDescription, mapDescription } from "@/components/maps/map-description";
import type { DeepZoomLayer } from "@/components/maps/use-tiled-layers";
import type { GalaxyMaps, ParameterMapInfo } from "@/lib/maps/service/maps-info";
import { mapSource } from "./map-gallery";
import type { Stretch } from "./stretch-switch";
import { isParameterView, SIDE_BY_SIDE, type ViewKey } from "./view-state";

export interface PanelSpec {
  label: string;
  /** The text alternative of the panel's picture (map-description.ts). */
  description: string;
  short: string;
  layers: DeepZoomLayer[];
  map: ParameterMapInfo | null;
}

export function viewerPanels(
  maps: GalaxyMaps,
  view: ViewKey,
  stretch: Stretch,
  beneath: { show: boolean; opacity: number },
): PanelSpec[] {
  const composite = maps.composites[0] ?? null;
  const mapLayers = (m: ParameterMapInfo): DeepZoomLayer[] => {
    const main: DeepZoomLayer = {
      slot: "main",
      url: mapSource(m, stretch).dzi,
      opacity: beneath.show ? beneath.opacity : 1,
    };
    return beneath.show && composite ? [{ slot: "beneath", url: composite.dzi }, main] : [main];
  };
  const mapPanel = (m: ParameterMapInfo): PanelSpec => ({
    label: `${m.title} (${m.label})`,
    description: mapDescription(maps.name, m, mapSource(m, stretch).range, mapSource(m, stretch).note),
    short: m.label,
    layers: mapLayers(m),
    map: m,
  });
  if (view === SIDE_BY_SIDE) return maps.maps.map(mapPanel);
  if (isParameterView(view)) return maps.maps.filter((m) => m.key === view).map(mapPanel);
  return maps.composites
    .filter((c) => c.key === view)
    .map((c) => ({
      label: `Image ${maps.composites.indexOf(c) + 1}: filters ${c.label}`,
      description: compositeDescription(maps.name, maps.composites.indexOf(c), c.label),
      short: c.label,
      layers: [{ slot: "main", url: c.dzi }],
      map: null,
    }));
}
