// The survey-scale data set of `npm run bench:scale`, the shape of 2012–13, by bulk inserts:
// volunteers, teams and 100 days of credit history (lib/testing/scale-survey), the catalogue's
// galaxies with their work units and credited volunteers (lib/testing/scale-areas), per-pixel
// results for a sample of galaxies and one 1532² galaxy (lib/testing/scale-results), computers,
// a running challenge, trophies and milestones. SCALE=0.1 (or SCALE_USERS, SCALE_GALAXIES, …)
// makes a smaller one for a quick run.
import { makeParameterMapFiles } from "@/lib/access/files/parameter-map-files";
import type { Db } from "@/lib/db/client";
import { recomputeChallengeStandings } from "@/lib/credit/challenges/recompute";
import { detectMilestones } from "@/lib/credit/milestones/detect";
import { refreshRankCheckpoints } from "@/lib/credit/rank-checkpoints";
import { awardTrophies } from "@/lib/credit/trophies/award";
import { resolveContext } from "@/lib/maps/service/context";
import { BulkInsert } from "@/lib/testing/bulk-insert";
import { writeScaleAreas } from "@/lib/testing/scale-areas";
import { SURVEY_GALAXIES, surveyCatalogue } from "@/lib/testing/scale-catalogue";
import { writeScaleResults } from "@/lib/testing/scale-results";
import { withFastSqliteWrites } from "@/lib/testing/scale-sqlite";
import { buildScaleSurvey } from "@/lib/testing/scale-survey";
import { seededRandom } from "@/lib/testing/seeded-random";

export type ScaleSizes = {
  users: number;
  teams: number;
  days: number;
  galaxies: number;
  resultGalaxies: number;
  largeSide: number;
  computers: number;
};

export function scaleSizes(env: NodeJS.ProcessEnv = process.env): ScaleSizes {
  const scale = Number(env.SCALE ?? 1);
  const size = (name: string, full: number, min: number) =>
    Math.max(min, Math.round(Number(env[`SCALE_${name}`] ?? full * scale)));
  return {
    users: size("USERS", 100_000, 200),
    teams: size("TEAMS", 5_000, 20),
    days: size("DAYS", 100, 20),
    galaxies: size("GALAXIES", SURVEY_GALAXIES, 20),
    resultGalaxies: size("RESULT_GALAXIES", 100, 5),
    largeSide: size("LARGE_SIDE", 1532, 256),
    computers: size("COMPUTERS", 160_000, 100),
  };
}

export type BuiltSurvey = {
  sizes: ScaleSizes;
  realCatalogue: boolean;
  counts: Record<string, number>;
  /** galaxies to read pages of: a typical one with results, the large one, one without results */
  galaxies: { typical: number; large: number; plain: number };
  challengeId: number;
  seconds: Record<string, number>;
};

type Progress = (phase: string, done: number, total: number) => void;

export async function buildSurveyAtScale(db: Db, sizes: ScaleSizes, progress: Progress): Promise<BuiltSurvey> {
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await work();
    seconds[name] = (performance.now() - t) / 1000;
    return result;
  };
  // SCALE_RESUME: a build stopped while writing galaxies (each batch is a transaction) is finished
  // with the galaxies it has: the shared machine may not give a full build its hour.
  const resume = process.env.SCALE_RESUME === "1" && (await db.galaxy.count()) > 0;
  const credit = resume
    ? await creditSoFar(db)
    : await timed("volunteers, teams, credit history", () =>
        buildScaleSurvey(db, { ...sizes, galaxies: 0, onProgress: progress }),
      );
  const { galaxies: catalogue, real } = surveyCatalogue(sizes.galaxies);
  const side = sizes.largeSide;
  const largeGalaxy = {
    ...catalogue[0],
    name: `SCALE ${side}`,
    width: side,
    height: side,
    pixelCount: 0.6 * side * side,
  };
  const existing = resume
    ? await db.galaxy.findMany({ select: { id: true, pixelCount: true }, orderBy: { id: "asc" } })
    : [];
  const galaxies = resume ? [largeGalaxy] : [...catalogue, largeGalaxy];
  const newest = credit.exportTimes.at(-1)!;
  const written = await timed("galaxies, work units, credited volunteers", () =>
    withFastSqliteWrites(db, () =>
      writeScaleAreas(db, galaxies, {
        firstGalaxyId: (existing.at(-1)?.id ?? 0) + 1,
        processedAt: newest,
        seed: resume ? "scale-resume" : "scale",
        onProgress: progress,
      }),
    ),
  );
  const areas = resume ? await areasSoFar(db, written.galaxyIds) : written;
  // Results for galaxies of typical size (the catalogue's middle third), spread over the list, and the large one.
  const sizesById = new Map([...existing.map((g) => [g.id, g.pixelCount] as const)]);
  galaxies.forEach((g, k) => sizesById.set(written.galaxyIds[k], g.pixelCount));
  const bySize = areas.galaxyIds.slice(0, -1).map((id) => ({ id, pixels: sizesById.get(id)! }));
  const middle = [...bySize].sort((a, b) => a.pixels - b.pixels).slice(bySize.length / 3, (2 * bySize.length) / 3);
  const step = middle.length / Math.min(sizes.resultGalaxies, middle.length);
  const withResults = Array.from({ length: Math.min(sizes.resultGalaxies, middle.length) }, (_, k) =>
    Math.floor(k * step),
  ).map((k) => middle[k].id);
  const large = areas.galaxyIds.at(-1)!;
  const resultPixels = await timed("per-pixel results", () =>
    withFastSqliteWrites(db, () => writeScaleResults(db, [...withResults, large], progress)),
  );
  // What an ingest's follow-up does (scripts/ingest.ts): the downloadable parameter maps, with their digests.
  await timed("parameter map files", async () => {
    const ctx = resolveContext({ db });
    for (const [k, id] of [...withResults, large].entries()) {
      await makeParameterMapFiles(ctx, id);
      progress("parameter map files", k + 1, withResults.length + 1);
    }
  });
  await timed("computers", () => writeComputers(db, sizes.users, sizes.computers, newest));
  // What a statistics import's follow-up does (lib/ingest/stats-import/import-export.ts).
  const challengeId = await timed("a running challenge, trophies, milestones", async () => {
    const id = await runningChallenge(db, credit.exportTimes);
    await recomputeChallengeStandings(db, newest);
    await refreshRankCheckpoints(db);
    await awardTrophies(db);
    await detectMilestones(db);
    return id;
  });
  return {
    sizes,
    realCatalogue: real,
    counts: {
      volunteers: credit.users,
      teams: credit.teams,
      userSnapshots: credit.userSnapshots,
      teamSnapshots: credit.teamSnapshots,
      galaxies: areas.galaxyIds.length,
      areas: areas.areas,
      areaUsers: areas.areaUsers,
      galaxyUsers: areas.galaxyUsers,
      pixels: areas.pixels,
      galaxiesWithResults: withResults.length + 1,
      pixelsWithResults: resultPixels,
      computers: sizes.computers,
    },
    galaxies: { typical: withResults[Math.floor(withResults.length / 2)], large, plain: areas.galaxyIds[1] },
    challengeId,
    seconds,
  };
}

