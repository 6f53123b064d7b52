// The viewer's description of a galaxy's maps and their tile sources (polled while computing).
import { apiRoute } from "@/lib/api/handler";
import { resolveContext } from "@/lib/maps/service/context";
import { noStoreJson } from "@/lib/maps/service/http";
import { getGalaxyMaps } from "@/lib/maps/service/maps-info";
import { GalaxyParams, noSuchGalaxy } from "@/lib/maps/service/route-input";

export const GET = apiRoute({ params: GalaxyParams }, async ({ params: { id } }) =>
  noStoreJson((await getGalaxyMaps(resolveContext(), id)) ?? noSuchGalaxy(id)),
);
