/**
 * Everything a volunteer's page shows, read in one go. A volunteer hidden from lists gets what
 * BOINC's own show_user RPC publishes about anyone (name, country, join date, total credit, RAC,
 * team) and nothing the portal adds: no rank, trophies, credit history or galaxies.
 */
import { db as processDb, type Db } from "@/lib/db/client";
import { userCreditHistory } from "./history";
import type { CreditPoint } from "./history-series";
import { hiddenUsers } from "./listed";
import { racFromOrder } from "./rac";
import { userTrophies, type AwardedTrophy } from "./trophies/queries";
import { volunteerComputers, type VolunteerComputer } from "./volunteer-computers";
import { volunteerGalaxies, type VolunteerGalaxies } from "./volunteer-galaxies";
import { volunteerStanding, type VolunteerStanding } from "./volunteer-standing";

export interface Volunteer {
  id: number;
  name: string;
  country: string;
  createTime: Date;
  totalCredit: number;
  /** RAC now, credits a day */
  rac: number;
  team: { id: number; name: string } | null;
  hidden: boolean;
}

export interface VolunteerDetails {
  standing: VolunteerStanding;
  trophies: AwardedTrophy[];
  history: CreditPoint[];
  galaxies: VolunteerGalaxies;
  /** empty unless they show their computers (BOINC's show_hosts) */
  computers: VolunteerComputer[];
}

export type VolunteerPage = { volunteer: Volunteer; details: VolunteerDetails | null };

export async function getVolunteerPage(
  id: number,
  galleryPage = 1,
  { db = processDb(), nowMs = Date.now() }: { db?: Db; nowMs?: number } = {},
): Promise<VolunteerPage | null> {
  const [user, hidden] = await Promise.all([
    db.boincUser.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        country: true,
        createTime: true,
        totalCredit: true,
        racOrder: true,
        teamId: true,
        team: { select: { id: true, name: true } },
      },
    }),
    hiddenUsers(db),
  ]);
  if (!user) return null;
  const isHidden = hidden.some((h) => h.id === id);
  const volunteer: Volunteer = {
    id: user.id,
    name: user.name,
    country: user.country,
    createTime: user.createTime,
    totalCredit: user.totalCredit,
    rac: racFromOrder(user.racOrder, nowMs / 1000),
    team: user.team,
    hidden: isHidden,
  };
  if (isHidden) return { volunteer, details: null };
  const [standing, trophies, history, galaxies, computers] = await Promise.all([
    volunteerStanding(db, user, hidden),
    userTrophies(db, id),
    userCreditHistory(db, id),
    volunteerGalaxies(db, id, galleryPage),
    volunteerComputers(db, id, nowMs),
  ]);
  return { volunteer, details: { standing, trophies, history, galaxies, computers } };
}
