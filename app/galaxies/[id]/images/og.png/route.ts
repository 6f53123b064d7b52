// The Open Graph card of a galaxy page (1200×630): composite, name and progress.
import { resolveContext } from "@/lib/maps/service/context";
import { notFound, pngResponse } from "@/lib/maps/service/http";
import { galaxyIdOf, type RouteContext } from "@/lib/maps/service/route-input";
import { openGraphImage } from "@/lib/maps/service/share-images";

export async function GET(request: Request, context: RouteContext): Promise<Response> {
  const id = await galaxyIdOf(context);
  if (id === null) return notFound(`no galaxy with id ${(await context.params).id}`);
  const result = await openGraphImage(resolveContext(), id);
  if (result.kind !== "ok") return notFound(`no galaxy with id ${id}`);
  return pngResponse(request, result.image);
}
