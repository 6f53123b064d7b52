// The newest imported statistics export: the time every stored credit value is "as of".
import type { Db } from "@/lib/db/client";

export async function newestExportTime(db: Db): Promise<Date | null> {
  const newest = await db.statsExport.findFirst({ orderBy: { exportTime: "desc" }, select: { exportTime: true } });
  return newest?.exportTime ?? null;
}
