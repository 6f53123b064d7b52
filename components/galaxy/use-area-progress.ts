"use client";
// Every work unit of a galaxy with when its results arrived (`/areas?progress=1`), read when the
// progress overlay is on and again for each new results version. The route gives the largest
// galaxies' tens of thousands of areas a page at a time; the overlay is drawn once all are in.
import { useEffect, useState } from "react";
import type { AreaProgress, AreaProgressPage } from "@/lib/maps/service/area-progress";

export function useAreaProgress(galaxyId: number, resultsVersion: number, enabled: boolean): AreaProgress | null {
  const [progress, setProgress] = useState<{ version: number; data: AreaProgress } | null>(null);
  useEffect(() => {
    if (!enabled || progress?.version === resultsVersion) return;
    const controller = new AbortController();
    readAllPages(galaxyId, controller.signal)
      .then((data) => {
        if (data) setProgress({ version: resultsVersion, data });
      })
      .catch(() => {});
    return () => controller.abort();
  }, [galaxyId, resultsVersion, enabled, progress?.version]);
  return enabled ? (progress?.data ?? null) : null;
}

/** Every page in turn; null when one fails (the overlay stays off, as before). */
async function readAllPages(galaxyId: number, signal: AbortSignal): Promise<AreaProgress | null> {
  const base = `/api/galaxies/${galaxyId}/areas?progress=1`;
  let page: AreaProgressPage | null = null;
  const areas: AreaProgress["areas"] = [];
  do {
    const response: Response = await fetch(page ? `${base}&after=${page.next}` : base, { signal });
    if (!response.ok) return null;
    page = (await response.json()) as AreaProgressPage;
    areas.push(...page.areas);
  } while (page.next !== null);
  return { areas, first: page.first, last: page.last };
}
