"use client";
// Which point of a plot the reader is on: the one nearest the pointer, or one chosen with the arrow
// keys (Home and End for the ends, Escape to let go), so every chart can be read without a mouse.
import { useState, type KeyboardEvent, type PointerEvent } from "react";

/**
 * `count` points; `indexAt` gives the nearest one to an x in plot coordinates (0 to `plotWidth`).
 * Spread `overlay` on a transparent rect over the plot and `group` on the focusable element around it.
 */
export function usePlotCursor(count: number, plotWidth: number, indexAt: (x: number) => number) {
  const [cursor, setCursor] = useState<number | null>(null);
  const clear = () => setCursor(null);
  const onPointer = (event: PointerEvent<SVGRectElement>) => {
    if (count === 0) return;
    const box = event.currentTarget.getBoundingClientRect();
    const index = indexAt(((event.clientX - box.left) / box.width) * plotWidth);
    setCursor(Math.max(0, Math.min(count - 1, index)));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity };
    if (event.key === "Escape") return clear();
    if (!(event.key in moves) || count === 0) return;
    event.preventDefault();
    const last = count - 1;
    const from = cursor ?? (moves[event.key] < 0 ? last + 1 : -1);
    setCursor(Math.max(0, Math.min(last, from + moves[event.key])));
  };
  return {
    /** null when the reader is on no point (or the data changed under them) */
    cursor: cursor !== null && cursor < count ? cursor : null,
    overlay: { onPointerMove: onPointer, onPointerDown: onPointer, onPointerLeave: clear },
    group: { onKeyDown, onBlur: clear, tabIndex: count > 0 ? 0 : -1 },
  };
}
