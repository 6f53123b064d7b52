"use client";
// The stored values of the pixel under the pointer, from `GET /api/galaxies/<id>/pixel`. Requests
// wait for the pointer to rest a moment, a newer pixel cancels an older request, and answers are
// remembered per results version (a new version has new values).
import { useEffect, useRef, useState } from "react";
import type { PixelReadout } from "@/lib/maps/service/pixel-readout";

export type ReadoutState =
  | { status: "idle" }
  | { status: "loading"; x: number; y: number }
  | { status: "ok"; readout: PixelReadout }
  | { status: "error"; x: number; y: number; message: string };

const REST_MS = 60;
const REMEMBERED = 500;

export function usePixelReadout(
  galaxyId: number,
  resultsVersion: number,
  pixel: { x: number; y: number } | null,
): ReadoutState {
  const [state, setState] = useState<ReadoutState>({ status: "idle" });
  const cache = useRef(new Map<string, PixelReadout>());
  const x = pixel?.x ?? -1;
  const y = pixel?.y ?? -1;

  useEffect(() => {
    if (x < 0) return;
    const key = `${resultsVersion}:${x},${y}`;
    const known = cache.current.get(key);
    const controller = new AbortController();
    // State is set from the timer (not synchronously in the effect), loading first, then the answer.
    const timer = window.setTimeout(
      async () => {
        if (known) return setState({ status: "ok", readout: known });
        setState({ status: "loading", x, y });
        try {
          const response = await fetch(`/api/galaxies/${galaxyId}/pixel?x=${x}&y=${y}`, { signal: controller.signal });
          const body = await response.json();
          if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
          const readout = body as PixelReadout;
          if (cache.current.size >= REMEMBERED) cache.current.delete(cache.current.keys().next().value!);
          cache.current.set(key, readout);
          setState({ status: "ok", readout });
        } catch (error) {
          if (controller.signal.aborted) return;
          setState({ status: "error", x, y, message: error instanceof Error ? error.message : String(error) });
        }
      },
      known ? 0 : REST_MS,
    );
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [galaxyId, resultsVersion, x, y]);

  return x < 0 ? { status: "idle" } : state;
}
