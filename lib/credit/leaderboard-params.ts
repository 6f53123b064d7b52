/**
 * The leaderboards' URL parameters, one zod schema for the page (lenient: a bad value falls back
 * to its default) and the JSON API (strict: a bad value is a 400 naming it).
 */
import { z } from "zod";
import { optionalParam } from "@/lib/api/params";

export const LEADERBOARD_KINDS = ["users", "teams", "countries"] as const;
export const LEADERBOARD_ORDERS = ["credit", "rac"] as const;
export type LeaderboardKind = (typeof LEADERBOARD_KINDS)[number];
export type LeaderboardOrder = (typeof LEADERBOARD_ORDERS)[number];

export const LEADERBOARD_PAGE_SIZE = 50;
const MIN_SIZE = 10;
const MAX_SIZE = 100;
const MAX_PAGE = 1_000_000;
const MAX_ID = 2_147_483_647;

export interface LeaderboardQuery {
  kind: LeaderboardKind;
  by: LeaderboardOrder;
  page: number;
  /** rows a page, 10–100 (50 by default) */
  size: number;
  /** name contains (volunteers, teams, countries) */
  q?: string;
  /** the page holding this volunteer or team, which is marked */
  around?: number;
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const LeaderboardOrderParam = z.enum(LEADERBOARD_ORDERS, { error: "by must be credit or rac" });

/** The query of /api/leaderboards/<kind> (the kind is in the path). */
export const LeaderboardApiQuery = z.object({
  by: optionalParam(LeaderboardOrderParam).default("credit"),
  page: optionalParam(
    z
      .string()
      .regex(/^[1-9]\d{0,6}$/, `page must be a whole number from 1 to ${MAX_PAGE}`)
      .transform(Number),
  ).default(1),
  size: optionalParam(
    z
      .string()
      .regex(/^\d{1,3}$/, `size must be a whole number from ${MIN_SIZE} to ${MAX_SIZE}`)
      .transform(Number)
      .refine((n) => n >= MIN_SIZE && n <= MAX_SIZE, `size must be a whole number from ${MIN_SIZE} to ${MAX_SIZE}`),
  ).default(LEADERBOARD_PAGE_SIZE),
  q: optionalParam(z.string().trim().max(100, "q must be at most 100 characters")),
  around: optionalParam(
    z
      .string()
      .regex(/^[1-9]\d{0,9}$/, "around must be a volunteer or team id")
      .transform(Number)
      .refine((n) => n <= MAX_ID, "around must be a volunteer or team id"),
  ),
});

const PageParams = z.object({
  kind: z.preprocess(first, z.enum(LEADERBOARD_KINDS).default("users")),
  by: z.preprocess(first, LeaderboardOrderParam.default("credit")),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE).default(1)),
  size: z.preprocess(first, z.coerce.number().int().min(MIN_SIZE).max(MAX_SIZE).default(LEADERBOARD_PAGE_SIZE)),
  q: z.preprocess(first, z.string().trim().max(100).optional()),
  around: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_ID).optional()),
});

/** Lenient parse for the page: each bad field falls back to its default. */
export function leaderboardQueryFrom(params: Record<string, string | string[] | undefined>): LeaderboardQuery {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(PageParams.shape)) {
    const parsed = (schema as z.ZodType).safeParse(params[key]);
    out[key] = parsed.success ? parsed.data : (schema as z.ZodType).safeParse(undefined).data;
  }
  const query = out as unknown as LeaderboardQuery;
  return { ...query, q: query.q ? query.q : undefined };
}

/** The page's own URL for a query (defaults left out, so links stay short and cacheable). */
export function leaderboardHref(query: LeaderboardQuery): string {
  const params = new URLSearchParams();
  if (query.kind !== "users") params.set("kind", query.kind);
  if (query.by !== "credit") params.set("by", query.by);
  if (query.size !== LEADERBOARD_PAGE_SIZE) params.set("size", String(query.size));
  if (query.q) params.set("q", query.q);
  if (query.around !== undefined) params.set("around", String(query.around));
  else if (query.page > 1) params.set("page", String(query.page));
  const s = params.toString();
  return s ? `/leaderboards?${s}` : "/leaderboards";
}
