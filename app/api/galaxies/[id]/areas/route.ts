// Work-unit rectangles over the maps: one volunteer's (?user=<BOINC id>), all processed ones
// (no user), or every area with when it was processed (?progress=1), a page at a time: each page
// gives `next`, the `after` of the page that follows (null on the last).
import { badRequest } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { getAreaProgressPage } from "@/lib/maps/service/area-progress";
import { getVolunteerAreas } from "@/lib/maps/service/areas";
import { resolveContext } from "@/lib/maps/service/context";
import { revalidatedJson } from "@/lib/maps/service/http";
import { AreasQuery, GalaxyParams, noSuchGalaxy, noSuchUser } from "@/lib/maps/service/route-input";

export const GET = apiRoute({ params: GalaxyParams, query: AreasQuery }, async ({ params: { id }, query, request }) => {
  if (query.progress) {
    const page = await getAreaProgressPage(resolveContext(), id, query.after);
    if (page === "bad-cursor") badRequest(`after: galaxy ${id} has no area ${query.after}`);
    return revalidatedJson(request, page ?? noSuchGalaxy(id));
  }
  const result = await getVolunteerAreas(resolveContext(), id, query.user ?? null);
  if (result.kind === "galaxy-not-found") noSuchGalaxy(id);
  if (result.kind === "user-not-found") noSuchUser(result.userId);
  return revalidatedJson(request, result.areas);
});
