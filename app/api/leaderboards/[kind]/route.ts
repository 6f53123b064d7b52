// /api/leaderboards/<users|teams|countries>?by=credit|rac&page=&q=&around=: a page of a leaderboard.
import { z } from "zod";
import { badRequest } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { leaderboardJson } from "@/lib/credit/api-json";
import { LEADERBOARD_KINDS, LeaderboardApiQuery, type LeaderboardKind } from "@/lib/credit/leaderboard-params";
import { getLeaderboard } from "@/lib/credit/leaderboards";

// The path segment is any string to Next; anything but the three kinds names no leaderboard (404).
const Params = z.object({
  kind: z
    .string()
    .refine((kind) => (LEADERBOARD_KINDS as readonly string[]).includes(kind), {
      error: (issue) => `no leaderboard ${String(issue.input)}: there are users, teams and countries`,
    })
    .transform((kind) => kind as LeaderboardKind),
});

export const GET = apiRoute({ params: Params, query: LeaderboardApiQuery }, async ({ params: { kind }, query }) => {
  if (query.around !== undefined && kind === "countries") badRequest("around is for users and teams");
  if (query.around !== undefined && query.q) badRequest("give either q or around, not both");
  return leaderboardJson(await getLeaderboard({ kind, ...query }));
});
