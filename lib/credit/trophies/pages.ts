// Reads of the trophy pages, on the process's database.
import { db as processDb, type Db } from "@/lib/db/client";
import { getTrophy, listTrophies, trophyHolders } from "./queries";

const KIND_TITLES: Record<string, string> = {
  credit: "Total credit",
  rac: "Recent average credit",
  galaxies: "Galaxies",
  membership_days: "Time with BOINC",
  rank: "Leaderboard position",
  rac_percentile: "Top volunteers by RAC",
  custom: "Special",
};

/** The trophies grouped by kind, in display order. */
export async function getTrophyList(db: Db = processDb()) {
  const trophies = await listTrophies(db);
  const groups: { kind: string; title: string; trophies: typeof trophies }[] = [];
  for (const t of trophies) {
    let group = groups.find((g) => g.kind === t.kind);
    if (!group) groups.push((group = { kind: t.kind, title: KIND_TITLES[t.kind] ?? t.kind, trophies: [] }));
    group.trophies.push(t);
  }
  return groups;
}

export async function getTrophyPage(id: number, page: number, db: Db = processDb()) {
  const trophy = await getTrophy(db, id);
  return trophy ? { trophy, ...(await trophyHolders(db, id, page)) } : null;
}
