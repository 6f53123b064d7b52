// A small picture of the galaxy for lists (160 px by default, ?size= up to 1024).
import { resolveContext } from "@/lib/maps/service/context";
import { badRequest, notFound, pngResponse } from "@/lib/maps/service/http";
import { firstIssue, galaxyIdOf, queryOf, ThumbnailQuery, type RouteContext } from "@/lib/maps/service/route-input";
import { thumbnailImage } from "@/lib/maps/service/share-images";

export async function GET(request: Request, context: RouteContext): Promise<Response> {
  const id = await galaxyIdOf(context);
  if (id === null) return notFound(`no galaxy with id ${(await context.params).id}`);
  const query = ThumbnailQuery.safeParse(queryOf(request, ["size"]));
  if (!query.success) return badRequest(firstIssue(query.error));
  const result = await thumbnailImage(resolveContext(), id, { size: query.data.size });
  if (result.kind !== "ok") return notFound(`no galaxy with id ${id}`);
  // Thumbnails change only if the galaxy is registered anew: a day fresh.
  return pngResponse(request, result.image, 86_400);
}
