// Who processed which work unit when, with BOINC credit semantics (docs/formats.md §10): every work
// unit is sent to two different users (quorum 2); when the second result comes back (validation)
// both are granted credit = pixels × cobblestone factor; a team is credited only with what its
// members earn while they belong to it. All times are unix seconds (UTC).
import { MinHeap } from "@/lib/demo/min-heap";
import { toRng, type DemoSeed, type Rng } from "@/lib/demo/random";
import { DAY } from "./calendar";
import { membershipIndex, type TeamChange, type VolunteerPopulation } from "./population";

export interface WorkUnitInput {
  /** Pixels in the work unit (its area); credit = pixels × cobblestone factor. */
  readonly pixels: number;
  /** When the work unit was created (its galaxy registered), unix s; default: the period's start. */
  readonly availableAt?: number;
}

export interface CreditEvent {
  /** Validation time: when the second result arrived and credit was granted. */
  readonly time: number;
  readonly workunitIndex: number;
  /** Two distinct users; the first got the work unit first. */
  readonly userIds: readonly [number, number];
  /** Credit granted to each of the two users. */
  readonly credit: number;
  /** When each user was sent and reported the result. */
  readonly sentAt: readonly [number, number];
  readonly reportedAt: readonly [number, number];
}

export interface ScheduleOptions {
  /** Credit per pixel (default 2.5). */
  readonly cobblestoneFactor?: number;
  /**
   * Scale every user's throughput so that the expected work done in the period is this fraction
   * of all the work units (default 0.8: most galaxies processed, some still computing). null = no scaling.
   */
  readonly targetCompletedFraction?: number | null;
}

export interface Schedule {
  /** Validated work units, sorted by time (then work unit). */
  readonly events: readonly CreditEvent[];
  readonly teamChanges: readonly TeamChange[];
  /** Work units validated within the period. */
  readonly completed: number;
  /** Factor applied to every user's creditPerDay. */
  readonly capacityScale: number;
  readonly cobblestoneFactor: number;
}

/**
 * Who processes which work unit when. Each user runs one task at a time at their (scaled)
 * throughput while active; the next task goes to the oldest work unit still needing a second,
 * different user, else to the next new work unit. Deterministic in seed, population and work units.
 */
export function scheduleWork(
  seed: DemoSeed | Rng,
  pop: VolunteerPopulation,
  workUnits: readonly WorkUnitInput[],
  options: ScheduleOptions = {},
): Schedule {
  const rng = toRng(seed).child("schedule");
  const factor = options.cobblestoneFactor ?? 2.5;
  const { start, end } = pop;
  const target = options.targetCompletedFraction === undefined ? 0.8 : options.targetCompletedFraction;
  let totalCredit = 0;
  for (const w of workUnits) totalCredit += 2 * w.pixels * factor;
  let capacity = 0;
  for (const u of pop.users)
    capacity += (u.creditPerDay * Math.max(0, Math.min(end, u.activeUntil) - Math.max(start, u.activeFrom))) / DAY;
  const capacityScale = target === null || capacity <= 0 ? 1 : (target * totalCredit) / capacity;

  const avail = workUnits.map((w) => Math.max(start, w.availableAt ?? start));
  // Work units are handed out in order of availability (then index).
  const order = workUnits.map((_, i) => i).sort((a, b) => avail[a] - avail[b] || a - b);
  let nextNew = 0;
  const waiting: { wu: number; user: number; sentAt: number; reportedAt: number }[] = [];
  let waitingHead = 0;
  const events: CreditEvent[] = [];

  // Each user's next free moment; ties go to the lower user id so the schedule is reproducible.
  const heap = new MinHeap<[time: number, userId: number]>((a, b) => a[0] - b[0] || a[1] - b[1]);
  const rate = new Float64Array(pop.users.length + 1);
  for (const u of pop.users) {
    rate[u.id] = (u.creditPerDay * capacityScale) / DAY; // credits per second
    const t0 = Math.max(start, u.activeFrom) + Math.round(rng.child("first", u.id).uniform(0, 3600));
    if (t0 < Math.min(end, u.activeUntil)) heap.push([t0, u.id]);
  }
  const users = new Map(pop.users.map((u) => [u.id, u]));
  const jitter = rng.child("jitter");

  while (heap.size > 0) {
    const [t, uid] = heap.pop();
    const u = users.get(uid)!;
    if (t >= end || t >= u.activeUntil) continue;
    // Oldest work unit still waiting for a second, different user.
    let taken = -1;
    for (let k = waitingHead; k < Math.min(waiting.length, waitingHead + 8); k++) {
      if (waiting[k].user !== uid && avail[waiting[k].wu] <= t) {
        taken = k;
        break;
      }
    }
    let wu: number;
    let first: (typeof waiting)[number] | null = null;
    if (taken >= 0) {
      first = waiting[taken];
      wu = first.wu;
      // Remove it, keeping the others in FIFO order.
      for (let k = taken; k > waitingHead; k--) waiting[k] = waiting[k - 1];
      waitingHead++;
    } else if (nextNew < order.length && avail[order[nextNew]] <= t) {
      wu = order[nextNew++];
    } else {
      // Nothing to do now: come back when the next work unit appears (or stop).
      const nextAt = nextNew < order.length ? avail[order[nextNew]] : Infinity;
      if (nextAt < end) heap.push([Math.max(nextAt, t + 60) + Math.round(jitter.uniform(0, 1800)), uid]);
      continue;
    }
    const credit = workUnits[wu].pixels * factor;
    const duration = Math.max(60, Math.round((credit / rate[uid]) * jitter.uniform(0.8, 1.25)));
    const done = t + duration;
    const reported = done + Math.round(jitter.exponential(1 / 3600));
    if (first === null) {
      waiting.push({ wu, user: uid, sentAt: t, reportedAt: reported });
    } else {
      const time = Math.max(first.reportedAt, reported) + Math.round(jitter.uniform(30, 600));
      if (time < end) {
        events.push({
          time,
          workunitIndex: wu,
          userIds: [first.user, uid],
          credit,
          sentAt: [first.sentAt, t],
          reportedAt: [first.reportedAt, reported],
        });
      }
    }
    if (done < Math.min(end, u.activeUntil)) heap.push([done, uid]);
  }
  events.sort((a, b) => a.time - b.time || a.workunitIndex - b.workunitIndex);
  return { events, teamChanges: pop.teamChanges, completed: events.length, capacityScale, cobblestoneFactor: factor };
}

/** Totals at a time: user credit, and team credit earned while a member (BOINC semantics). */
export function creditTotals(
  pop: VolunteerPopulation,
  schedule: Schedule,
  until: number,
): { users: Map<number, number>; teams: Map<number, number> } {
  const users = new Map<number, number>();
  const teams = new Map<number, number>();
  const team = membershipIndex(pop);
  for (const e of schedule.events) {
    if (e.time > until) break;
    for (const uid of e.userIds) {
      users.set(uid, (users.get(uid) ?? 0) + e.credit);
      const t = team(uid, e.time);
      if (t !== null) teams.set(t, (teams.get(t) ?? 0) + e.credit);
    }
  }
  return { users, teams };
}
