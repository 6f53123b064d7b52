/**
 * Validation of the maps routes' inputs (zod at the edge): the galaxy id of the path and the
 * query parameters, with messages that say what was expected.
 */
import { z } from "zod";
import { parseId } from "@/lib/route-params";

export type RouteContext = { params: Promise<{ id: string }> };

export async function galaxyIdOf(context: RouteContext): Promise<number | null> {
  return parseId((await context.params).id);
}

const intParam = (name: string, max: number) =>
  z
    .string({ error: `${name} is required` })
    .regex(/^\d{1,9}$/, `${name} must be a non-negative integer`)
    .transform(Number)
    .refine((n) => n <= max, `${name} must be at most ${max}`);

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === null || v === "" ? undefined : v), schema.optional());

export const PixelQuery = z.object({ x: intParam("x", 65535), y: intParam("y", 65535) });

export const AreasQuery = z.object({
  user: optional(intParam("user", 2_147_483_647)),
  progress: optional(z.enum(["1", "true", "0", "false"], { error: "progress must be 1 or 0" })),
});

export const AreasImageQuery = z.object({
  user: intParam("user", 2_147_483_647),
  image: optional(z.enum(["1", "2", "3", "4"], { error: "image must be 1, 2, 3 or 4" }).transform(Number)),
  width: optional(intParam("width", 65535).refine((n) => n >= 16, "width must be at least 16")),
});

export const ThumbnailQuery = z.object({
  size: optional(intParam("size", 1024).refine((n) => n >= 16, "size must be at least 16")),
});

/** The named query parameters of a request (absent ones as null), for `safeParse`. */
export function queryOf(request: Request, names: readonly string[]): Record<string, string | null> {
  const params = new URL(request.url).searchParams;
  return Object.fromEntries(names.map((n) => [n, params.get(n)]));
}

export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? issue.message : "invalid query";
}
