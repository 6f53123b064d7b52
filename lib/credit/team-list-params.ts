// The /teams directory's URL parameters, parsed leniently (a bad value falls back to its default).
import { z } from "zod";
import { TEAM_ORDERS, type TeamOrder } from "./team-list";

export const TEAMS_PER_PAGE = 50;

export interface TeamDirectoryQuery {
  sort: TeamOrder;
  page: number;
  q?: string;
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const Sort = z.preprocess(first, z.enum(TEAM_ORDERS));
const Page = z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000));
const Text = z.preprocess(first, z.string().trim().min(1).max(100));

export function teamDirectoryQueryFrom(params: Record<string, string | string[] | undefined>): TeamDirectoryQuery {
  const sort = Sort.safeParse(params.sort);
  const page = Page.safeParse(params.page);
  const q = Text.safeParse(params.q);
  return {
    sort: sort.success ? sort.data : "credit",
    page: page.success ? page.data : 1,
    q: q.success ? q.data : undefined,
  };
}

export function teamDirectoryHref(query: TeamDirectoryQuery): string {
  const params = new URLSearchParams();
  if (query.sort !== "credit") params.set("sort", query.sort);
  if (query.q) params.set("q", query.q);
  if (query.page > 1) params.set("page", String(query.page));
  const s = params.toString();
  return s ? `/teams?${s}` : "/teams";
}
