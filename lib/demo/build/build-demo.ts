// The demo survey, built through the portal's real paths: synthetic FITS → registration,
// synthetic .fit results → ingest, synthetic BOINC exports → statistics import. Deterministic for
// a seed and an end date (the simulated weeks end there, so RAC and "recent" mean something).
import path from "node:path";
import { deleteResults, reclaimSpace, storeArchive } from "@/lib/archive-store";
import type { Db } from "@/lib/db/client";
import { recomputeChallengeStandings } from "@/lib/credit/challenges/recompute";
import { archiveGalaxy, removeStaleArchives } from "@/lib/hdf5";
import { collectBands, registerGalaxy } from "@/lib/ingest/registration";
import { ingestFits, type FitInput } from "@/lib/ingest/results";
import { makeParameterMapFiles } from "@/lib/access/files/parameter-map-files";
import { buildGalaxyMaps } from "@/lib/maps/service/build-maps";
import { usablePixels } from "@/lib/survey/area-mask";
import { DEMO_CATALOGUE_OPTIONS, drawCatalogue, type DemoGalaxy } from "@/lib/demo/catalogue";
import { renderGalaxyImages } from "@/lib/demo/images";
import { drawVolunteers } from "@/lib/demo/volunteers/population";
import { scheduleWork, type CreditEvent } from "@/lib/demo/volunteers/schedule";
import { createDemoAccounts } from "./demo-accounts";
import { writeDemoExports } from "./demo-credit";
import { demoFitsDir, writeDemoBandFiles } from "./demo-fits";
import type { ObservedLayer } from "./demo-results";
import { FitTextWorker } from "./fit-text-pool";
import { readObservedLayers } from "./observed-layers";

export type DemoProgress = (phase: string, done: number, total: number) => void;

export type DemoOptions = {
  seed: string | number;
  galaxies: number;
  users: number;
  weeks: number;
  /** end of the simulated period */
  end: Date;
  /** largest image side in pixels (the real survey went to 1532) */
  maxSize: number;
  importExport: (db: Db, dir: string) => Promise<void>;
  /** the long-term store of archives (default DATA_DIR/store) */
  archiveStore?: string;
  onProgress?: DemoProgress;
};

export type DemoSummary = {
  galaxies: number;
  workUnits: number;
  processed: number;
  pixels: number;
  users: number;
  exports: number;
  /** galaxies left archived, stored, and deleted (their results in the stored archive only) */
  archived: number;
  stored: number;
  deleted: number;
};

type Registered = { g: DemoGalaxy; galaxyId: number; registeredAt: number };

