// The galaxy the /about page draws its pictures from: the survey's own, so the explanations show
// what the portal shows. A spiral with many fitted pixels shows bulge, arms and dust best.
import { db } from "@/lib/db/client";

/** Among this many galaxies with the most fitted pixels, a spiral is preferred. */
const CANDIDATES = 12;
const SPIRAL = /^S(A|B|AB)?(a|ab|b|bc|c|cd|d|m)\b/;

/** The galaxy to illustrate the science with, or null while the survey has none. */
export async function getShowcaseGalaxyId(): Promise<number | null> {
  const fitted = await db().galaxy.findMany({
    where: { pixelsProcessed: { gt: 0 } },
    orderBy: [{ pixelsProcessed: "desc" }, { id: "asc" }],
    take: CANDIDATES,
    select: { id: true, hubbleType: true },
  });
  const chosen = fitted.find((g) => SPIRAL.test(g.hubbleType)) ?? fitted[0];
  if (chosen) return chosen.id;
  // No results yet: a registered galaxy still has its filter composites.
  const first = await db().galaxy.findFirst({ orderBy: { id: "asc" }, select: { id: true } });
  return first?.id ?? null;
}
