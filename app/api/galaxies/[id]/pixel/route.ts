// The value readout under the pointer: pixel, RA/Dec, and the stored statistics of the four maps.
import { badRequest } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { resolveContext } from "@/lib/maps/service/context";
import { noStoreJson } from "@/lib/maps/service/http";
import { getPixelReadout } from "@/lib/maps/service/pixel-readout";
import { GalaxyParams, noSuchGalaxy, PixelQuery } from "@/lib/maps/service/route-input";

export const GET = apiRoute(
  { params: GalaxyParams, query: PixelQuery },
  async ({ params: { id }, query: { x, y } }) => {
    const result = await getPixelReadout(resolveContext(), id, x, y);
    if (result.kind === "galaxy-not-found") noSuchGalaxy(id);
    if (result.kind === "outside")
      badRequest(`pixel (${x}, ${y}) is outside the ${result.width}×${result.height} image`);
    return noStoreJson(result.readout);
  },
);
