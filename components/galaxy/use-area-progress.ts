"use client";
// Every work unit of a galaxy with when its results arrived (`/areas?progress=1`), read when the
// progress overlay is on and again for each new results version.
import { useEffect, useState } from "react";
import type { AreaProgress } from "@/lib/maps/service/areas";

export function useAreaProgress(galaxyId: number, resultsVersion: number, enabled: boolean): AreaProgress | null {
  const [progress, setProgress] = useState<{ version: number; data: AreaProgress } | null>(null);
  useEffect(() => {
    if (!enabled || progress?.version === resultsVersion) return;
    const controller = new AbortController();
    fetch(`/api/galaxies/${galaxyId}/areas?progress=1`, { signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<AreaProgress>) : null))
      .then((data) => {
        if (data) setProgress({ version: resultsVersion, data });
      })
      .catch(() => {});
    return () => controller.abort();
  }, [galaxyId, resultsVersion, enabled, progress?.version]);
  return enabled ? (progress?.data ?? null) : null;
}
