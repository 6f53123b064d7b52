/**
 * Results versions on disk, and the removal of superseded ones.
 *
 * Parameter pyramids live in `tiles/<galaxy>/v<N>/`. When an ingest makes N+1 current, pages that
 * loaded N still show N's tiles until their next `/maps` poll (~10 s) swaps the sources, so N is
 * kept for a grace period (default 10 minutes) counted from when N+1 first appeared on disk
 * (its `.current-since` marker). After that `v<N>` is renamed aside (so it vanishes at once,
 * never half-deleted) and deleted; a page still asking for N then gets 404 and refreshes.
 *
 * `tiles/<galaxy>/galaxy.json` records which galaxy row the folder belongs to (creation time and
 * name): a database recreated from scratch reuses galaxy ids, and the sweep then discards the
 * old galaxy's tiles instead of serving them as the new one's.
 */
import { mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { removeStaleTemporaries, temporarySibling, writeFileAtomic } from "@/lib/maps/tile-store";
import type { MapsContext } from "./context";
import { galaxyTilesDir, layersDir, tilesRoot, versionDir } from "./tile-paths";
import { CURRENT_SINCE_MARKER, ensureVersionDir } from "./version-dir";

export { ensureVersionDir, versionDir };

export const SUPERSEDED_GRACE_MS = 10 * 60 * 1000;
const IDENTITY = "galaxy.json";

/** Results versions with a folder on disk, ascending. */
export async function versionsOnDisk(dataDir: string, galaxyId: number): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(galaxyTilesDir(dataDir, galaxyId));
  } catch {
    return [];
  }
  return names
    .map((n) => /^v(0|[1-9]\d*)$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

async function firstSeen(dataDir: string, galaxyId: number, version: number): Promise<number> {
  const dir = versionDir(dataDir, galaxyId, version);
  const info = await stat(path.join(dir, CURRENT_SINCE_MARKER)).catch(() => stat(dir));
  return info.mtimeMs;
}

/** Renames a folder aside (it disappears at once), then deletes it. */
export async function removeDirectory(dir: string): Promise<boolean> {
  const aside = temporarySibling(dir);
  try {
    await rename(dir, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
  return true;
}

export interface RemoveVersionsOptions {
  graceMs?: number;
  now?: number;
}

/**
 * Deletes the version folders of a galaxy that were superseded more than `graceMs` ago, and
 * folders of versions newer than the current one (left by another database) once as old.
 * Marks the current version as seen, so its predecessors' grace starts now at the latest.
 * Returns the versions removed.
 */
export async function removeSupersededVersions(
  dataDir: string,
  galaxyId: number,
  currentVersion: number,
  { graceMs = SUPERSEDED_GRACE_MS, now = Date.now() }: RemoveVersionsOptions = {},
): Promise<number[]> {
  const versions = await versionsOnDisk(dataDir, galaxyId);
  if (versions.length === 0) return [];
  if (versions.some((v) => v < currentVersion)) await ensureVersionDir(dataDir, galaxyId, currentVersion);
  const present = await versionsOnDisk(dataDir, galaxyId);
  const removed: number[] = [];
  for (const v of present) {
    if (v === currentVersion) continue;
    let since: number;
    if (v < currentVersion) {
      // Superseded when the next version on disk first appeared.
      const successor = present.find((w) => w > v)!;
      since = await firstSeen(dataDir, galaxyId, successor);
    } else {
      since = (await stat(versionDir(dataDir, galaxyId, v))).mtimeMs;
    }
    if (now - since >= graceMs && (await removeDirectory(versionDir(dataDir, galaxyId, v)))) removed.push(v);
  }
  return removed;
}

export interface GalaxyIdentity {
  createdAt: string;
  name: string;
}

async function readIdentity(dataDir: string, galaxyId: number): Promise<GalaxyIdentity | null> {
  try {
    return JSON.parse(await readFile(path.join(galaxyTilesDir(dataDir, galaxyId), IDENTITY), "utf8")) as GalaxyIdentity;
  } catch {
    return null;
  }
}

/**
 * Records which galaxy row owns `tiles/<id>/`; if the folder belonged to another galaxy (same id,
 * other creation time or name), deletes it first. Returns whether old tiles were discarded.
 */
export async function claimGalaxyTiles(
  dataDir: string,
  galaxy: { id: number; createdAt: Date; name: string },
): Promise<boolean> {
  const identity: GalaxyIdentity = { createdAt: galaxy.createdAt.toISOString(), name: galaxy.name };
  const dir = galaxyTilesDir(dataDir, galaxy.id);
  const existing = await readIdentity(dataDir, galaxy.id);
  if (existing && existing.createdAt === identity.createdAt && existing.name === identity.name) return false;
  const discarded = existing !== null && (await removeDirectory(dir));
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, IDENTITY), JSON.stringify(identity));
  return discarded;
}

export interface SweepReport {
  galaxies: number;
  removedVersions: { galaxyId: number; version: number }[];
  removedGalaxies: number[];
  removedTemporaries: string[];
}

/**
 * The janitor's round over `DATA_DIR/tiles`: tiles of galaxies that no longer exist (or whose id
 * now names another galaxy) are removed, superseded versions past their grace are removed, and
 * temporaries of crashed builds older than an hour are swept. Safe to run while serving.
 */
export async function sweepTiles(
  { db, dataDir }: MapsContext,
  {
    graceMs = SUPERSEDED_GRACE_MS,
    now = Date.now(),
    temporaryMaxAgeMs = 60 * 60 * 1000,
  }: RemoveVersionsOptions & { temporaryMaxAgeMs?: number } = {},
): Promise<SweepReport> {
  const report: SweepReport = { galaxies: 0, removedVersions: [], removedGalaxies: [], removedTemporaries: [] };
  let names: string[];
  try {
    names = await readdir(tilesRoot(dataDir));
  } catch {
    return report;
  }
  report.removedTemporaries.push(...(await removeStaleTemporaries(tilesRoot(dataDir), temporaryMaxAgeMs)));
  const ids = names.filter((n) => /^[1-9]\d*$/.test(n)).map(Number);
  const rows = await db.galaxy.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, createdAt: true, resultsVersion: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const galaxy = byId.get(id);
    if (!galaxy) {
      if (await removeDirectory(galaxyTilesDir(dataDir, id))) report.removedGalaxies.push(id);
      continue;
    }
    report.galaxies++;
    if (await claimGalaxyTiles(dataDir, galaxy)) report.removedGalaxies.push(id);
    for (const version of await removeSupersededVersions(dataDir, id, galaxy.resultsVersion, { graceMs, now })) {
      report.removedVersions.push({ galaxyId: id, version });
    }
    for (const v of await versionsOnDisk(dataDir, id)) {
      report.removedTemporaries.push(...(await removeStaleTemporaries(versionDir(dataDir, id, v), temporaryMaxAgeMs)));
    }
    report.removedTemporaries.push(...(await removeStaleTemporaries(layersDir(dataDir, id), temporaryMaxAgeMs)));
  }
  return report;
}
