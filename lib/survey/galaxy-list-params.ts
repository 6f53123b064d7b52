// The galaxy list's URL parameters, validated: bad values fall back to defaults on pages and
// become 400s in the API (which uses the same schema with safeParse).
import { z } from "zod";
import { GALAXY_SORTS, type GalaxyListQuery } from "./queries";
import { GALAXY_STATUSES } from "./status";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const GalaxyListParams = z.object({
  page: z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000).default(1)),
  pageSize: z.preprocess(first, z.coerce.number().int().min(1).max(500).default(50)),
  sort: z.preprocess(first, z.enum(GALAXY_SORTS).default("name")),
  dir: z.preprocess(first, z.enum(["asc", "desc"]).default("asc")),
  status: z.preprocess(first, z.enum(GALAXY_STATUSES).optional()),
  q: z.preprocess(first, z.string().trim().max(100).optional()),
});

/** Lenient parse for pages: each bad field falls back to its default. */
export function galaxyListQueryFrom(params: Record<string, string | string[] | undefined>): GalaxyListQuery {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(GalaxyListParams.shape)) {
    const parsed = (schema as z.ZodType).safeParse(params[key]);
    out[key] = parsed.success ? parsed.data : (schema as z.ZodType).safeParse(undefined).data;
  }
  const q = out.q as string | undefined;
  return { ...(out as GalaxyListQuery), q: q ? q : undefined };
}
