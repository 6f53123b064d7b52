/**
 * The catalogue's URL parameters, validated with zod: the same schema makes the API answer 400
 * and the /data page show the message next to the form. Positions take degrees or sexagesimal;
 * the cone radius is in arcminutes.
 */
import { z } from "zod";
import { parseDec, parseRa, type Parsed } from "@/lib/access/sky/coordinates";
import { GALAXY_STATUSES } from "@/lib/survey/status";
import { CATALOGUE_SORTS, MAX_CONE_RADIUS_ARCMIN, MAX_PAGE_SIZE, type CatalogueQuery } from "./catalogue-types";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

function numberParam(name: string, min: number, max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine((v) => /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v), `${name} must be a number`)
      .transform(Number)
      .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`)
      .optional(),
  );
}

function positionParam(parse: (raw: string) => Parsed) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((raw, ctx) => {
        const parsed = parse(raw);
        if (parsed.ok) return parsed.degrees;
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      })
      .optional(),
  );
}

function intParam(name: string, min: number, max: number, fallback: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,9}$/, `${name} must be a whole number`)
      .transform(Number)
      .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`)
      .default(fallback),
  );
}

export const CatalogueParams = z
  .object({
    q: z.preprocess(blankToUndefined, z.string().trim().max(100, "q (name) is at most 100 characters").optional()),
    type: z.preprocess(blankToUndefined, z.string().trim().max(20, "type is at most 20 characters").optional()),
    zmin: numberParam("zmin", 0, 10),
    zmax: numberParam("zmax", 0, 10),
    status: z.preprocess(
      blankToUndefined,
      z.enum(GALAXY_STATUSES, { error: `status must be one of ${GALAXY_STATUSES.join(", ")}` }).optional(),
    ),
    ra: positionParam(parseRa),
    dec: positionParam(parseDec),
    radius: numberParam("radius (arcmin)", 0, MAX_CONE_RADIUS_ARCMIN),
    sort: z.preprocess(
      blankToUndefined,
      z.enum(CATALOGUE_SORTS, { error: `sort must be one of ${CATALOGUE_SORTS.join(", ")}` }).optional(),
    ),
    dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("asc")),
    page: intParam("page", 1, 1_000_000, 1),
    pageSize: intParam("pageSize", 1, MAX_PAGE_SIZE, 50),
  })
  .superRefine((p, ctx) => {
    const given = [p.ra, p.dec, p.radius].filter((v) => v !== undefined).length;
    if (given > 0 && given < 3)
      ctx.addIssue({ code: "custom", message: "a cone needs ra, dec and radius (arcmin) together" });
    if (p.radius === 0) ctx.addIssue({ code: "custom", message: "radius (arcmin) must be more than 0" });
    if (p.zmin !== undefined && p.zmax !== undefined && p.zmin > p.zmax)
      ctx.addIssue({ code: "custom", message: `zmin ${p.zmin} is above zmax ${p.zmax}` });
    if (p.sort === "distance" && given < 3)
      ctx.addIssue({ code: "custom", message: "sort=distance needs a cone (ra, dec, radius)" });
  })
  .transform((p): CatalogueQuery => ({
    name: p.q,
    hubbleType: p.type,
    zMin: p.zmin,
    zMax: p.zmax,
    status: p.status,
    cone:
      p.ra !== undefined && p.dec !== undefined && p.radius !== undefined
        ? { ra: p.ra, dec: p.dec, radiusArcmin: p.radius }
        : undefined,
    sort: p.sort ?? (p.ra !== undefined ? "distance" : "name"),
    dir: p.dir,
    page: p.page,
    pageSize: p.pageSize,
  }));

/** A page's search params (first value of each) parsed: the query, or the message to show. */
export function parseCatalogueSearch(
  params: Record<string, string | string[] | undefined>,
): { ok: true; query: CatalogueQuery } | { ok: false; message: string } {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = CatalogueParams.safeParse(flat);
  return parsed.success
    ? { ok: true, query: parsed.data }
    : { ok: false, message: parsed.error.issues[0]?.message ?? "invalid search" };
}

/** The search as URL parameters (positions in degrees), for links to pages and exports. */
export function catalogueSearchParams(query: CatalogueQuery, extra: Record<string, string> = {}): URLSearchParams {
  const out = new URLSearchParams();
  if (query.name) out.set("q", query.name);
  if (query.hubbleType) out.set("type", query.hubbleType);
  if (query.zMin !== undefined) out.set("zmin", String(query.zMin));
  if (query.zMax !== undefined) out.set("zmax", String(query.zMax));
  if (query.status) out.set("status", query.status);
  if (query.cone) {
    out.set("ra", String(query.cone.ra));
    out.set("dec", String(query.cone.dec));
    out.set("radius", String(query.cone.radiusArcmin));
  }
  if (query.sort !== (query.cone ? "distance" : "name")) out.set("sort", query.sort);
  if (query.dir !== "asc") out.set("dir", query.dir);
  for (const [k, v] of Object.entries(extra)) out.set(k, v);
  return out;
}