export async function buildDemoSurvey(db: Db, dataDir: string, o: DemoOptions): Promise<DemoSummary> {
  const progress = o.onProgress ?? (() => {});
  const end = Math.floor(o.end.getTime() / 1000);
  const start = end - o.weeks * 7 * 86_400;
  const catalogue = drawCatalogue(o.seed, { ...DEMO_CATALOGUE_OPTIONS, count: o.galaxies, maxSize: o.maxSize });
  const pop = drawVolunteers(o.seed, { users: o.users, start, weeks: o.weeks });

  // Galaxies enter the survey one after another over the first 85 % of the period.
  const registered: Registered[] = [];
  for (const [i, g] of catalogue.entries()) {
    progress("Registering galaxies", i, catalogue.length);
    const registeredAt = start + Math.floor((i / catalogue.length) * 0.85 * (end - start));
    const images = renderGalaxyImages(g);
    const files = await writeDemoBandFiles(demoFitsDir(dataDir, g.name), g, images.bands);
    const result = await registerGalaxy(db, dataDir, await collectBands(files), {
      name: g.name,
      ra: g.ra,
      dec: g.dec,
      registeredAt: new Date(registeredAt * 1000),
    });
    registered.push({ g, galaxyId: result.id, registeredAt });
  }
  progress("Registering galaxies", catalogue.length, catalogue.length);

  const run = await db.run.findUniqueOrThrow({ where: { name: "default" } });
  const areas = await db.area.findMany({
    orderBy: [{ galaxyId: "asc" }, { id: "asc" }],
    select: {
      id: true,
      galaxyId: true,
      x0: true,
      y0: true,
      x1: true,
      y1: true,
      pixelCount: true,
      firstPixelId: true,
      mask: true,
    },
  });
  const registeredAtOf = new Map(registered.map((r) => [r.galaxyId, r.registeredAt]));
  const schedule = scheduleWork(
    o.seed,
    pop,
    areas.map((a) => ({ pixels: a.pixelCount, availableAt: registeredAtOf.get(a.galaxyId)! })),
    { cobblestoneFactor: run.cobblestoneFactor },
  );

  const byGalaxy = new Map<number, CreditEvent[]>();
  for (const ev of schedule.events) {
    const galaxyId = areas[ev.workunitIndex].galaxyId;
    byGalaxy.set(galaxyId, [...(byGalaxy.get(galaxyId) ?? []), ev]);
  }
  const names = new Map(pop.users.map((u) => [u.id, u.name]));
  // Jobs of up to CHUNK work units; the worker writes the next job's .fit texts while this thread
  // ingests the current one.
  const CHUNK = 300;
  const jobs: { r: Registered; events: CreditEvent[] }[] = [];
  for (const r of registered) {
    const events = byGalaxy.get(r.galaxyId) ?? [];
    for (let i = 0; i < events.length; i += CHUNK) jobs.push({ r, events: events.slice(i, i + CHUNK) });
  }
  const worker = new FitTextWorker();
  const layersOf = new Map<number, Promise<ObservedLayer[]>>();
  const startJob = async (job: (typeof jobs)[number]) => {
    if (!layersOf.has(job.r.galaxyId)) layersOf.set(job.r.galaxyId, readObservedLayers(db, dataDir, job.r.galaxyId));
    const areasOfJob = job.events.map((ev) => {
      const area = areas[ev.workunitIndex];
      const { x, y } = usablePixels(area, area.mask);
      return { firstPixelId: area.firstPixelId, x, y };
    });
    return worker.texts(job.r.g, await layersOf.get(job.r.galaxyId)!, areasOfJob);
  };
  let done = 0;
  let pixels = 0;
  try {
    let pending = jobs.length ? startJob(jobs[0]) : null;
    for (const [j, job] of jobs.entries()) {
      const texts = await pending!;
      pending = j + 1 < jobs.length ? startJob(jobs[j + 1]) : null;
      const inputs: FitInput[] = job.events.map((ev, k) => {
        const area = areas[ev.workunitIndex];
        return {
          fileName: `${job.r.g.name.replace(/\s+/g, "")}_area${area.id}.fit`,
          text: texts[k],
          users: ev.userIds.map((id) => ({ id, name: names.get(id) })),
          workunitId: 1_000_000 + area.id,
          receivedAt: new Date(ev.time * 1000),
        };
      });
      const report = await ingestFits(db, inputs, { batchSize: CHUNK, dataDir });
      if (report.refused)
        throw new Error(`demo results refused: ${report.outcomes.find((x) => x.status === "refused")?.fileName}`);
      pixels += report.pixels;
      done += inputs.length;
      progress("Processing work units", done, schedule.events.length);
      if (j + 1 === jobs.length || jobs[j + 1].r !== job.r) layersOf.delete(job.r.galaxyId);
    }
  } finally {
    await worker.close();
  }

  const exportDirs = await writeDemoExports(path.join(dataDir, "demo", "stats"), pop, schedule.events);
  for (const [i, dir] of exportDirs.entries()) {
    progress("Importing BOINC statistics", i, exportDirs.length);
    await o.importExport(db, dir);
  }
  progress("Importing BOINC statistics", exportDirs.length, exportDirs.length);

  for (const [i, r] of registered.entries()) {
    progress("Building map tiles and files", i, registered.length);
    await buildGalaxyMaps(r.galaxyId, { db, dataDir });
    await makeParameterMapFiles({ db, dataDir }, r.galaxyId);
  }
  progress("Building map tiles and files", registered.length, registered.length);

  // Every second processed galaxy (id order) is archived, as the POGS archive task did within 4 h
  // of the last result, so the demo has galaxies at every stage; the rest stay processed.
  const processed = await db.galaxy.findMany({
    where: { status: "processed" },
    select: { id: true, statusTime: true },
    orderBy: { id: "asc" },
  });
  const toArchive = processed.filter((_, i) => i % 2 === 0);
  for (const [i, g] of toArchive.entries()) {
    progress("Archiving galaxies", i, toArchive.length);
    await archiveGalaxy(db, dataDir, g.id, {
      at: new Date(Math.min(g.statusTime.getTime() + 4 * 3600_000, end * 1000)),
    });
  }
  progress("Archiving galaxies", toArchive.length, toArchive.length);
  await removeStaleArchives(db, dataDir); // archives of an earlier demo in the same DATA_DIR
  const lifecycle = await storeAndDelete(db, dataDir, o.archiveStore ?? path.join(dataDir, "store"), end * 1000);

  for (const c of pop.challenges) {
    const challenge = await db.challenge.create({
      data: {
        name: c.name,
        description: c.description,
        startsAt: new Date(c.start * 1000),
        endsAt: new Date(c.end * 1000),
      },
    });
    const known = await db.team.findMany({ where: { id: { in: [...c.teamIds] } }, select: { id: true } });
    await db.challengeTeam.createMany({
      data: known.map((t) => ({
        challengeId: challenge.id,
        teamId: t.id,
        joinedAt: new Date((c.start - 3 * 86_400) * 1000),
      })),
    });
  }
  await recomputeChallengeStandings(db, new Date(end * 1000)); // defined after the imports that recompute them
  await createDemoAccounts(db);
  return {
    galaxies: registered.length,
    workUnits: areas.length,
    processed: schedule.events.length,
    pixels,
    users: pop.users.length,
    exports: exportDirs.length,
    archived: toArchive.length - lifecycle.stored - lifecycle.deleted,
    ...lifecycle,
  };
}

/**
 * Of the archived galaxies (id order), every third from the second is stored a day after it was
 * archived, and every third from the third is stored and then has its per-pixel results deleted
 * 5 days later (POGS's schedule; times capped at the end of the period), so the demo shows every
 * status and serves deleted galaxies from their stored archives.
 */
async function storeAndDelete(
  db: Db,
  dataDir: string,
  storeDir: string,
  endMs: number,
): Promise<{ stored: number; deleted: number }> {
  const archived = await db.galaxy.findMany({
    where: { status: "archived" },
    select: { id: true, archivedAt: true },
    orderBy: { id: "asc" },
  });
  let stored = 0,
    deleted = 0;
  for (const [i, g] of archived.entries()) {
    if (i % 3 === 0) continue;
    const storedAt = Math.min(g.archivedAt!.getTime() + 86_400_000, endMs);
    await storeArchive(db, dataDir, storeDir, g.id, { at: new Date(storedAt) });
    stored++;
    if (i % 3 !== 2) continue;
    await deleteResults(db, g.id, { at: new Date(Math.min(storedAt + 5 * 86_400_000, endMs)), dataDir });
    deleted++;
  }
  if (deleted) await reclaimSpace(db);
  return { stored: stored - deleted, deleted };
}
