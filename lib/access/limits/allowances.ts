/**
 * What a caller may ask for. Anonymous callers are counted per client address; an API token
 * (Authorization: Bearer, from the account page) raises every limit and counts per account.
 * Sizes are of the values a subset holds: pixels × parameters × statistics × 4 bytes.
 */
export interface Allowance {
  kind: "anonymous" | "token";
  /** largest subset answered at once (larger ones must be jobs) */
  syncBytes: number;
  /** largest job (all its galaxies together) */
  jobBytes: number;
  /** galaxies in one job */
  jobGalaxies: number;
  /** subset requests and jobs per hour */
  requestsPerHour: number;
  /** jobs queued or running at once */
  activeJobs: number;
}

const MB = 1e6;

export const ANONYMOUS: Allowance = {
  kind: "anonymous",
  syncBytes: 64 * MB,
  jobBytes: 2000 * MB,
  jobGalaxies: 50,
  requestsPerHour: 120,
  activeJobs: 3,
};

export const WITH_TOKEN: Allowance = {
  kind: "token",
  syncBytes: 128 * MB,
  jobBytes: 16000 * MB,
  jobGalaxies: 1000,
  requestsPerHour: 1200,
  activeJobs: 10,
};

/** How long a finished job's result is kept before it is deleted. */
export const JOB_RESULT_DAYS = 7;

/** How long a job that ended without a result (failed, cancelled, expired) stays listed. */
export const JOB_RECORD_DAYS = 30;

export const RATE_WINDOW_SECONDS = 3600;
