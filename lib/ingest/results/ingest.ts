// MAGPHYS results ingest: .fit files → per-pixel results, credited users, galaxy progress.
// Every file is parsed and checked against its work unit before anything is written; files are
// then stored in batches, one transaction each, so a crash leaves whole areas or nothing.
import { createHash } from "node:crypto";
import { creditChanged, galaxyChanged } from "@/lib/cache/events";
import { retryWhenBusy } from "@/lib/db/busy-retry";
import type { Db } from "@/lib/db/client";
import { detectMilestones } from "@/lib/credit/milestones/detect";
import { awardTrophies, newestArrival } from "@/lib/credit/trophies/award";
import { ParseError, parseFit, type ParsedFitFile } from "@/lib/ingest/magphys";
import { ingestRefusal } from "@/lib/archive-store/ingest-refusal";
import { locateArea, type AreaForResults } from "./locate-area";
import { storeAreas, updateGalaxyProgress } from "./store-results";
import type { FitInput, FitOutcome, IngestReport } from "./types";

type Checked = { input: FitInput; fit: ParsedFitFile; area: AreaForResults; sha256: string; userIds: number[] };

export type IngestOptions = {
  batchSize?: number;
  onProgress?: (done: number, total: number, pixels: number) => void;
  /** Where the page cache's tags live (lib/cache); the settings' DATA_DIR by default. */
  dataDir?: string;
};

export async function ingestFits(db: Db, inputs: FitInput[], options: IngestOptions = {}): Promise<IngestReport> {
  const report: IngestReport = { outcomes: [], stored: 0, unchanged: 0, refused: 0, pixels: 0, galaxies: new Map() };
  const batchSize = options.batchSize ?? 200;
  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs.slice(start, start + batchSize);
    const checked: Checked[] = [];
    for (const input of batch) {
      const result = await check(db, input);
      if ("reason" in result)
        report.outcomes.push({ fileName: input.fileName, status: "refused", reason: result.reason });
      else if (await isReplay(db, result))
        report.outcomes.push({
          fileName: input.fileName,
          status: "unchanged",
          areaId: result.area.id,
          galaxyId: result.area.galaxyId,
          pixels: result.area.pixelCount,
        });
      else checked.push(result);
    }
    if (checked.length) report.outcomes.push(...(await storeBatch(db, checked, report.galaxies)));
    options.onProgress?.(
      Math.min(start + batchSize, inputs.length),
      inputs.length,
      report.outcomes.reduce((s, o) => s + ("pixels" in o ? o.pixels : 0), 0),
    );
  }
  for (const o of report.outcomes) {
    report[o.status === "stored" ? "stored" : o.status]++;
    if (o.status === "stored") report.pixels += o.pixels;
  }
  if (report.stored) await detectMilestones(db);
  if (report.stored)
    await awardTrophies(db, {
      awardedAt: newestArrival(inputs),
      users: inputs.flatMap((i) => i.users.map((u) => u.id)),
    });
  if (report.stored) {
    for (const galaxyId of report.galaxies.keys()) await galaxyChanged(galaxyId, options.dataDir);
    // Trophies and milestones may have been awarded.
    await creditChanged(options.dataDir);
  }
  return report;
}

async function check(db: Db, input: FitInput): Promise<Checked | { reason: string }> {
  try {
    if (!input.users.length)
      throw new ParseError(
        "no BOINC user to credit: give them in a sidecar JSON or with --users",
        undefined,
        input.fileName,
      );
    const fit = parseFit(input.text, { fileName: input.fileName });
    const area = await locateArea(db, fit, input);
    const refusal = await ingestRefusal(db, area.galaxyId);
    if (refusal) return { reason: refusal };
    const sha256 = createHash("sha256").update(input.text).digest("hex");
    return { input, fit, area, sha256, userIds: [...new Set(input.users.map((u) => u.id))].sort((a, b) => a - b) };
  } catch (error) {
    if (error instanceof ParseError) return { reason: error.message };
    throw error;
  }
}

/** The same file with the same users is already stored: nothing to do. */
async function isReplay(db: Db, c: Checked): Promise<boolean> {
  const stored = await db.pixelResultBlock.findUnique({ where: { areaId: c.area.id }, select: { sourceSha256: true } });
  if (stored?.sourceSha256 !== c.sha256) return false;
  const users = await db.areaUser.findMany({
    where: { areaId: c.area.id },
    select: { userId: true },
    orderBy: { userId: "asc" },
  });
  return users.map((u) => u.userId).join() === c.userIds.join();
}

async function storeBatch(db: Db, checked: Checked[], versions: Map<number, number>): Promise<FitOutcome[]> {
  await ensureUsers(
    db,
    checked.flatMap((c) => c.input.users),
  );
  const galaxyIds = [...new Set(checked.map((c) => c.area.galaxyId))];
  // It reads the galaxies' versions before it writes: a commit by another process in between
  // (a statistics import's swap, another ingest) makes SQLite refuse it at once, so it runs again.
  return retryWhenBusy(() => storeTransaction(db, checked, galaxyIds, versions));
}

function storeTransaction(
  db: Db,
  checked: Checked[],
  galaxyIds: number[],
  versions: Map<number, number>,
): Promise<FitOutcome[]> {
  return db.$transaction(
    async (tx) => {
      const current = await tx.galaxy.findMany({
        where: { id: { in: galaxyIds } },
        select: { id: true, resultsVersion: true },
      });
      const next = new Map(current.map((g) => [g.id, g.resultsVersion + 1]));
      // A batch may name an area twice (a re-validated result): the later file wins.
      const last = new Map(checked.map((c) => [c.area.id, c]));
      const replacedBefore = await storeAreas(
        tx,
        [...last.values()].map((c) => ({
          area: c.area,
          fit: c.fit,
          sha256: c.sha256,
          userIds: c.userIds,
          workunitId: c.input.workunitId,
          receivedAt: c.input.receivedAt ?? new Date(),
        })),
        (galaxyId) => next.get(galaxyId)!,
      );
      const outcomes: FitOutcome[] = checked.map((c) => ({
        fileName: c.input.fileName,
        status: "stored",
        areaId: c.area.id,
        galaxyId: c.area.galaxyId,
        pixels: c.area.pixelCount,
        replaced: replacedBefore.has(c.area.id) || last.get(c.area.id) !== c,
      }));
      const latest = new Date(Math.max(...checked.map((c) => (c.input.receivedAt ?? new Date()).getTime())));
      for (const [galaxyId, version] of next) {
        await updateGalaxyProgress(tx, galaxyId, version, latest);
        versions.set(galaxyId, version);
      }
      return outcomes;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/**
 * Results can arrive before the BOINC statistics that describe their users; such users get a
 * placeholder row (name "BOINC user <id>") that the next statistics import fills in.
 */
async function ensureUsers(db: Db, users: { id: number; name?: string }[]): Promise<void> {
  const ids = [...new Set(users.map((u) => u.id))];
  const known = new Set(
    (await db.boincUser.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((u) => u.id),
  );
  const missing = ids.filter((id) => !known.has(id));
  if (!missing.length) return;
  const names = new Map(users.map((u) => [u.id, u.name]));
  await db.boincUser.createMany({
    data: missing.map((id) => ({ id, name: names.get(id) ?? `BOINC user ${id}`, createTime: new Date() })),
  });
}
