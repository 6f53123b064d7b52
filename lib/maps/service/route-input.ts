/**
 * The inputs of the maps routes (zod at the edge, parsed by `apiRoute`): the galaxy id of the
 * path and the query parameters, with messages that say what was expected.
 */
import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { idParam, intParam, optionalParam } from "@/lib/api/params";

export const GalaxyParams = z.object({ id: idParam("galaxy") });

export function noSuchGalaxy(id: number): never {
  return notFound(`no galaxy with id ${id}`);
}

export function noSuchUser(userId: number): never {
  return notFound(`no BOINC user with id ${userId}`);
}

const MAX_USER_ID = 2_147_483_647;
const MAX_AREA_ID = 2_147_483_647;

export const PixelQuery = z.object({ x: intParam("x", 65535), y: intParam("y", 65535) });

export const AreasQuery = z
  .object({
    user: optionalParam(intParam("user", MAX_USER_ID)),
    progress: optionalParam(
      z
        .enum(["1", "true", "0", "false"], { error: "progress must be 1 or 0" })
        .transform((v) => v === "1" || v === "true"),
    ),
    /** the progress overlay's next page: the `next` of the page before (lib/maps/service/area-progress.ts) */
    after: optionalParam(intParam("after", MAX_AREA_ID)),
  })
  .refine((q) => !(q.progress && q.user !== undefined), "give either user or progress, not both")
  .refine((q) => q.after === undefined || q.progress, "after pages the progress overlay: give it with progress=1");

export const AreasImageQuery = z.object({
  user: intParam("user", MAX_USER_ID),
  image: optionalParam(z.enum(["1", "2", "3", "4"], { error: "image must be 1, 2, 3 or 4" }).transform(Number)),
  width: optionalParam(intParam("width", 65535).refine((n) => n >= 16, "width must be at least 16")),
});

export const ThumbnailQuery = z.object({
  size: optionalParam(intParam("size", 1024).refine((n) => n >= 16, "size must be at least 16")),
});
