// Work-unit rectangles over the maps: one volunteer's (?user=<BOINC id>), all processed ones
// (no user), or every area with when it was processed (?progress=1).
import { getAreaProgress, getVolunteerAreas } from "@/lib/maps/service/areas";
import { resolveContext } from "@/lib/maps/service/context";
import { badRequest, notFound, revalidatedJson } from "@/lib/maps/service/http";
import { AreasQuery, firstIssue, galaxyIdOf, queryOf, type RouteContext } from "@/lib/maps/service/route-input";

export async function GET(request: Request, context: RouteContext): Promise<Response> {
  const id = await galaxyIdOf(context);
  if (id === null) return notFound(`no galaxy with id ${(await context.params).id}`);
  const query = AreasQuery.safeParse(queryOf(request, ["user", "progress"]));
  if (!query.success) return badRequest(firstIssue(query.error));
  const { user, progress } = query.data;
  if (progress === "1" || progress === "true") {
    if (user !== undefined) return badRequest("give either user or progress, not both");
    const areas = await getAreaProgress(resolveContext(), id);
    return areas ? revalidatedJson(request, areas) : notFound(`no galaxy with id ${id}`);
  }
  const result = await getVolunteerAreas(resolveContext(), id, user ?? null);
  switch (result.kind) {
    case "galaxy-not-found":
      return notFound(`no galaxy with id ${id}`);
    case "user-not-found":
      return notFound(`no BOINC user with id ${result.userId}`);
    case "ok":
      return revalidatedJson(request, result.areas);
  }
}
