// "Your areas": the composite with one volunteer's rectangles highlighted, to share.
import { notFound } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { resolveContext } from "@/lib/maps/service/context";
import { pngResponse } from "@/lib/maps/service/http";
import { AreasImageQuery, GalaxyParams, noSuchGalaxy, noSuchUser } from "@/lib/maps/service/route-input";
import { areasImage } from "@/lib/maps/service/share-images";

export const GET = apiRoute(
  { params: GalaxyParams, query: AreasImageQuery },
  async ({ params: { id }, query: { user, image, width }, request }) => {
    const result = await areasImage(resolveContext(), id, { userId: user, imageNumber: image, width });
    if (result.kind === "galaxy-not-found") noSuchGalaxy(id);
    if (result.kind === "user-not-found") noSuchUser(result.userId);
    if (result.kind === "no-composite") notFound(`galaxy ${id} has no composite image ${result.imageNumber}`);
    return pngResponse(request, result.image);
  },
);
