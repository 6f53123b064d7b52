// A hand-made survey for the milestone tests: NGC 1 with 150 work units, all processed (the
// galaxy completed at minute 150), and NGC 2 with 100, of which 60 processed from minute 150 on
// (its first one at the same minute as NGC 1's last: the area id breaks the tie). Every work
// unit holds 100 pixels; the n-th processed is credited to volunteers n and 5000 + n.
import type { Db } from "@/lib/db/client";

const BASE = Date.UTC(2026, 10, 1);
export const at = (minute: number) => new Date(BASE + minute * 60_000);

const PIXELS = 100;

export async function addSurvey(db: Db): Promise<void> {
  const run = await db.run.findUniqueOrThrow({ where: { name: "default" } });
  const galaxy = (id: number, areas: number, processed: number) =>
    db.galaxy.create({
      data: {
        id,
        runId: run.id,
        name: `NGC ${id}`,
        ra: 10 * id,
        dec: -5,
        redshift: 0.01,
        width: 100,
        height: 100,
        pixelScale: 1,
        wcs: "{}",
        status: processed === areas ? "processed" : "computing",
        areaCount: areas,
        areasProcessed: processed,
        pixelCount: areas * PIXELS,
        pixelsProcessed: processed * PIXELS,
      },
    });
  await galaxy(1, 150, 150);
  await galaxy(2, 100, 60);
  // The n-th work unit processed: NGC 1's area n up to 150, then NGC 2's (n − 150)-th.
  const order = [
    ...Array.from({ length: 150 }, (_, k) => ({ galaxyId: 1, k, minute: k + 1 })),
    ...Array.from({ length: 100 }, (_, k) => ({ galaxyId: 2, k, minute: k < 60 ? 150 + k : null })),
  ];
  await db.boincUser.createMany({
    data: order.flatMap((_, i) => [i + 1, 5001 + i]).map((id) => ({ id, name: `Volunteer ${id}`, createTime: at(-1) })),
  });
  for (const [i, a] of order.entries()) {
    const area = await db.area.create({
      data: {
        galaxyId: a.galaxyId,
        x0: 0,
        y0: 7 * a.k,
        x1: 100,
        y1: 7 * a.k + 7,
        pixelCount: PIXELS,
        firstPixelId: 1000 * (i + 1),
        mask: new Uint8Array(2),
        processedAt: a.minute === null ? null : at(a.minute),
      },
    });
    if (a.minute !== null)
      await db.areaUser.createMany({ data: [i + 1, 5001 + i].map((userId) => ({ areaId: area.id, userId })) });
  }
}

/**
 * Results that arrive late but were processed early (a backfill): NGC 3 with 50 work units
 * processed at minutes −90 … −41, and NGC 2's last 40 at minutes −40 … −1, each credited to
 * volunteers 9001 + k and 9501 + k. 90 work units now come before NGC 1's first.
 */
export async function addEarlyResults(db: Db): Promise<void> {
  const run = await db.run.findUniqueOrThrow({ where: { name: "default" } });
  await db.galaxy.create({
    data: {
      ...{ id: 3, runId: run.id, name: "NGC 3", ra: 30, dec: -5, redshift: 0.01, width: 100, height: 100 },
      ...{ pixelScale: 1, wcs: "{}", status: "processed", areaCount: 50, areasProcessed: 50 },
      ...{ pixelCount: 50 * PIXELS, pixelsProcessed: 50 * PIXELS },
    },
  });
  await db.galaxy.update({
    where: { id: 2 },
    data: { status: "processed", areasProcessed: 100, pixelsProcessed: 100 * PIXELS },
  });
  await db.boincUser.createMany({
    data: Array.from({ length: 90 }, (_, k) => [9001 + k, 9501 + k])
      .flat()
      .map((id) => ({ id, name: `Volunteer ${id}`, createTime: at(-100) })),
  });
  const late = await db.area.findMany({ where: { galaxyId: 2, processedAt: null }, orderBy: { id: "asc" } });
  for (let k = 0; k < 90; k++) {
    const minute = -90 + k;
    const area =
      k < 50
        ? await db.area.create({
            data: {
              ...{ galaxyId: 3, x0: 0, y0: 7 * k, x1: 100, y1: 7 * k + 7, pixelCount: PIXELS },
              ...{ firstPixelId: 1_000_000 + k, mask: new Uint8Array(2), processedAt: at(minute) },
            },
          })
        : await db.area.update({ where: { id: late[k - 50].id }, data: { processedAt: at(minute) } });
    await db.areaUser.createMany({ data: [9001 + k, 9501 + k].map((userId) => ({ areaId: area.id, userId })) });
  }
}
