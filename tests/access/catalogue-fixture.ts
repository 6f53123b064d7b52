// A catalogue for the search tests: named galaxies, and many more scattered over the sky with
// extra crowds at RA 0/360 and around both poles, where cone searches go wrong most easily.
import type { Db } from "@/lib/db/client";
import { seededRandom } from "@/lib/testing/seeded-random";

export type Placed = {
  id: number;
  name: string;
  ra: number;
  dec: number;
  redshift: number;
  status: string;
  hubbleType: string;
};

const NAMED = [
  { name: "NGC 4073", ra: 180.99, dec: 2.23, redshift: 0.0196, status: "archived", hubbleType: "E" },
  { name: "UGC 5479", ra: 152.1, dec: 25.3, redshift: 0.0421, status: "computing", hubbleType: "SBbc" },
  { name: "NGC 309", ra: 14.18, dec: -9.91, redshift: 0.0189, status: "processed", hubbleType: "SABc" },
  { name: "PGC 1068443", ra: 359.98, dec: 0.02, redshift: 0.0891, status: "registered", hubbleType: "Sb" },
  { name: "IC 5_x%", ra: 0.01, dec: 89.99, redshift: 0.002, status: "registered", hubbleType: "S0" },
];

export async function placeGalaxies(db: Db, scattered: number): Promise<Placed[]> {
  const run = await db.run.findUniqueOrThrow({ where: { name: "default" } });
  const random = seededRandom(42);
  const rows = NAMED.map((g) => ({ ...g }));
  for (let i = 0; i < scattered; i++) {
    const crowd = i % 4; // 0: anywhere, 1: RA 0/360, 2: north pole, 3: south pole
    const ra = crowd === 1 ? (360 + (random() - 0.5) * 2) % 360 : random() * 360;
    const dec =
      crowd === 2
        ? 90 - random() * 1.5
        : crowd === 3
          ? -90 + random() * 1.5
          : Math.asin(2 * random() - 1) * (180 / Math.PI);
    rows.push({
      name: `SYN ${i}`,
      ra,
      dec,
      redshift: random() * 0.12,
      status: "registered",
      hubbleType: i % 2 ? "Sc" : "E3",
    });
  }
  const wcs = JSON.stringify({
    ctype: ["RA---TAN", "DEC--TAN"],
    crpix: [1, 1],
    crval: [0, 0],
    cd: [
      [-1e-4, 0],
      [0, 1e-4],
    ],
  });
  for (let i = 0; i < rows.length; i += 500)
    await db.galaxy.createMany({
      data: rows.slice(i, i + 500).map((r) => ({ ...r, runId: run.id, width: 10, height: 10, pixelScale: 0.36, wcs })),
    });
  const ids = await db.galaxy.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } });
  const byName = new Map(ids.map((g) => [g.name, g.id]));
  return rows.map((r) => ({ ...r, id: byName.get(r.name)! }));
}
