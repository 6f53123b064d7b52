// A small hand-made survey for tests: three galaxies at different stages, a few areas, three
// volunteers in two teams. The realistic demo survey is `npm run demo`.
import { settings } from "@/lib/config";
import { setUpDatabase } from "@/lib/survey/setup-database";
import type { Db } from "@/lib/db/client";
import { encodeAreaMask } from "@/lib/survey/area-mask";

const T0 = new Date("2026-10-01T00:00:00Z");
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const wcs = (ra: number, dec: number, w: number, h: number) =>
  JSON.stringify({
    ctype: ["RA---TAN", "DEC--TAN"],
    crpix: [(w + 1) / 2, (h + 1) / 2],
    crval: [ra, dec],
    cd: [
      [-1.5 / 3600, 0],
      [0, 1.5 / 3600],
    ],
  });

export async function seedSmallSurvey(db: Db): Promise<void> {
  const run = await db.run.findUniqueOrThrow({ where: { name: "default" } });
  let nextPixelId = 1;
  await db.team.createMany({
    data: [
      {
        id: 11,
        name: "SETI.Germany",
        type: 9,
        country: "Germany",
        founderName: "Ann",
        createTime: days(-400),
        totalCredit: 5200,
        expavgCredit: 310,
        expavgTime: days(30).getTime() / 1000,
        description: "German BOINC crunchers.",
      },
      {
        id: 12,
        name: "Team Australia",
        type: 9,
        country: "Australia",
        founderName: "Bruce",
        createTime: days(-300),
        totalCredit: 1800,
        expavgCredit: 95,
        expavgTime: days(30).getTime() / 1000,
      },
    ],
  });
  await db.boincUser.createMany({
    data: [
      {
        id: 101,
        name: "Ann",
        country: "Germany",
        createTime: days(-400),
        totalCredit: 4200,
        expavgCredit: 250,
        expavgTime: days(30).getTime() / 1000,
        teamId: 11,
      },
      {
        id: 102,
        name: "Bruce",
        country: "Australia",
        createTime: days(-300),
        totalCredit: 1800,
        expavgCredit: 95,
        expavgTime: days(30).getTime() / 1000,
        teamId: 12,
      },
      {
        id: 103,
        name: "Chen",
        country: "Germany",
        createTime: days(-20),
        totalCredit: 1000,
        expavgCredit: 60,
        expavgTime: days(30).getTime() / 1000,
        teamId: 11,
      },
    ],
  });
  const galaxies = [
    {
      name: "NGC 3351",
      ra: 160.99042,
      dec: 11.70367,
      redshift: 0.0026,
      hubbleType: "SBb",
      width: 48,
      height: 42,
      status: "processed",
    },
    {
      name: "UGC 05479",
      ra: 152.1225,
      dec: 16.1167,
      redshift: 0.0197,
      hubbleType: "Sc",
      width: 40,
      height: 35,
      status: "computing",
    },
    {
      name: "IC 0089",
      ra: 18.5964,
      dec: 4.60581,
      redshift: 0.02,
      hubbleType: "S0",
      width: 30,
      height: 28,
      status: "registered",
    },
  ];
  for (const [i, g] of galaxies.entries()) {
    const galaxy = await db.galaxy.create({
      data: {
        ...g,
        runId: run.id,
        pixelScale: 1.5,
        wcs: wcs(g.ra, g.dec, g.width, g.height),
        createdAt: days(i),
        statusTime: days(i + 1),
      },
    });
    // Strips 7 rows high, areas 8 columns wide; the processed galaxy has all results, the computing one half.
    const areas: { x0: number; y0: number; x1: number; y1: number; pixelCount: number }[] = [];
    for (let y0 = 0; y0 < g.height; y0 += 7)
      for (let x0 = 0; x0 < g.width; x0 += 8) {
        const x1 = Math.min(x0 + 8, g.width),
          y1 = Math.min(y0 + 7, g.height);
        areas.push({ x0, y0, x1, y1, pixelCount: (x1 - x0) * (y1 - y0) });
      }
    let processedPixels = 0,
      processedAreas = 0;
    const credited = new Map<number, { areas: number; pixels: number }>();
    for (const [k, a] of areas.entries()) {
      const done = g.status === "processed" || (g.status === "computing" && k % 2 === 0);
      const { mask } = encodeAreaMask(a, () => true);
      const area = await db.area.create({
        data: {
          ...a,
          mask,
          firstPixelId: nextPixelId,
          galaxyId: galaxy.id,
          processedAt: done ? days(i + 2 + k / 100) : null,
          workunitId: done ? 5000 + galaxy.id * 100 + k : null,
        },
      });
      nextPixelId += a.pixelCount;
      if (!done) continue;
      processedPixels += a.pixelCount;
      processedAreas++;
      const users = [101 + (k % 3), 101 + ((k + 1) % 3)];
      await db.areaUser.createMany({ data: users.map((userId) => ({ areaId: area.id, userId })) });
      for (const u of users) {
        const c = credited.get(u) ?? { areas: 0, pixels: 0 };
        credited.set(u, { areas: c.areas + 1, pixels: c.pixels + a.pixelCount });
      }
    }
    const pixelCount = areas.reduce((s, a) => s + a.pixelCount, 0);
    await db.galaxy.update({
      where: { id: galaxy.id },
      data: {
        pixelCount,
        pixelsProcessed: processedPixels,
        areaCount: areas.length,
        areasProcessed: processedAreas,
        resultsVersion: processedAreas ? 1 : 0,
      },
    });
    for (const [userId, c] of credited)
      await db.galaxyUser.create({ data: { galaxyId: galaxy.id, userId, areaCount: c.areas, pixelCount: c.pixels } });
    for (const filterName of ["SDSSg", "SDSSr", "SDSSi"]) {
      const filter = await db.filter.findUniqueOrThrow({ where: { name: filterName } });
      await db.layer.create({
        data: {
          galaxyId: galaxy.id,
          filterId: filter.id,
          imagePath: `galaxies/${galaxy.id}/${filterName}.fits`,
          sourceFile: `${filterName}.fits`,
          validPixels: pixelCount,
        },
      });
    }
  }
}

// Run directly (npm run db:seed): seeds the configured database if it holds no galaxy yet.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { db } = await setUpDatabase(settings().databaseUrl);
  if ((await db.galaxy.count()) > 0) console.log("database already holds galaxies: seed skipped");
  else {
    await seedSmallSurvey(db);
    console.log("seeded 3 galaxies, 3 volunteers, 2 teams");
  }
  await db.$disconnect();
}
