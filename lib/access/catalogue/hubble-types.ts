// The Hubble types in the catalogue, for the search form's suggestions (kept a minute per process).
import { db } from "@/lib/db/client";

let cached: { at: number; types: string[] } | null = null;

export async function listHubbleTypes(): Promise<string[]> {
  if (cached && Date.now() - cached.at < 60_000) return cached.types;
  const rows = await db().galaxy.findMany({
    where: { hubbleType: { not: "" } },
    distinct: ["hubbleType"],
    select: { hubbleType: true },
    orderBy: { hubbleType: "asc" },
    take: 500,
  });
  cached = { at: Date.now(), types: rows.map((r) => r.hubbleType) };
  return cached.types;
}
