"use client";
/**
 * The OpenSeadragon viewer of one deep-zoom panel, from the panel's mounting to its unmounting.
 * OpenSeadragon touches `window` when it loads, so it is imported in the browser only. A viewer is
 * built again only when what it was built with changes (reduced motion, its group); the other
 * hooks of the panel follow the viewer this returns and attach to each new one.
 */
import type OpenSeadragon from "openseadragon";
import { useEffect, useState, type RefObject } from "react";
import type { ViewerGroup } from "./viewer-group";

export interface OsdViewer {
  osd: typeof OpenSeadragon;
  viewer: OpenSeadragon.Viewer;
}

/** For the browser tests and debugging: the viewer behind a panel element. */
export type PanelElement = HTMLDivElement & { osdViewer?: OpenSeadragon.Viewer };

function viewerOptions(osd: typeof OpenSeadragon, element: HTMLElement, reducedMotion: boolean): OpenSeadragon.Options {
  return {
    element,
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
    gestureSettingsTouch: { clickToZoom: false, dblClickToZoom: true, pinchToZoom: true, flickEnabled: !reducedMotion },
    gestureSettingsPen: { clickToZoom: false, dblClickToZoom: true },
    crossOriginPolicy: false,
    preserveImageSizeOnResize: true,
    silenceMultiImageWarnings: true,
  };
}

export function useOsdViewer({
  hostRef,
  panelRef,
  group,
  reducedMotion,
  label,
  autoFocus,
}: {
  hostRef: RefObject<HTMLDivElement | null>;
  panelRef: RefObject<PanelElement | null>;
  group: ViewerGroup;
  reducedMotion: boolean;
  label: string;
  autoFocus: boolean;
}): OsdViewer | null {
  const [current, setCurrent] = useState<OsdViewer | null>(null);

  useEffect(() => {
    const host = hostRef.current!;
    const panel = panelRef.current!;
    let cancelled = false;
    let viewer: OpenSeadragon.Viewer | null = null;
    import("openseadragon").then(({ default: osd }) => {
      if (cancelled) return;
      const v = osd(viewerOptions(osd, host, reducedMotion));
      viewer = v;
      v.canvas.setAttribute("role", "application");
      v.addHandler("canvas-key", (e) => {
        const key = (e.originalEvent as KeyboardEvent).key;
        // No rotation or mirroring: north stays up and the overlay stays square with the pixels.
        if (key === "r" || key === "R" || key === "f" || key === "F") e.preventDefaultAction = true;
      });
      panel.osdViewer = v;
      // Joined before any image arrives: the first image makes the viewer take its group's view.
      group.add(v);
      setCurrent({ osd, viewer: v });
    });
    return () => {
      cancelled = true;
      if (viewer) {
        group.remove(viewer);
        viewer.destroy();
      }
      delete panel.osdViewer;
      // The other hooks let go of the destroyed viewer at once, not when its successor arrives.
      setCurrent(null);
    };
  }, [hostRef, panelRef, group, reducedMotion]);

  useEffect(() => {
    current?.viewer.canvas.setAttribute(
      "aria-label",
      `${label}: drag or use the arrow keys to pan, + and − to zoom, 0 to reset, Enter to read the centre pixel`,
    );
  }, [current, label]);

  // Focus the map once it exists, so the keys work at once.
  useEffect(() => {
    if (current && autoFocus) current.viewer.canvas.focus({ preventScroll: true });
  }, [current, autoFocus]);

  return current;
}
