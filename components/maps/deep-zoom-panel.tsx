"use client";
/**
 * One deep-zoom panel: an OpenSeadragon viewer of a galaxy's tiled images with a vector overlay
 * (SVG in image pixel coordinates) kept aligned with the pixels at every zoom.
 *
 * The overlay's transform is recomputed from the viewer's own conversion of world points to
 * screen pixels on every frame the viewer draws (`update-viewport`), so the rectangles move with
 * the tiles, not a frame behind. Tile sources are swapped in place (a new results version, the
 * other colour stretch): the new image is drawn above the old one, which is removed once the new
 * one is fully loaded, so the picture never blanks.
 */
import type OpenSeadragon from "openseadragon";
import { useEffect, useRef, type ReactNode } from "react";
import { CHECKER } from "./checker";
import { imagePointToFitsPixel } from "./image-coordinates";
import type { ViewerGroup } from "./viewer-group";

type OSD = typeof OpenSeadragon;
type Viewer = OpenSeadragon.Viewer;
type TiledImage = OpenSeadragon.TiledImage;

export interface DeepZoomLayer {
  /** Stable name of the layer's slot ("beneath", "main"); a new url in a slot swaps its image. */
  slot: string;
  url: string;
  opacity?: number;
}

export type PixelEvent = { x: number; y: number } | null;

/** For the browser tests and debugging: the viewer behind a panel element. */
export type PanelElement = HTMLDivElement & { osdViewer?: Viewer };

export interface DeepZoomPanelProps {
  label: string;
  imageWidth: number;
  imageHeight: number;
  /** Bottom to top. */
  layers: DeepZoomLayer[];
  group: ViewerGroup;
  /** SVG content in image coordinates (x right, y down, one unit a pixel). */
  overlay?: ReactNode;
  onHover?: (pixel: PixelEvent) => void;
  /** A click or tap (or Enter on the focused viewer, at its centre) picks a pixel. */
  onPick?: (pixel: PixelEvent) => void;
  reducedMotion: boolean;
  /** Focus the map once it exists, so the keys work at once. */
  autoFocus?: boolean;
  testId?: string;
  children?: ReactNode;
}

interface Slot {
  url: string;
  item: TiledImage | null;
  generation: number;
}

