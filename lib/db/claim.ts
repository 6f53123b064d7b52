/**
 * Claims on background work (a tile pyramid, an archive), so that every server process sharing
 * one database and one DATA_DIR (cluster workers, separate servers, the CLI) does each piece once.
 *
 * A claim is a `work_claim` row keyed by (kind, key). Taking it is an INSERT, which the primary
 * key lets only one process win on either engine (PostgreSQL makes a concurrent insert wait for
 * the first to commit, then fail; SQLite has one writer). The holder renews its heartbeat while it
 * works; a row whose heartbeat is older than `staleMs` belongs to a process that died (kill -9, a
 * lost machine) and is taken over by a conditional UPDATE that only one process can win; so is one
 * held by a process of this machine that no longer exists. The row is deleted when the work ends.
 * Times are the processes' clocks: keep servers NTP-synchronised, which minutes of staleness
 * leave ample room for.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Db } from "./client";

export type WorkKind = "pyramid" | "archive";

/** A claim not renewed for this long is taken to be a dead process's. */
export const CLAIM_STALE_MS = 2 * 60_000;
const HEARTBEAT_MS = 15_000;

export interface WorkClaim {
  kind: WorkKind;
  key: string;
  owner: string;
  /** Aborted when the claim was lost (taken over after this process stalled): stop the work. */
  signal: AbortSignal;
  release(): Promise<void>;
}

export interface ClaimOptions {
  owner?: string;
  staleMs?: number;
  heartbeatMs?: number;
}

const globalForClaims = globalThis as unknown as { pogsClaimOwner?: string };

/** This process's name in claims: host, pid and a random part (pids repeat across machines). */
export function processOwner(): string {
  globalForClaims.pogsClaimOwner ??= `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  return globalForClaims.pogsClaimOwner;
}

/**
 * A claim whose holder is gone: silent for `staleMs`, or held by a process of this machine that
 * no longer exists (a build killed a moment ago need not be waited for).
 */
function isAbandoned(row: { owner: string; heartbeatAt: Date }, staleMs: number, now: number): boolean {
  if (now - row.heartbeatAt.getTime() > staleMs) return true;
  const [host, pid] = row.owner.split(":");
  if (host !== hostname() || !/^\d+$/.test(pid ?? "")) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

/** Takes the claim on (kind, key), or returns null when another live process holds it. */
export async function tryClaimWork(
  db: Db,
  kind: WorkKind,
  key: string,
  options: ClaimOptions = {},
): Promise<WorkClaim | null> {
  const owner = options.owner ?? processOwner();
  const staleMs = options.staleMs ?? CLAIM_STALE_MS;
  const now = new Date();
  try {
    await db.workClaim.create({ data: { kind, key, owner, claimedAt: now, heartbeatAt: now } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const row = await db.workClaim.findUnique({ where: { kind_key: { kind, key } } });
    if (!row || !isAbandoned(row, staleMs, now.getTime())) return null;
    // Only one process can change the row from the state it read.
    const { count } = await db.workClaim.updateMany({
      where: { kind, key, owner: row.owner, heartbeatAt: row.heartbeatAt },
      data: { owner, claimedAt: now, heartbeatAt: now },
    });
    if (count !== 1) return null;
  }
  return held(db, kind, key, owner, options.heartbeatMs ?? HEARTBEAT_MS);
}

function held(db: Db, kind: WorkKind, key: string, owner: string, heartbeatMs: number): WorkClaim {
  const lost = new AbortController();
  const where = { kind, key, owner };
  const timer = setInterval(() => {
    db.workClaim
      .updateMany({ where, data: { heartbeatAt: new Date() } })
      .then(({ count }) => {
        if (count === 0) {
          clearInterval(timer);
          lost.abort(new Error(`the claim on ${kind} ${key} was taken over by another process`));
        }
      })
      // A busy database misses one beat; the claim goes stale only after several.
      .catch(() => {});
  }, heartbeatMs);
  timer.unref();
  return {
    kind,
    key,
    owner,
    signal: lost.signal,
    async release() {
      clearInterval(timer);
      await db.workClaim.deleteMany({ where });
    },
  };
}

/** Runs `work` under the claim; resolves `{ ran: false }` without running it when another holds it. */
export async function withWorkClaim<T>(
  db: Db,
  kind: WorkKind,
  key: string,
  work: (signal: AbortSignal) => Promise<T>,
  options: ClaimOptions = {},
): Promise<{ ran: true; value: T } | { ran: false }> {
  const claim = await tryClaimWork(db, kind, key, options);
  if (!claim) return { ran: false };
  try {
    return { ran: true, value: await work(claim.signal) };
  } finally {
    await claim.release();
  }
}

/** Resolves once nobody holds (kind, key), or its holder went stale. */
export async function waitForRelease(
  db: Db,
  kind: WorkKind,
  key: string,
  { staleMs = CLAIM_STALE_MS, pollMs = 250 }: { staleMs?: number; pollMs?: number } = {},
): Promise<void> {
  for (;;) {
    const row = await db.workClaim.findUnique({ where: { kind_key: { kind, key } } });
    if (!row || isAbandoned(row, staleMs, Date.now())) return;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
