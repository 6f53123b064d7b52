// A small picture of the galaxy for lists (160 px by default, ?size= up to 1024).
import { apiRoute } from "@/lib/api/handler";
import { resolveContext } from "@/lib/maps/service/context";
import { pngResponse } from "@/lib/maps/service/http";
import { GalaxyParams, noSuchGalaxy, ThumbnailQuery } from "@/lib/maps/service/route-input";
import { thumbnailImage } from "@/lib/maps/service/share-images";

// Thumbnails change only if the galaxy is registered anew: a day fresh.
const THUMBNAIL_MAX_AGE_SECONDS = 86_400;

export const GET = apiRoute(
  { params: GalaxyParams, query: ThumbnailQuery },
  async ({ params: { id }, query: { size }, request }) => {
    const result = await thumbnailImage(resolveContext(), id, { size });
    return result.kind === "ok" ? pngResponse(request, result.image, THUMBNAIL_MAX_AGE_SECONDS) : noSuchGalaxy(id);
  },
);