const DAY_MS = 86_400_000;
const SYSTEMS = ["Microsoft Windows 10", "Microsoft Windows 11", "Linux Ubuntu", "Darwin", "Android", "Linux Debian"];

async function writeComputers(db: Db, users: number, count: number, newest: Date): Promise<void> {
  const random = seededRandom(160);
  const columns = ["id", "user_id", "create_time", "expavg_credit", "cpu_count", "p_fpops", "os_name"];
  const hosts = new BulkInsert(db, "host", columns);
  for (let id = 1; id <= count; id++) {
    const owner = random() < 0.7 ? 1 + Math.floor(random() * users) : null;
    const created = new Date(newest.getTime() - random() * 300 * DAY_MS);
    const cores = 2 ** Math.floor(random() * 6);
    hosts.add(id, owner, created, random() * 500, cores, 2e9 + random() * 4e9, SYSTEMS[id % SYSTEMS.length]);
  }
  await hosts.flush();
}

/** A challenge among every fifth team (up to 1,000), 15 daily exports into its 21-day window. */
async function runningChallenge(db: Db, exportTimes: Date[]): Promise<number> {
  const startsAt = exportTimes.at(-Math.min(15, exportTimes.length - 1))!;
  const challenge = await db.challenge.create({
    data: { name: "Scale race", startsAt, endsAt: new Date(startsAt.getTime() + 21 * DAY_MS) },
  });
  const teams = await db.team.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const joinedAt = new Date(startsAt.getTime() - DAY_MS);
  await db.challengeTeam.createMany({
    data: teams
      .filter((_, i) => i % 5 === 0)
      .slice(0, 1000)
      .map((t) => ({ challengeId: challenge.id, teamId: t.id, joinedAt })),
  });
  return challenge.id;
}

/** What an earlier, stopped build wrote of the credit history. */
async function creditSoFar(db: Db) {
  const exports = await db.statsExport.findMany({ select: { exportTime: true }, orderBy: { exportTime: "asc" } });
  return {
    users: await db.boincUser.count(),
    teams: await db.team.count(),
    userSnapshots: await db.userCreditSnapshot.count(),
    teamSnapshots: await db.teamCreditSnapshot.count(),
    exportTimes: exports.map((e) => e.exportTime),
  };
}

/** The galaxies and work units of an earlier, stopped build, with the ones just added. */
async function areasSoFar(db: Db, added: number[]) {
  const galaxies = await db.galaxy.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const ids = [...galaxies.map((g) => g.id).filter((id) => !added.includes(id)), ...added];
  const pixels = await db.galaxy.aggregate({ _sum: { pixelCount: true } });
  return {
    galaxyIds: ids,
    areas: await db.area.count(),
    areaUsers: await db.areaUser.count(),
    galaxyUsers: await db.galaxyUser.count(),
    pixels: pixels._sum.pixelCount ?? 0,
  };
}
