// A team: its details, ranks, credit history and a page of its listed members (?sort=credit|rac&page=).
import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { idParam, optionalParam } from "@/lib/api/params";
import { teamJson } from "@/lib/credit/api-json";
import { PageParam } from "@/lib/credit/page-param";
import { getTeam, getTeamDetails } from "@/lib/credit/team-page";

const Query = z.object({
  sort: optionalParam(z.enum(["credit", "rac"], { error: "sort must be credit or rac" })).default("credit"),
  page: optionalParam(PageParam).default(1),
});

export const GET = apiRoute(
  { params: z.object({ id: idParam("team") }), query: Query },
  async ({ params: { id }, query }) => {
    const team = (await getTeam(id)) ?? notFound(`no team with id ${id}`);
    return teamJson(team, await getTeamDetails(team, { by: query.sort, page: query.page }));
  },
);
