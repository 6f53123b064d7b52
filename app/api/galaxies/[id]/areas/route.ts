// Work-unit rectangles over the maps: one volunteer's (?user=<BOINC id>), all processed ones
// (no user), or every area with when it was processed (?progress=1).
import { apiRoute } from "@/lib/api/handler";
import { getAreaProgress, getVolunteerAreas } from "@/lib/maps/service/areas";
import { resolveContext } from "@/lib/maps/service/context";
import { revalidatedJson } from "@/lib/maps/service/http";
import { AreasQuery, GalaxyParams, noSuchGalaxy, noSuchUser } from "@/lib/maps/service/route-input";

export const GET = apiRoute({ params: GalaxyParams, query: AreasQuery }, async ({ params: { id }, query, request }) => {
  if (query.progress) {
    const progress = await getAreaProgress(resolveContext(), id);
    return revalidatedJson(request, progress ?? noSuchGalaxy(id));
  }
  const result = await getVolunteerAreas(resolveContext(), id, query.user ?? null);
  if (result.kind === "galaxy-not-found") noSuchGalaxy(id);
  if (result.kind === "user-not-found") noSuchUser(result.userId);
  return revalidatedJson(request, result.areas);
});