export function DeepZoomPanel({
  label,
  imageWidth,
  imageHeight,
  layers,
  group,
  overlay,
  onHover,
  onPick,
  reducedMotion,
  autoFocus = false,
  testId,
  children,
}: DeepZoomPanelProps) {
  const panelRef = useRef<PanelElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<SVGGElement>(null);
  const viewerRef = useRef<{ osd: OSD; viewer: Viewer } | null>(null);
  const slots = useRef(new Map<string, Slot>());
  const callbacks = useRef({ onHover, onPick });
  const layersRef = useRef(layers);
  useEffect(() => {
    callbacks.current = { onHover, onPick };
  });

  // Tiled images follow `layers`: unchanged slots keep their image (opacity updated), changed ones
  // get the new image on top and lose the old one once the new one is drawn.
  const applyLayers = () => {
    const current = viewerRef.current;
    if (!current) return;
    const { viewer } = current;
    const wanted = layersRef.current;
    const live = slots.current;
    for (const [name, slot] of live) {
      if (wanted.some((l) => l.slot === name)) continue;
      slot.generation++;
      if (slot.item) viewer.world.removeItem(slot.item);
      live.delete(name);
    }
    wanted.forEach((layer, index) => {
      let slot = live.get(layer.slot);
      if (slot && slot.url === layer.url) {
        slot.item?.setOpacity(layer.opacity ?? 1);
        return;
      }
      if (!slot) {
        slot = { url: layer.url, item: null, generation: 0 };
        live.set(layer.slot, slot);
      }
      const target = slot;
      const generation = ++target.generation;
      target.url = layer.url;
      viewer.addTiledImage({
        tileSource: layer.url,
        x: 0,
        y: 0,
        width: 1,
        opacity: layer.opacity ?? 1,
        // Bottom layers go under what is there; the top layer above (over its predecessor).
        ...(index < wanted.length - 1 ? { index: Math.min(index, viewer.world.getItemCount()) } : {}),
        success: (event) => {
          const item = (event as unknown as { item: TiledImage }).item;
          if (generation !== target.generation || viewerRef.current?.viewer !== viewer) {
            viewer.world.removeItem(item);
            return;
          }
          const old = target.item;
          target.item = item;
          // The first image sent the viewer home; now it takes the view of its group.
          group.settle(viewer);
          if (!old) return;
          let removed = false;
          const removeOld = () => {
            if (removed) return;
            removed = true;
            if (viewer.world.getIndexOfItem(old) >= 0) viewer.world.removeItem(old);
          };
          if (item.getFullyLoaded()) removeOld();
          else {
            item.addOnceHandler("fully-loaded-change", removeOld);
            window.setTimeout(removeOld, 5000);
          }
        },
        error: () => {
          // A superseded version's tiles are gone: the page's next poll brings the new url.
          if (generation === target.generation) target.url = "";
        },
      });
    });
  };

  useEffect(() => {
    let cancelled = false;
    let viewer: Viewer | null = null;
    const host = hostRef.current!;
    const panel = panelRef.current!;
    const g = overlayRef.current!;
    const live = slots.current;
    let detach = () => {};
    import("openseadragon").then(({ default: osd }) => {
      if (cancelled) return;
      const v = osd({
        element: host,
        drawer: "canvas",
        showNavigationControl: false,
        // Pyramids have no overlap: round tile edges to whole screen pixels, or seams show
        // through where maps are transparent.
        subPixelRoundingForTransparency: { "*": osd.SUBPIXEL_ROUNDING_OCCURRENCES.ALWAYS },
        // Pixels are data: show them as squares when zoomed in, not blurred.
        imageSmoothingEnabled: false,
        maxZoomPixelRatio: 40,
        minZoomImageRatio: 0.6,
        visibilityRatio: 0.4,
        animationTime: reducedMotion ? 0 : 0.8,
        springStiffness: reducedMotion ? 100 : 8,
        blendTime: 0,
        immediateRender: reducedMotion,
        zoomPerScroll: 1.3,
        zoomPerSecond: 1.5,
        gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true, scrollToZoom: true, flickEnabled: false },
        gestureSettingsTouch: {
          clickToZoom: false,
          dblClickToZoom: true,
          pinchToZoom: true,
          flickEnabled: !reducedMotion,
        },
        gestureSettingsPen: { clickToZoom: false, dblClickToZoom: true },
        crossOriginPolicy: false,
        preserveImageSizeOnResize: true,
        silenceMultiImageWarnings: true,
      });
      viewer = v;
      viewerRef.current = { osd, viewer: v };
      panel.osdViewer = v;
      v.canvas.setAttribute(
        "aria-label",
        `${label}: drag or use the arrow keys to pan, + and − to zoom, 0 to reset, Enter to read the centre pixel`,
      );
      v.canvas.setAttribute("role", "application");

      const alignOverlay = () => {
        const vp = v.viewport;
        // The image spans world x ∈ [0, 1], y ∈ [0, height/width].
        const p0 = vp.pixelFromPoint(new osd.Point(0, 0), true);
        const p1 = vp.pixelFromPoint(new osd.Point(1, imageHeight / imageWidth), true);
        const sx = (p1.x - p0.x) / imageWidth;
        const sy = (p1.y - p0.y) / imageHeight;
        g.setAttribute("transform", `matrix(${sx} 0 0 ${sy} ${p0.x} ${p0.y})`);
      };
      const pixelAt = (clientX: number, clientY: number): PixelEvent => {
        const box = host.getBoundingClientRect();
        const world = v.viewport.pointFromPixel(new osd.Point(clientX - box.left, clientY - box.top), true);
        return imagePointToFitsPixel(world.x * imageWidth, world.y * imageWidth, imageWidth, imageHeight);
      };
      for (const event of ["update-viewport", "animation", "resize", "open"] as const)
        v.addHandler(event, alignOverlay);
      v.world.addHandler("add-item", alignOverlay);
      v.addHandler("canvas-click", (e) => {
        if (!e.quick) return;
        const ev = e.originalEvent as PointerEvent | MouseEvent;
        callbacks.current.onPick?.(pixelAt(ev.clientX, ev.clientY));
      });
      v.addHandler("canvas-key", (e) => {
        const key = (e.originalEvent as KeyboardEvent).key;
        // No rotation or mirroring: north stays up and the overlay stays square with the pixels.
        if (key === "r" || key === "R" || key === "f" || key === "F") e.preventDefaultAction = true;
        if (key === "Enter") {
          const box = host.getBoundingClientRect();
          callbacks.current.onPick?.(pixelAt(box.left + box.width / 2, box.top + box.height / 2));
        }
      });
      const move = (e: PointerEvent) => callbacks.current.onHover?.(pixelAt(e.clientX, e.clientY));
      const leave = () => callbacks.current.onHover?.(null);
      host.addEventListener("pointermove", move, { capture: true });
      host.addEventListener("pointerleave", leave);
      detach = () => {
        host.removeEventListener("pointermove", move, { capture: true });
        host.removeEventListener("pointerleave", leave);
      };
      group.add(v);
      alignOverlay();
      applyLayers();
      if (autoFocus) v.canvas.focus({ preventScroll: true });
    });
    return () => {
      cancelled = true;
      detach();
      if (viewer) {
        group.remove(viewer);
        viewer.destroy();
      }
      viewerRef.current = null;
      live.clear();
      delete panel.osdViewer;
    };
    // The viewer lives as long as the panel; layers and callbacks are followed through refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [group, imageWidth, imageHeight, reducedMotion]);

  const layersKey = layers.map((l) => `${l.slot}|${l.url}|${l.opacity ?? 1}`).join(",");
  useEffect(() => {
    layersRef.current = layers;
    applyLayers();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layersKey]);

  return (
    <div
      ref={panelRef}
      className="relative h-full w-full overflow-hidden"
      style={CHECKER}
      data-testid={testId}
      aria-label={label}
      role="group"
    >
      <div
        ref={hostRef}
        className="absolute inset-0 [&_.openseadragon-canvas:focus-visible]:outline-2 [&_.openseadragon-canvas:focus-visible]:-outline-offset-2 [&_.openseadragon-canvas:focus-visible]:outline-accent"
      />
      <svg
        className="pointer-events-none absolute inset-0 h-full w-full overflow-hidden"
        aria-hidden
        data-testid={testId ? `${testId}-overlay` : undefined}
      >
        <g ref={overlayRef}>{overlay}</g>
      </svg>
      {children}
    </div>
  );
}
