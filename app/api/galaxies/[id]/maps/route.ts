// The viewer's description of a galaxy's maps and their tile sources (polled while computing).
import { resolveContext } from "@/lib/maps/service/context";
import { noStoreJson, notFound } from "@/lib/maps/service/http";
import { getGalaxyMaps } from "@/lib/maps/service/maps-info";
import { galaxyIdOf, type RouteContext } from "@/lib/maps/service/route-input";

export async function GET(_request: Request, context: RouteContext): Promise<Response> {
  const id = await galaxyIdOf(context);
  const maps = id === null ? null : await getGalaxyMaps(resolveContext(), id);
  if (!maps) return notFound(`no galaxy with id ${(await context.params).id}`);
  return noStoreJson(maps);
}
