// Archiving a processed galaxy: its HDF5 file is built beside its final place under a temporary
// name, checked (sha256, size), and moved into place as the last step of the transaction that
// records it and sets the status `archived`; a failure at any step leaves no file and no change.
import { randomUUID } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { retryWhenBusy } from "@/lib/db/busy-retry";
import type { Db } from "@/lib/db/client";
import { archiveRelativePath } from "./archive-paths";
import { hashFile } from "./file-hash";
import { writeGalaxyFile } from "./galaxy-file";
import { wholeGalaxy } from "./pixel-selection";

/** A galaxy that cannot be archived now; the message says why, in one line. */
export class ArchiveRefusedError extends Error {}

export type ArchiveOptions = {
  /** when the archive is recorded as built (default now); the demo replays a past schedule */
  at?: Date;
  /** tiles of ≤ 128 × 64 pixels written so far, of all */
  onProgress?: (done: number, total: number) => void;
};

export type ArchiveResult = {
  galaxyId: number;
  name: string;
  /** relative to DATA_DIR, as stored in `galaxy.archive_path` */
  path: string;
  absolutePath: string;
  size: number;
  sha256: string;
  archivedAt: Date;
  pixels: number;
  blocks: number;
  histogramValues: number;
  seconds: number;
};

type GalaxyState = {
  id: number;
  name: string;
  status: string;
  areaCount: number;
  areasProcessed: number;
  archivePath: string | null;
  archivedAt: Date | null;
};

/** Why a galaxy cannot be archived, or null when it can (only `processed` galaxies can). */
export function archiveRefusal(g: GalaxyState): string | null {
  const who = `galaxy ${g.id} (${g.name})`;
  switch (g.status) {
    case "processed":
      return null;
    case "registered":
      return `${who} is registered: no results yet; only processed galaxies are archived`;
    case "computing":
      return `${who} is computing (${g.areasProcessed} of ${g.areaCount} work units processed); only processed galaxies are archived`;
    case "archived":
      return `${who} is already archived (${g.archivePath ?? "no file"}, ${g.archivedAt?.toISOString() ?? "unknown time"}); new results make it processed again`;
    default:
      return `${who} is ${g.status}; only processed galaxies are archived`;
  }
}

export async function archiveGalaxy(
  db: Db,
  dataDir: string,
  galaxyId: number,
  options: ArchiveOptions = {},
): Promise<ArchiveResult> {
  const started = performance.now();
  const galaxy = await db.galaxy.findUnique({ where: { id: galaxyId } });
  if (!galaxy) throw new ArchiveRefusedError(`galaxy ${galaxyId} does not exist`);
  const refusal = archiveRefusal(galaxy);
  if (refusal) throw new ArchiveRefusedError(refusal);

  const relative = archiveRelativePath(galaxy);
  const target = path.join(dataDir, relative);
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${randomUUID()}.tmp`);
  const at = options.at ?? new Date();
  let placed = false;
  try {
    const summary = await writeGalaxyFile(db, temp, galaxyId, wholeGalaxy(galaxy), {
      state: { status: "archived", statusTime: at },
      resultCopy: true,
      onProgress: options.onProgress,
    });
    syncFile(temp);
    const { size, sha256 } = await hashFile(temp);
    await retryWhenBusy(() =>
      db.$transaction(
        async (tx) => {
          const now = await tx.galaxy.findUniqueOrThrow({ where: { id: galaxyId } });
          if (now.status !== "processed" || now.resultsVersion !== galaxy.resultsVersion)
            throw new ArchiveRefusedError(
              `galaxy ${galaxyId} (${galaxy.name}) changed while its archive was built (now ${now.status}, results version ${now.resultsVersion}, was ${galaxy.resultsVersion}); archive it again`,
            );
          await tx.galaxy.update({
            where: { id: galaxyId },
            data: {
              status: "archived",
              statusTime: at,
              archivePath: relative,
              archiveSha256: sha256,
              archiveSize: size,
              archivedAt: at,
            },
          });
          // Last step inside the transaction: if the commit fails, the file is removed below.
          placed = true;
          renameSync(temp, target);
        },
        { timeout: 600_000, maxWait: 60_000 },
      ),
    );
    removeOtherArchives(dir, path.basename(target));
    return {
      galaxyId,
      name: galaxy.name,
      path: relative,
      absolutePath: target,
      size,
      sha256,
      archivedAt: at,
      pixels: summary.pixels,
      blocks: summary.blocks,
      histogramValues: summary.histogramValues,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    if (placed) rmSync(target, { force: true });
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The processed galaxies (those `archiveGalaxy` accepts), in id order. */
export async function processedGalaxies(db: Db): Promise<{ id: number; name: string }[]> {
  return db.galaxy.findMany({
    where: { status: "processed" },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });
}

function syncFile(file: string): void {
  const fd = openSync(file, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Earlier archives of the galaxy under another name (it was renamed); others' temporary files stay. */
function removeOtherArchives(dir: string, keep: string): void {
  for (const file of readdirSync(dir))
    if (file !== keep && !file.startsWith(".")) rmSync(path.join(dir, file), { force: true });
}
