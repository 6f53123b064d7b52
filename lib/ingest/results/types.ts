// What an ingest of MAGPHYS results takes and reports.

/** One `.fit` file: the results of one work unit (area), and who computed them. */
export type FitInput = {
  fileName: string;
  text: string;
  /** BOINC users whose results were valid for this work unit (quorum 2: usually two). */
  users: { id: number; name?: string }[];
  workunitId?: number;
  /** when the results arrived (defaults to now) */
  receivedAt?: Date;
};

export type FitOutcome =
  | { fileName: string; status: "stored"; areaId: number; galaxyId: number; pixels: number; replaced: boolean }
  | { fileName: string; status: "unchanged"; areaId: number; galaxyId: number; pixels: number }
  | { fileName: string; status: "refused"; reason: string };

export type IngestReport = {
  outcomes: FitOutcome[];
  stored: number;
  unchanged: number;
  refused: number;
  pixels: number;
  /** galaxies whose results version changed, with the new version */
  galaxies: Map<number, number>;
};
