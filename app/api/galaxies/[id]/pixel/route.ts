// The value readout under the pointer: pixel, RA/Dec, and the stored statistics of the four maps.
import { resolveContext } from "@/lib/maps/service/context";
import { badRequest, noStoreJson, notFound } from "@/lib/maps/service/http";
import { getPixelReadout } from "@/lib/maps/service/pixel-readout";
import { firstIssue, galaxyIdOf, PixelQuery, queryOf, type RouteContext } from "@/lib/maps/service/route-input";

export async function GET(request: Request, context: RouteContext): Promise<Response> {
  const id = await galaxyIdOf(context);
  if (id === null) return notFound(`no galaxy with id ${(await context.params).id}`);
  const query = PixelQuery.safeParse(queryOf(request, ["x", "y"]));
  if (!query.success) return badRequest(firstIssue(query.error));
  const result = await getPixelReadout(resolveContext(), id, query.data.x, query.data.y);
  switch (result.kind) {
    case "galaxy-not-found":
      return notFound(`no galaxy with id ${id}`);
    case "outside":
      return badRequest(
        `pixel (${query.data.x}, ${query.data.y}) is outside the ${result.width}×${result.height} image`,
      );
    case "ok":
      return noStoreJson(result.readout);
  }
}
