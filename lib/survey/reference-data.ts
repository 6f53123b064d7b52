// Rows every database needs before anything is registered: the POGS filters and a default run.
import { FILTERS } from "./filters";
import type { Db } from "@/lib/db/client";

export const DEFAULT_RUN = {
  name: "default",
  description: "Default run: every POGS filter, cobblestone factor 10 credits per pixel",
  cobblestoneFactor: 10,
};

export async function ensureReferenceData(db: Db): Promise<void> {
  await db.$transaction([
    ...FILTERS.map((f) => db.filter.upsert({ where: { id: f.id }, create: f, update: f })),
    db.run.upsert({ where: { name: DEFAULT_RUN.name }, create: DEFAULT_RUN, update: {} }),
  ]);
  const run = await db.run.findUniqueOrThrow({ where: { name: DEFAULT_RUN.name } });
  const linked = new Set((await db.runFilter.findMany({ where: { runId: run.id } })).map((r) => r.filterId));
  const missing = FILTERS.filter((f) => !linked.has(f.id));
  if (missing.length) await db.runFilter.createMany({ data: missing.map((f) => ({ runId: run.id, filterId: f.id })) });
}
