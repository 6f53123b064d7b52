// Shared pieces of the statistics-import tests: temporary folders and the full contents of the
// tables an import touches, to compare a database before and after.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";

const folders: string[] = [];

export function tempFolder(prefix = "pogs-stats-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

export function removeTempFolders(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every row of every table the import writes, read raw (exactly as stored), in a fixed order. */
export async function importedTables(db: Db): Promise<Record<string, unknown[]>> {
  const order: Record<string, string> = {
    team: `"id"`,
    boinc_user: `"id"`,
    stats_export: `"id"`,
    user_credit_snapshot: `"user_id", "time"`,
    team_credit_snapshot: `"team_id", "time"`,
    team_delta: `"id"`,
    host: `"id"`,
    country_total: `"country"`,
  };
  const out: Record<string, unknown[]> = {};
  for (const [table, by] of Object.entries(order))
    out[table] = await db.$queryRawUnsafe(`SELECT * FROM "${table}" ORDER BY ${by}`);
  return out;
}

export async function rowCounts(db: Db): Promise<Record<string, number>> {
  return {
    teams: await db.team.count(),
    users: await db.boincUser.count(),
    exports: await db.statsExport.count(),
    userSnapshots: await db.userCreditSnapshot.count(),
    teamSnapshots: await db.teamCreditSnapshot.count(),
    teamDeltas: await db.teamDelta.count(),
  };
}

export const at = (unixSeconds: number) => new Date(unixSeconds * 1000);
