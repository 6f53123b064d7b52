/**
 * A volunteer's computers, from the `host` rows of the statistics import. BOINC's export names a
 * host's owner only when the owner shows their computers (`show_hosts`), so a host with this user
 * id is one its owner chose to show; everyone else's list is empty.
 */
import type { Db } from "@/lib/db/client";
import { decayRac } from "./rac";

export interface VolunteerComputer {
  id: number;
  cpu: string;
  cores: number;
  os: string;
  /** the host's estimated speed in GFLOPS: cores × BOINC's per-core Whetstone benchmark */
  gflops: number;
  totalCredit: number;
  /** RAC now, credits a day */
  rac: number;
  lastContact: Date | null;
}

/** At most this many, the most productive first (a farm can hold hundreds). */
const LISTED = 50;

export async function volunteerComputers(db: Db, userId: number, nowMs: number): Promise<VolunteerComputer[]> {
  const hosts = await db.host.findMany({
    where: { userId },
    orderBy: [{ expavgCredit: "desc" }, { id: "asc" }],
    take: LISTED,
  });
  return hosts.map((h) => ({
    id: h.id,
    cpu: [h.cpuVendor, h.cpuModel].filter(Boolean).join(" ") || "unknown CPU",
    cores: h.cpuCount,
    os: [h.osName, h.osVersion].filter(Boolean).join(" ") || "unknown OS",
    gflops: (h.cpuCount * h.pFpops) / 1e9,
    totalCredit: h.totalCredit,
    rac: decayRac(h.expavgCredit, h.expavgTime, nowMs / 1000),
    lastContact: h.rpcTime,
  }));
}
