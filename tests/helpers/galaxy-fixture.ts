// A registered galaxy made directly in the database, for tests that start after registration.
import type { Db } from "@/lib/db/client";
import { encodeAreaMask, type AreaRect } from "@/lib/survey/area-mask";

export async function createTestGalaxy(
  db: Db,
  options: {
    name: string;
    width: number;
    height: number;
    areas: (AreaRect & { firstPixelId: number; usable?: (x: number, y: number) => boolean })[];
  },
) {
  const run = await db.run.findUniqueOrThrow({ where: { name: "default" } });
  const galaxy = await db.galaxy.create({
    data: {
      runId: run.id,
      name: options.name,
      ra: 10,
      dec: 20,
      redshift: 0.0102,
      width: options.width,
      height: options.height,
      pixelScale: 1.5,
      wcs: JSON.stringify({
        ctype: ["RA---TAN", "DEC--TAN"],
        crpix: [options.width / 2, options.height / 2],
        crval: [10, 20],
        cd: [
          [-1.5 / 3600, 0],
          [0, 1.5 / 3600],
        ],
      }),
    },
  });
  const areas = [];
  for (const a of options.areas) {
    const { mask, pixelCount } = encodeAreaMask(a, a.usable ?? (() => true));
    areas.push(
      await db.area.create({
        data: {
          galaxyId: galaxy.id,
          x0: a.x0,
          y0: a.y0,
          x1: a.x1,
          y1: a.y1,
          pixelCount,
          firstPixelId: a.firstPixelId,
          mask,
        },
      }),
    );
  }
  const pixelCount = areas.reduce((s, a) => s + a.pixelCount, 0);
  await db.galaxy.update({ where: { id: galaxy.id }, data: { pixelCount, areaCount: areas.length } });
  return { galaxy, areas };
}
