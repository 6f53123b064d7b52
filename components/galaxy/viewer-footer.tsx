"use client";
// Under the viewer's maps: the colour bar of the one map shown, the legend of the progress
// overlay, and the readout of the pixel under the pointer (or the pinned one).
import { ColorBar } from "@/components/maps/color-bar";
import { PixelReadoutPanel, type ReadoutPixel } from "@/components/maps/pixel-readout";
import { ProgressLegend } from "@/components/maps/progress-legend";
import type { AreaProgress } from "@/lib/maps/service/areas";
import type { GalaxyMaps } from "@/lib/maps/service/maps-info";
import { mapSource } from "./map-gallery";
import type { Stretch } from "./stretch-switch";
import type { PanelSpec } from "./viewer-panels";

export function ViewerFooter({
  maps,
  panels,
  stretch,
  progress,
  readout,
}: {
  maps: GalaxyMaps;
  panels: PanelSpec[];
  stretch: Stretch;
  progress: AreaProgress | null;
  readout: ReadoutPixel | null;
}) {
  const single = panels.length === 1 ? panels[0].map : null;
  const outstanding = progress ? progress.areas.filter((a) => a[4] === null).length : 0;
  return (
    // A steady height, so the map does not jump when a legend comes or goes.
    <footer className="max-h-[40dvh] min-h-24 space-y-2 overflow-y-auto px-3 py-2 sm:min-h-36">
      {single ? (
        <ColorBar
          className="max-w-xl"
          colormap={single.colormap}
          range={mapSource(single, stretch).range}
          label={single.label}
          note={mapSource(single, stretch).note}
        />
      ) : null}
      {panels.length > 1 ? (
        <p className="text-[11px] text-muted sm:hidden">Colour bars of the four maps are on the galaxy page.</p>
      ) : null}
      {progress ? <ProgressLegend first={progress.first} last={progress.last} outstanding={outstanding} /> : null}
      <PixelReadoutPanel
        galaxyId={maps.galaxyId}
        resultsVersion={maps.resultsVersion}
        wcs={maps.wcs}
        maps={maps.maps}
        pixel={readout}
        highlight={panels.flatMap((p) => (p.map ? [p.map.key] : []))}
      />
    </footer>
  );
}
