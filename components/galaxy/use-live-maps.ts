"use client";
/**
 * The galaxy's maps as of now: while a galaxy can still receive results (registered or computing)
 * `GET /api/galaxies/<id>/maps` is polled every `intervalMs` (and at once when the tab comes back
 * into view). Its tile URLs carry the results version, so a new version brings new URLs and every
 * image on the page follows without a reload; the server-rendered parts of the page (work units,
 * contributors) are refreshed in place at the same moment.
 */
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { GalaxyMaps } from "@/lib/maps/service/maps-info";

export const POLL_INTERVAL_MS = 10_000;

export function isLive(status: string): boolean {
  return status === "registered" || status === "computing";
}

export interface LiveMaps {
  maps: GalaxyMaps;
  /** When the server was last asked (ms since the epoch), null before the first poll. */
  checkedAt: number | null;
  /** The last poll failed (the page keeps what it has and tries again). */
  failed: boolean;
}

export function useLiveGalaxyMaps(initial: GalaxyMaps, intervalMs = POLL_INTERVAL_MS): LiveMaps {
  const router = useRouter();
  const [state, setState] = useState<LiveMaps>({ maps: initial, checkedAt: null, failed: false });
  const version = useRef(initial.resultsVersion);
  // A server render with newer data (after router.refresh or a navigation) wins.
  const maps = initial.resultsVersion > state.maps.resultsVersion ? initial : state.maps;
  const live = isLive(maps.status);

  useEffect(() => {
    if (!live) return;
    let timer = 0;
    let controller: AbortController | null = null;
    const poll = async () => {
      window.clearTimeout(timer);
      controller?.abort();
      const request = new AbortController();
      controller = request;
      try {
        const response = await fetch(`/api/galaxies/${initial.galaxyId}/maps`, {
          cache: "no-store",
          signal: request.signal,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const latest = (await response.json()) as GalaxyMaps;
        const changed = latest.resultsVersion > version.current;
        version.current = Math.max(version.current, latest.resultsVersion);
        setState((s) => ({
          maps: latest.resultsVersion >= s.maps.resultsVersion ? latest : s.maps,
          checkedAt: Date.now(),
          failed: false,
        }));
        if (changed) router.refresh();
      } catch {
        if (request.signal.aborted) return;
        setState((s) => ({ ...s, checkedAt: Date.now(), failed: true }));
      }
      if (document.visibilityState === "visible") timer = window.setTimeout(poll, intervalMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") void poll();
      else window.clearTimeout(timer);
    };
    timer = window.setTimeout(poll, intervalMs);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.clearTimeout(timer);
      controller?.abort();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [live, initial.galaxyId, intervalMs, router]);

  return { ...state, maps };
}
