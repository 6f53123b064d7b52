// The pictures of /about, cut from the showcase galaxy's own pyramids: its first filter composite
// and each parameter map with its colour bar. Without a galaxy (a fresh install) or without results
// yet, a sentence says what will appear instead.
import Link from "next/link";
import { ColorBar } from "@/components/maps/color-bar";
import type { GalaxyMaps } from "@/lib/maps/service/maps-info";
import type { ParameterMapKey } from "@/lib/maps/parameter-maps";
import { MapFigure } from "./map-figure";

function Placeholder({ children }: { children: React.ReactNode }) {
  return (
    <p
      className="rounded-lg border border-dashed border-line bg-panel/40 p-4 text-center text-xs text-muted"
      data-testid="about-picture-placeholder"
    >
      {children}
    </p>
  );
}

function GalaxyLink({ maps }: { maps: GalaxyMaps }) {
  return (
    <Link href={`/galaxies/${maps.galaxyId}`} className="text-accent-2 hover:underline">
      {maps.name}
    </Link>
  );
}

export function CompositePicture({ maps }: { maps: GalaxyMaps | null }) {
  // The natural-colour view (i, r, g) when the galaxy has one: it shows bulge, arms and dust best.
  const composite = maps?.composites.find((c) => /^i\b.*\br\b.*\bg\b/.test(c.label)) ?? maps?.composites[0];
  if (!maps || !composite) return <Placeholder>A colour picture appears here once a galaxy is registered.</Placeholder>;
  return (
    <MapFigure
      dzi={composite.dzi}
      width={maps.width}
      height={maps.height}
      alt={`${maps.name}: colour composite of the filters ${composite.label} as red, green and blue`}
      caption={
        <>
          <GalaxyLink maps={maps} />, filters {composite.label} as red, green, blue.
        </>
      }
    />
  );
}

export function ParameterPicture({ maps, parameter }: { maps: GalaxyMaps | null; parameter: ParameterMapKey }) {
  const map = maps?.maps.find((m) => m.key === parameter);
  if (!maps || !map) return <Placeholder>This map appears here once a galaxy is registered.</Placeholder>;
  if (maps.resultsVersion === 0)
    return (
      <Placeholder>
        The {map.title.toLowerCase()} map of <GalaxyLink maps={maps} /> appears here when its first work units return.
      </Placeholder>
    );
  const [lo, hi] = map.range;
  return (
    <MapFigure
      dzi={map.dzi}
      width={maps.width}
      height={maps.height}
      checker
      alt={`${maps.name}: map of ${map.title.toLowerCase()}, ${map.label}, colours from ${lo} to ${hi}`}
      caption={
        <>
          {map.title} of <GalaxyLink maps={maps} />, each pixel fitted by a volunteer&apos;s computer.
        </>
      }
    >
      <ColorBar className="mt-2" colormap={map.colormap} range={map.range} label={map.label} ticks={4} />
    </MapFigure>
  );
}
