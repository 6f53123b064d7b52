"use client";
// The pixel under the pointer and the pinned one, shared by all panels of the viewer. The readout
// follows the pointer and falls back to the pinned pixel when the pointer leaves the maps.
import { useCallback, useState } from "react";
import type { ReadoutPixel } from "@/components/maps/pixel-readout";
import type { PixelEvent } from "@/components/maps/use-pixel-picking";

export const samePixel = (a: PixelEvent, b: PixelEvent) => a === b || (!!a && !!b && a.x === b.x && a.y === b.y);

export function usePointedPixel() {
  const [hover, setHover] = useState<PixelEvent>(null);
  const [pinned, setPinned] = useState<PixelEvent>(null);
  // Stable, and the state changes only when the pixel does, not on every pointer move.
  const onHover = useCallback((p: PixelEvent) => setHover((prev) => (samePixel(prev, p) ? prev : p)), []);
  // Picking the pinned pixel again unpins it.
  const onPick = useCallback((p: PixelEvent) => setPinned((prev) => (samePixel(prev, p) ? null : p)), []);
  // Pointing at the pinned pixel reads it as pinned (and offers to inspect it).
  const readout: ReadoutPixel | null = hover
    ? { ...hover, pinned: samePixel(hover, pinned) }
    : pinned
      ? { ...pinned, pinned: true }
      : null;
  return { hover, pinned, readout, onHover, onPick };
}
