// "Your areas": the composite with one volunteer's rectangles highlighted, to share.
import { resolveContext } from "@/lib/maps/service/context";
import { badRequest, notFound, pngResponse } from "@/lib/maps/service/http";
import { AreasImageQuery, firstIssue, galaxyIdOf, queryOf, type RouteContext } from "@/lib/maps/service/route-input";
import { areasImage } from "@/lib/maps/service/share-images";

export async function GET(request: Request, context: RouteContext): Promise<Response> {
  const id = await galaxyIdOf(context);
  if (id === null) return notFound(`no galaxy with id ${(await context.params).id}`);
  const query = AreasImageQuery.safeParse(queryOf(request, ["user", "image", "width"]));
  if (!query.success) return badRequest(firstIssue(query.error));
  const { user, image, width } = query.data;
  const result = await areasImage(resolveContext(), id, { userId: user, imageNumber: image, width });
  switch (result.kind) {
    case "galaxy-not-found":
      return notFound(`no galaxy with id ${id}`);
    case "user-not-found":
      return notFound(`no BOINC user with id ${result.userId}`);
    case "no-composite":
      return notFound(`galaxy ${id} has no composite image ${result.imageNumber}`);
    case "ok":
      return pngResponse(request, result.image);
  }
}
