"use client";
/**
 * The FITS pixel under the pointer (`onHover`, null when the pointer leaves the map), and the
 * pixel picked by a click or tap, or by Enter on the focused viewer at its centre (`onPick`). The
 * callbacks are Effect Events: a new callback from the page is used by the next event without the
 * viewer's handlers being attached again.
 */
import type OpenSeadragon from "openseadragon";
import { useEffect, useEffectEvent } from "react";
import { imagePointToFitsPixel } from "./image-coordinates";
import type { OsdViewer } from "./use-osd-viewer";

export type PixelEvent = { x: number; y: number } | null;

export function usePixelPicking(
  current: OsdViewer | null,
  imageWidth: number,
  imageHeight: number,
  onHover: ((pixel: PixelEvent) => void) | undefined,
  onPick: ((pixel: PixelEvent) => void) | undefined,
): void {
  const hover = useEffectEvent((pixel: PixelEvent) => onHover?.(pixel));
  const pick = useEffectEvent((pixel: PixelEvent) => onPick?.(pixel));

  useEffect(() => {
    if (!current) return;
    const { osd, viewer } = current;
    // The viewer forgets its element when destroyed: keep it to detach from.
    const host = viewer.element;
    const pixelAt = (clientX: number, clientY: number): PixelEvent => {
      const box = host.getBoundingClientRect();
      const world = viewer.viewport.pointFromPixel(new osd.Point(clientX - box.left, clientY - box.top), true);
      return imagePointToFitsPixel(world.x * imageWidth, world.y * imageWidth, imageWidth, imageHeight);
    };
    const click = (e: OpenSeadragon.CanvasClickEvent) => {
      if (!e.quick) return;
      const ev = e.originalEvent as PointerEvent | MouseEvent;
      pick(pixelAt(ev.clientX, ev.clientY));
    };
    const key = (e: OpenSeadragon.CanvasKeyEvent) => {
      if ((e.originalEvent as KeyboardEvent).key !== "Enter") return;
      const box = host.getBoundingClientRect();
      pick(pixelAt(box.left + box.width / 2, box.top + box.height / 2));
    };
    const move = (e: PointerEvent) => hover(pixelAt(e.clientX, e.clientY));
    const leave = () => hover(null);
    viewer.addHandler("canvas-click", click);
    viewer.addHandler("canvas-key", key);
    host.addEventListener("pointermove", move, { capture: true });
    host.addEventListener("pointerleave", leave);
    return () => {
      viewer.removeHandler("canvas-click", click);
      viewer.removeHandler("canvas-key", key);
      host.removeEventListener("pointermove", move, { capture: true });
      host.removeEventListener("pointerleave", leave);
    };
  }, [current, imageWidth, imageHeight]);
}
