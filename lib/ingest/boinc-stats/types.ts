/**
 * Records of BOINC's statistics export (`db_dump`, docs/formats.md §10), with BOINC's meaning kept:
 * credits are Cobblestones, `expavgCredit` is RAC in credits per day as of `expavgTime`, times are
 * Unix seconds. Optional elements BOINC leaves out are null here.
 */

/** `<user>` of user.gz. */
export interface BoincUserRecord {
  id: number;
  name: string;
  createTime: number;
  totalCredit: number;
  expavgCredit: number;
  expavgTime: number;
  /** Exported cross-project id, md5(internal CPID + email); changes with the email. */
  cpid: string;
  /** Only when the project exports countries and the user set one. */
  country: string | null;
  url: string | null;
  /** Null when the user is in no team (BOINC omits `<teamid>` for 0). */
  teamId: number | null;
  hasProfile: boolean;
}

/** `<team>` of team.gz (BOINC exports no member count). */
export interface BoincTeamRecord {
  id: number;
  /** Team type 1–12 (html/inc/team_types.inc): 1 Other, 6 University/department, 9 National, … */
  type: number;
  name: string;
  /** `<userid>`: the founder's user id. */
  founderId: number;
  totalCredit: number;
  expavgCredit: number;
  expavgTime: number;
  /** Present only when the founder's account still exists. */
  founderName: string | null;
  createTime: number;
  url: string | null;
  nameHtml: string | null;
  description: string | null;
  country: string | null;
}

/** `<host>` of host.gz: a volunteer's computer. */
export interface BoincHostRecord {
  id: number;
  /** The owner, only when they show their computers (BOINC omits `<userid>` otherwise). */
  userId: number | null;
  createTime: number;
  /** Last contact with the scheduler, Unix seconds; null when never. */
  rpcTime: number | null;
  totalCredit: number;
  expavgCredit: number;
  expavgTime: number;
  cpuCount: number;
  cpuVendor: string | null;
  cpuModel: string | null;
  /** Floating-point speed of one core, operations per second (BOINC's Whetstone benchmark). */
  pFpops: number;
  osName: string | null;
  osVersion: string | null;
}

export interface BoincBadge {
  id: number;
  name: string;
  title: string;
  imageUrl: string;
}

/** tables.xml: the export's summary. BOINC omits zero counts; they read as 0. */
export interface BoincTables {
  updateTime: number;
  creditByApp: boolean;
  nusersTotal: number;
  nteamsTotal: number;
  nhostsTotal: number;
  nusersDeletedTotal: number;
  nhostsDeletedTotal: number;
  totalCredit: number;
  /** User-friendly application names. */
  applications: string[];
  badges: BoincBadge[];
}

/** Records left out of a read, with the reasons of the first few for the import log. */
export interface SkippedRecords {
  count: number;
  examples: { line: number; reason: string }[];
}
