/**
 * Data-request jobs (the `data_request` table): what is stored for one, and its states. The
 * phases of IVOA UWS 1.1 are the public face of the states: queued → QUEUED, running →
 * EXECUTING, done → COMPLETED, failed → ERROR, cancelled → ABORTED, expired (result deleted) →
 * ARCHIVED.
 */
import type { PixelBox, Region } from "@/lib/access/region/region-types";
import type { SubsetFormat } from "@/lib/access/subset/subset-request";

export const JOB_STATUSES = ["queued", "running", "done", "failed", "cancelled", "expired"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const ACTIVE_STATUSES: JobStatus[] = ["queued", "running"];

export const UWS_PHASE: Record<JobStatus, string> = {
  queued: "QUEUED",
  running: "EXECUTING",
  done: "COMPLETED",
  failed: "ERROR",
  cancelled: "ABORTED",
  expired: "ARCHIVED",
};

/** One galaxy of a job, as validated when the job was made: its box, or why it is left out. */
export type JobItem =
  | { galaxyId: number; name: string; box: PixelBox; bytes: number }
  | { galaxyId: number; name: string; skipped: string };

/** `data_request.params`: the request as asked and as resolved. */
export interface JobParams {
  asked: string;
  region: Region;
  parameters: number[];
  statistics: number[];
  format: SubsetFormat;
  items: JobItem[];
  /** values in the result, all galaxies together (pixels × parameters × statistics × 4 B) */
  bytes: number;
}

export const isIncluded = (item: JobItem): item is Extract<JobItem, { box: PixelBox }> => "box" in item;
