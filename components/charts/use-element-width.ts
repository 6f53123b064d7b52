"use client";
// The width an element is laid out at, followed as it changes, so charts draw at their real size
// (text stays legible on a phone instead of shrinking with a scaled viewBox). `initial` until it is
// measured: the server draws at that width, so the chart is there before any script runs.
import { useLayoutEffect, useRef, useState } from "react";

export function useElementWidth<T extends HTMLElement>(initial: number, { min = 0 }: { min?: number } = {}) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry.contentRect.width);
      // A hidden element measures 0: keep the last width rather than draw nothing.
      if (measured > 0) setWidth(Math.max(min, measured));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [min]);
  return { ref, width };
}
