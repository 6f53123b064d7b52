// The pixel inspector's data: what the volunteers' computers computed for one pixel (statistics and
// histograms of the 16 parameters, the best-fit model, observed and model fluxes, who and when).
import { z } from "zod";
import { badRequest, notFound } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { idParam } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { inspectPixel, noResultMessage, parsePixelPath } from "@/lib/survey/pixel-inspection";

const Params = z.object({
  id: idParam("galaxy"),
  xy: z
    .string()
    .transform(
      (raw, ctx) =>
        parsePixelPath(raw) ?? (ctx.addIssue(`no pixel '${raw}': write it as <x>,<y>, e.g. 12,34`), z.NEVER),
    ),
});

export const GET = apiRoute({ params: Params }, async ({ params: { id, xy } }) => {
  const result = await inspectPixel(db(), id, xy.x, xy.y);
  switch (result.kind) {
    case "galaxy-not-found":
      return notFound(`no galaxy with id ${id}`);
    case "outside":
      return badRequest(`pixel (${xy.x}, ${xy.y}) is outside the ${result.width}×${result.height} image`);
    case "no-result":
      return notFound(noResultMessage(result, xy));
    case "ok":
      // A new ingest can replace the result, so it is never stored (as the readout).
      return Response.json(result.inspection, { headers: { "Cache-Control": "no-store" } });
  }
});
