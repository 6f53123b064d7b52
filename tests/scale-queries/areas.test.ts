// The work-unit reads rewritten for survey scale give what the plain queries gave, on SQLite and
// (with POGS_TEST_POSTGRES_URL) PostgreSQL: one volunteer's areas of a galaxy read from the
// volunteer's side, even where two galaxies' area ids interleave, and the progress overlay's pages,
// which chained together are every area in (y0, x0) order with the galaxy's first and last times.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as areasGET } from "@/app/api/galaxies/[id]/areas/route";
import type { Db } from "@/lib/db/client";
import { getAreaProgress, getAreaProgressPage } from "@/lib/maps/service/area-progress";
import { getVolunteerAreas, volunteerAreaRows } from "@/lib/maps/service/areas";
import { encodeAreaMask } from "@/lib/survey/area-mask";
import { createPostgresDatabase, TEST_POSTGRES_URL } from "@/lib/testing/postgres-database";
import { createTempDatabase } from "@/lib/testing/temp-database";
import { createTestGalaxy } from "@/tests/helpers/galaxy-fixture";

type Made = { db: Db; galaxies: number[]; close(): Promise<void> };

/** Two 12×6 galaxies of 2×2 areas, written alternately so their area ids interleave. */
async function makeSurvey(db: Db): Promise<number[]> {
  await db.boincUser.createMany({
    data: [1, 2, 3].map((id) => ({ id, name: `v${id}`, createTime: new Date("2026-01-01T00:00:00Z") })),
  });
  const galaxies = [];
  for (const name of ["A", "B"])
    galaxies.push((await createTestGalaxy(db, { name, width: 12, height: 6, areas: [] })).galaxy.id);
  let k = 0;
  for (let y0 = 4; y0 >= 0; y0 -= 2)
    for (let x0 = 10; x0 >= 0; x0 -= 2)
      for (const galaxyId of galaxies) {
        const rect = { x0, y0, x1: x0 + 2, y1: y0 + 2 };
        const { mask, pixelCount } = encodeAreaMask(rect, () => true);
        const processedAt = k % 3 === 0 ? null : new Date(Date.UTC(2026, 10, 1 + (k % 7), k % 24));
        const area = await db.area.create({
          data: { galaxyId, ...rect, pixelCount, firstPixelId: 1000 + 4 * k++, mask, processedAt },
        });
        const users = [1, 2, 3].filter((u) => (Math.floor(k / 2) + u) % (u + 1) === 0);
        await db.areaUser.createMany({ data: users.map((userId) => ({ areaId: area.id, userId })) });
      }
  return galaxies;
}

async function plainVolunteerAreas(db: Db, galaxyId: number, userId: number) {
  return db.area.findMany({
    where: { galaxyId, users: { some: { userId } } },
    select: { x0: true, y0: true, x1: true, y1: true, pixelCount: true },
    orderBy: [{ y0: "asc" }, { x0: "asc" }],
  });
}

async function plainProgress(db: Db, galaxyId: number) {
  const rows = await db.area.findMany({ where: { galaxyId }, orderBy: [{ y0: "asc" }, { x0: "asc" }, { id: "asc" }] });
  const times = rows.flatMap((a) => (a.processedAt ? [Math.floor(a.processedAt.getTime() / 1000)] : []));
  return {
    areas: rows.map((a) => [a.x0, a.y0, a.x1, a.y1, a.processedAt ? Math.floor(a.processedAt.getTime() / 1000) : null]),
    first: Math.min(...times),
    last: Math.max(...times),
  };
}

const engines: [string, boolean, () => Promise<Made>][] = [
  [
    "SQLite",
    true,
    async () => {
      const temp = await createTempDatabase({ useAsProcessDefault: true });
      return { db: temp.db, galaxies: await makeSurvey(temp.db), close: () => temp.cleanup() };
    },
  ],
  [
    "PostgreSQL",
    Boolean(TEST_POSTGRES_URL),
    async () => {
      const pg = await createPostgresDatabase("scale_areas");
      return { db: pg.db, galaxies: await makeSurvey(pg.db), close: () => pg.drop() };
    },
  ],
];

describe.each(engines)("work units at scale on %s", (_engine, enabled, open) => {
  let made: Made;
  beforeAll(async () => {
    if (enabled) made = await open();
  }, 120_000);
  afterAll(() => made?.close());

  it.runIf(enabled)("reads a volunteer's areas of one galaxy as the plain query did", async () => {
    const ids = await made.db.area.findMany({ select: { id: true, galaxyId: true }, orderBy: { id: "asc" } });
    expect(new Set(ids.slice(0, 4).map((a) => a.galaxyId)).size).toBe(2); // the ids interleave
    for (const galaxyId of made.galaxies)
      for (const userId of [1, 2, 3]) {
        const plain = await plainVolunteerAreas(made.db, galaxyId, userId);
        expect(plain.length).toBeGreaterThan(0);
        expect(await volunteerAreaRows(made.db, galaxyId, userId)).toEqual(plain);
      }
    const result = await getVolunteerAreas({ db: made.db, dataDir: "" }, made.galaxies[0], 2);
    expect(result).toMatchObject({ kind: "ok", areas: { user: { id: 2, name: "v2" } } });
  });

  it.runIf(enabled)("pages the progress overlay into every area in order", async () => {
    const ctx = { db: made.db, dataDir: "" };
    for (const galaxyId of made.galaxies) {
      const plain = await plainProgress(made.db, galaxyId);
      const areas: unknown[] = [];
      let page = await getAreaProgressPage(ctx, galaxyId, undefined, 5);
      for (;;) {
        if (page === null || page === "bad-cursor") throw new Error(`page ${page}`);
        expect([page.first, page.last]).toEqual([plain.first, plain.last]);
        areas.push(...page.areas);
        if (page.next === null) break;
        expect(page.areas).toHaveLength(5);
        page = await getAreaProgressPage(ctx, galaxyId, page.next, 5);
      }
      expect(areas).toEqual(plain.areas);
      expect(await getAreaProgress(ctx, galaxyId)).toEqual(plain);
    }
    const other = await made.db.area.findFirstOrThrow({ where: { galaxyId: made.galaxies[1] } });
    expect(await getAreaProgressPage(ctx, made.galaxies[0], other.id)).toBe("bad-cursor");
    expect(await getAreaProgressPage(ctx, 424242)).toBeNull();
  });

  // The route reads the process's database: the SQLite one here (registered for that engine only).
  if (_engine !== "SQLite") return;
  it.runIf(enabled)("answers a page, and 400 for a cursor of another galaxy", async () => {
    const [a, b] = made.galaxies;
    const get = async (id: number, query: string) =>
      areasGET(new Request(`http://localhost/api/galaxies/${id}/areas?${query}`), {
        params: Promise.resolve({ id: String(id) }),
      });
    const first = await (await get(a, "progress=1")).json();
    expect(first).toMatchObject({ next: null, areas: (await plainProgress(made.db, a)).areas });
    const other = await made.db.area.findFirstOrThrow({ where: { galaxyId: b } });
    const wrong = await get(a, `progress=1&after=${other.id}`);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toBe(`after: galaxy ${a} has no area ${other.id}`);
    expect((await get(a, `after=${other.id}`)).status).toBe(400);
  });
});
