"use client";
// Where the galaxy stands: pixels fitted, work units, volunteers, the results version and when the
// last result arrived; for a galaxy still computing, that the page follows new results live.
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatDateTime, formatInt } from "@/lib/format";
import type { GalaxyMaps } from "@/lib/maps/service/maps-info";
import { progressOf } from "@/lib/survey/status";
import { isLive, POLL_INTERVAL_MS } from "./use-live-maps";

export interface AreaSummary {
  total: number;
  processed: number;
  users: number;
}

export function LiveStatus({
  maps,
  areas,
  lastResultAt,
  checkedAt,
  failed,
}: {
  maps: GalaxyMaps;
  areas: AreaSummary;
  /** ISO time of the latest stored result, null before the first. */
  lastResultAt: string | null;
  checkedAt: number | null;
  failed: boolean;
}) {
  const live = isLive(maps.status);
  return (
    <div
      className="rounded-xl border border-line bg-panel/60 p-4"
      data-testid="galaxy-status"
      data-results-version={maps.resultsVersion}
      data-status={maps.status}
    >
      <div className="mb-2 text-sm text-muted">
        {formatInt(maps.pixelsProcessed)} of {formatInt(maps.pixelCount)} pixels fitted · {formatInt(areas.processed)}{" "}
        of {formatInt(areas.total)} work units · {formatInt(areas.users)} volunteers
      </div>
      <ProgressBar fraction={progressOf(maps)} label="galaxy progress" />
      <p className="tabular mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
        <span>
          Results version{" "}
          <span className="text-text" data-testid="results-version">
            {maps.resultsVersion}
          </span>
        </span>
        <span>{lastResultAt ? `last result ${formatDateTime(new Date(lastResultAt))}` : "no results yet"}</span>
        {live ? (
          <span
            className="flex items-center gap-1.5"
            title={`The page asks for new results every ${POLL_INTERVAL_MS / 1000} s and shows them without a reload`}
          >
            <span
              aria-hidden
              className={`inline-block h-2 w-2 rounded-full ${failed ? "bg-warn" : "bg-ok motion-safe:animate-pulse"}`}
            />
            {failed
              ? "live updates paused: the server did not answer, retrying"
              : "live: new results appear here as they arrive"}
            {checkedAt ? (
              <span className="hidden sm:inline">(checked {new Date(checkedAt).toISOString().slice(11, 19)} UTC)</span>
            ) : null}
          </span>
        ) : null}
      </p>
    </div>
  );
}
