// The Open Graph card of a galaxy page (1200×630): composite, name and progress.
import { apiRoute } from "@/lib/api/handler";
import { resolveContext } from "@/lib/maps/service/context";
import { pngResponse } from "@/lib/maps/service/http";
import { GalaxyParams, noSuchGalaxy } from "@/lib/maps/service/route-input";
import { openGraphImage } from "@/lib/maps/service/share-images";

export const GET = apiRoute({ params: GalaxyParams }, async ({ params: { id }, request }) => {
  const result = await openGraphImage(resolveContext(), id);
  return result.kind === "ok" ? pngResponse(request, result.image) : noSuchGalaxy(id);
});
