/**
 * Challenge scoring, a pure function of each volunteer's credit history. BOINC adds credit to the
 * team a volunteer is in when it is granted; joining or leaving moves none (BOINC_FACTS §1). So a
 * team's score is, over its members, the credit they gained while members inside the window:
 * every step of a volunteer's history (a snapshot at an export, or a team_delta join/leave with
 * the total credit at that moment) adds the credit gained since the previous step to the team
 * they were in during that step.
 *
 * - A volunteer first seen inside the window (no snapshot at time zero: no credit before, since
 *   exports list only volunteers with credit) started from 0 in the team they are first seen in.
 * - Steps at one time are taken leave, join, snapshot: a volunteer who changed team between two
 *   exports is recorded (by the import) as leaving with the credit of the export, so the credit of
 *   that interval stays with the team they left, as team_delta's "credit at that moment" says.
 * - A step counts for a team only after the team's own time zero (teams added late).
 */
import { firstAtOrAfter } from "./window";

export type StepKind = "leave" | "join" | "snapshot";

export interface CreditStep {
  /** ms */
  time: number;
  kind: StepKind;
  /** the volunteer's total credit at that moment */
  credit: number;
  /** snapshot: the team at the export (null: none); join/leave: the team joined or left */
  teamId: number | null;
}

export interface VolunteerHistory {
  userId: number;
  /** the last snapshot at or before time zero, or null when the volunteer had no credit then */
  baseline: { credit: number; teamId: number | null } | null;
  /** steps after time zero up to the last export counted, in any order */
  steps: CreditStep[];
}

const STEP_ORDER: Record<StepKind, number> = { leave: 0, join: 1, snapshot: 2 };

export interface ScoringWindow {
  /** the exports counted, time zero first (ms, ascending) */
  exports: readonly number[];
  /** a team's time zero (ms), or null when the team is not (yet) in the race */
  zeroOf(teamId: number): number | null;
}

/** Accumulates volunteers' histories into per-volunteer credit and per-team credit at each export. */
export class ChallengeTally {
  /** credit per `${teamId}:${userId}` */
  readonly contributions = new Map<string, { userId: number; teamId: number; credit: number }>();
  /** per team: credit gained at each export of the window (index as in `window.exports`) */
  readonly gainsByExport = new Map<number, Float64Array>();

  constructor(private readonly window: ScoringWindow) {}

  add(history: VolunteerHistory): void {
    const steps = [...history.steps].sort((a, b) => a.time - b.time || STEP_ORDER[a.kind] - STEP_ORDER[b.kind]);
    let known = history.baseline !== null;
    let credit = history.baseline?.credit ?? 0;
    let team = history.baseline?.teamId ?? null;
    for (const step of steps) {
      const gainTeam = known ? team : step.kind === "leave" ? null : step.teamId;
      const gain = step.credit - credit;
      if (gainTeam !== null && gain !== 0) this.addGain(history.userId, gainTeam, step.time, gain);
      credit = step.credit;
      known = true;
      if (step.kind === "snapshot" || step.kind === "join") team = step.teamId;
      else if (team === step.teamId) team = null;
    }
  }

  /** Credit a volunteer gained for a team, seen at `time` (counted only after the team's time zero). */
  addGain(userId: number, teamId: number, time: number, gain: number): void {
    const zero = this.window.zeroOf(teamId);
    if (zero === null || time <= zero) return;
    const exportIndex = firstAtOrAfter(this.window.exports, time);
    if (exportIndex >= this.window.exports.length) return;
    const key = `${teamId}:${userId}`;
    const c = this.contributions.get(key);
    if (c) c.credit += gain;
    else this.contributions.set(key, { userId, teamId, credit: gain });
    let gains = this.gainsByExport.get(teamId);
    if (!gains) this.gainsByExport.set(teamId, (gains = new Float64Array(this.window.exports.length)));
    gains[exportIndex] += gain;
  }
}
