"use client";
/**
 * Keeps a panel's SVG overlay (in image pixel coordinates) on the pixels at every zoom. Its
 * transform is recomputed from the viewer's own conversion of world points to screen pixels on
 * every frame the viewer draws (`update-viewport`), so the rectangles move with the tiles, not a
 * frame behind.
 */
import { useEffect, type RefObject } from "react";
import type { OsdViewer } from "./use-osd-viewer";

const REDRAWS = ["update-viewport", "animation", "resize", "open"] as const;

export function useOverlayAlignment(
  current: OsdViewer | null,
  overlayRef: RefObject<SVGGElement | null>,
  imageWidth: number,
  imageHeight: number,
): void {
  useEffect(() => {
    const g = overlayRef.current;
    if (!current || !g) return;
    const { osd, viewer } = current;
    const align = () => {
      const vp = viewer.viewport;
      // The image spans world x ∈ [0, 1], y ∈ [0, height/width].
      const p0 = vp.pixelFromPoint(new osd.Point(0, 0), true);
      const p1 = vp.pixelFromPoint(new osd.Point(1, imageHeight / imageWidth), true);
      const sx = (p1.x - p0.x) / imageWidth;
      const sy = (p1.y - p0.y) / imageHeight;
      g.setAttribute("transform", `matrix(${sx} 0 0 ${sy} ${p0.x} ${p0.y})`);
    };
    for (const event of REDRAWS) viewer.addHandler(event, align);
    viewer.world.addHandler("add-item", align);
    align();
    return () => {
      for (const event of REDRAWS) viewer.removeHandler(event, align);
      viewer.world.removeHandler("add-item", align);
    };
  }, [current, overlayRef, imageWidth, imageHeight]);
}
