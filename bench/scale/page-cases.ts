// What each page reads, through the same functions the pages call (app/**/page.tsx and the
// server components they render), against the process's database (DATABASE_URL): one case a page
// and variant, each taking the sample number so ids vary from one read to the next.
import { parseCatalogueSearch } from "@/lib/access/catalogue/catalogue-params";
import { searchCatalogue } from "@/lib/access/catalogue/catalogue-search";
import { listHubbleTypes } from "@/lib/access/catalogue/hubble-types";
import { getGalaxyDataPage } from "@/lib/access/files/data-page";
import { getChallengeDetail, getRunningChallenges, listChallenges } from "@/lib/credit/challenges/queries";
import { leaderboardQueryFrom } from "@/lib/credit/leaderboard-params";
import { getLeaderboard } from "@/lib/credit/leaderboards";
import { getMilestoneFeed, listMilestones } from "@/lib/credit/milestones/queries";
import { getTopTeams, getTopUsers } from "@/lib/credit/queries";
import { getTeam, getTeamDetails } from "@/lib/credit/team-page";
import { teamDirectoryQueryFrom } from "@/lib/credit/team-list-params";
import { getTeamDirectory } from "@/lib/credit/teams-directory";
import { getTrophyList, getTrophyPage } from "@/lib/credit/trophies/pages";
import { getVolunteerPage } from "@/lib/credit/volunteer-page";
import { db } from "@/lib/db/client";
import { Rng } from "@/lib/demo/random";
import { getVolunteerAreas } from "@/lib/maps/service/areas";
import { resolveContext } from "@/lib/maps/service/context";
import { getGalaxyMaps } from "@/lib/maps/service/maps-info";
import { getProjectStats } from "@/lib/stats/queries";
import { galaxyListQueryFrom } from "@/lib/survey/galaxy-list-params";
import { inspectPixel } from "@/lib/survey/pixel-inspection";
import * as survey from "@/lib/survey/queries";
import type { BuiltSurvey } from "./build-survey";

export type ReadCase = { name: string; read: (i: number) => Promise<unknown> };

/** The galaxy page: the galaxy, its maps, area summary, latest areas, top contributors (and `?user=`). */
async function galaxyPage(id: number, user?: number) {
  const galaxy = await survey.getGalaxy(id);
  if (!galaxy) throw new Error(`no galaxy ${id}`);
  return Promise.all([
    getGalaxyMaps(resolveContext(), id),
    survey.getGalaxyAreaSummary(id),
    survey.getGalaxyAreas(id, 20),
    survey.getTopContributors(id),
    user === undefined ? null : getVolunteerAreas(resolveContext(), id, user),
  ]);
}

export async function pageCases(built: BuiltSurvey): Promise<ReadCase[]> {
  const r = Rng.fromSeed("scale-bench-pages");
  const ids = (n: number) => Array.from({ length: 500 }, () => 1 + r.int(0, n));
  const [galaxyIds, userIds, teamIds] = [
    ids(built.counts.galaxies),
    ids(built.counts.volunteers),
    ids(built.counts.teams),
  ];
  const { typical, large } = built.galaxies;
  const contributorOf = async (id: number) => (await survey.getTopContributors(id, 1))[0]?.userId ?? 1;
  const [typicalUser, largeUser] = [await contributorOf(typical), await contributorOf(large)];
  const typicalGalaxy = (await survey.getGalaxy(typical))!;
  const trophies = (await getTrophyList()).flatMap((g) => g.trophies);
  const usersBoard = (by: string, page: number) => leaderboardQueryFrom({ kind: "users", by, page: String(page) });
  const deepUsers = String(Math.ceil(built.counts.volunteers / 100));
  return [
    {
      name: "/ (home)",
      read: () =>
        Promise.all([
          survey.getSurveyTotals(),
          survey.getRecentlyProcessedGalaxies(),
          getTopUsers(8),
          getTopTeams(8),
          getRunningChallenges(),
          getMilestoneFeed(),
        ]),
    },
    { name: "/galaxies", read: () => survey.listGalaxies(galaxyListQueryFrom({})) },
    {
      name: "/galaxies?sort=progress&page=40",
      read: () => survey.listGalaxies(galaxyListQueryFrom({ sort: "progress", dir: "desc", page: "40" })),
    },
    { name: "/galaxies?q=NGC", read: () => survey.listGalaxies(galaxyListQueryFrom({ q: "NGC" })) },
    { name: "/galaxies/[id] (random galaxies)", read: (i) => galaxyPage(galaxyIds[i]) },
    { name: "/galaxies/[id] (typical, with results)", read: () => galaxyPage(typical) },
    { name: "/galaxies/[id] (1532², with results)", read: () => galaxyPage(large) },
    { name: "/galaxies/[id]?user= (typical)", read: () => galaxyPage(typical, typicalUser) },
    { name: "/galaxies/[id]?user= (1532²)", read: () => galaxyPage(large, largeUser) },
    { name: "/galaxies/[id]/data", read: (i) => getGalaxyDataPage(galaxyIds[i]) },
    {
      name: "/galaxies/[id]/pixels/[xy]",
      read: (i) =>
        inspectPixel(
          db(),
          typical,
          Math.floor(typicalGalaxy.width / 2) + (i % 5),
          Math.floor(typicalGalaxy.height / 2),
        ),
    },
    { name: "/users/[id]", read: (i) => getVolunteerPage(userIds[i], 1) },
    {
      name: "/teams/[id]",
      read: async (i) => {
        const team = await getTeam(teamIds[i]);
        return team && getTeamDetails(team, { by: "credit", page: 1 });
      },
    },
    { name: "/teams", read: () => getTeamDirectory(teamDirectoryQueryFrom({})) },
    { name: "/teams?q=the", read: () => getTeamDirectory(teamDirectoryQueryFrom({ q: "the" })) },
    { name: "/leaderboards (volunteers by credit)", read: () => getLeaderboard(usersBoard("credit", 1)) },
    {
      name: `/leaderboards (volunteers by RAC, page ${deepUsers})`,
      read: () => getLeaderboard(usersBoard("rac", Number(deepUsers))),
    },
    {
      name: "/leaderboards (teams by RAC)",
      read: () => getLeaderboard(leaderboardQueryFrom({ kind: "teams", by: "rac" })),
    },
    { name: "/leaderboards (countries)", read: () => getLeaderboard(leaderboardQueryFrom({ kind: "countries" })) },
    { name: "/challenges", read: () => listChallenges() },
    { name: "/challenges/[id] (1,000 teams)", read: () => getChallengeDetail(built.challengeId) },
    { name: "/stats", read: () => getProjectStats() },
    { name: "/data (first page)", read: () => Promise.all([catalogue({}), listHubbleTypes()]) },
    {
      name: "/data (cone 5°, redshift ≤ 0.03)",
      read: () => catalogue({ ra: "150", dec: "20", radius: "300", zmax: "0.03" }),
    },
    { name: "/trophies", read: () => getTrophyList() },
    { name: "/trophies/[id]", read: (i) => getTrophyPage(trophies[i % trophies.length].id, 1) },
    { name: "/milestones", read: () => listMilestones({ page: 1 }) },
  ];
}

function catalogue(params: Record<string, string>) {
  const parsed = parseCatalogueSearch(params);
  if (!parsed.ok) throw new Error(parsed.message);
  return searchCatalogue(parsed.query);
}
