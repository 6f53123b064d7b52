"use client";
// The viewer's maps: one deep-zoom panel, or four in a grid moving in step (each labelled, with
// its colour bar), and the zoom buttons over them.
import { useMemo, type ReactNode } from "react";
import { ColorBar } from "@/components/maps/color-bar";
import { DeepZoomPanel } from "@/components/maps/deep-zoom-panel";
import { useReducedMotion } from "@/components/maps/use-reduced-motion";
import type { PixelEvent } from "@/components/maps/use-pixel-picking";
import { ViewerGroup } from "@/components/maps/viewer-group";
import { mapSource } from "./map-gallery";
import type { Stretch } from "./stretch-switch";
import type { PanelSpec } from "./viewer-panels";

export function ViewerPanelGrid({
  panels,
  width,
  height,
  stretch,
  overlay,
  onHover,
  onPick,
}: {
  panels: PanelSpec[];
  width: number;
  height: number;
  stretch: Stretch;
  overlay: ReactNode;
  onHover: (pixel: PixelEvent) => void;
  onPick: (pixel: PixelEvent) => void;
}) {
  const group = useMemo(() => new ViewerGroup(), []);
  const reducedMotion = useReducedMotion();
  return (
    <div className="relative min-h-0 flex-1 border-y border-line/70">
      <div className={`grid h-full gap-px bg-line/70 ${panels.length > 1 ? "grid-cols-2 grid-rows-2" : "grid-cols-1"}`}>
        {panels.map((p, i) => (
          <DeepZoomPanel
            key={`panel-${i}`}
            label={p.description}
            imageWidth={width}
            imageHeight={height}
            layers={p.layers}
            group={group}
            overlay={overlay}
            onHover={onHover}
            onPick={onPick}
            reducedMotion={reducedMotion}
            autoFocus={i === 0}
            testId={`viewer-panel-${i}`}
          >
            {panels.length > 1 ? (
              <>
                <span className="pointer-events-none absolute top-1.5 left-1.5 rounded bg-ink/80 px-1.5 py-0.5 text-[11px]">
                  {p.short}
                </span>
                {p.map ? (
                  <div className="pointer-events-none absolute inset-x-1.5 bottom-1.5 hidden rounded bg-ink/80 px-2 pt-1.5 pb-1 sm:block">
                    <ColorBar
                      colormap={p.map.colormap}
                      range={mapSource(p.map, stretch).range}
                      label={p.map.label}
                      ticks={4}
                    />
                  </div>
                ) : null}
              </>
            ) : null}
          </DeepZoomPanel>
        ))}
      </div>
      <ZoomButtons group={group} />
    </div>
  );
}

/** They drive the group's first viewer; the others follow it. */
function ZoomButtons({ group }: { group: ViewerGroup }) {
  const zoomBy = (factor: number) => {
    const v = group.primary;
    if (!v) return;
    v.viewport.zoomBy(factor);
    v.viewport.applyConstraints();
  };
  const buttons = [
    { label: "Zoom in", text: "+", act: () => zoomBy(1.6) },
    { label: "Zoom out", text: "−", act: () => zoomBy(1 / 1.6) },
    { label: "Whole galaxy", text: "⌂", act: () => group.primary?.viewport.goHome() },
  ];
  return (
    <div className="absolute top-2 right-2 flex flex-col gap-1" role="group" aria-label="Zoom">
      {buttons.map((b) => (
        <button
          key={b.label}
          type="button"
          onClick={b.act}
          aria-label={b.label}
          title={b.label}
          className="h-9 w-9 rounded-md border border-line bg-ink/85 text-lg leading-none hover:bg-panel-2 focus-visible:outline-2 focus-visible:outline-accent"
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}
