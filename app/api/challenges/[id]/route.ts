// A challenge's standings, top contributors and race as JSON.
import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { idParam } from "@/lib/api/params";
import { challengeJson } from "@/lib/credit/challenges/challenge-json";
import { getChallengeDetail } from "@/lib/credit/challenges/queries";

export const GET = apiRoute({ params: z.object({ id: idParam("challenge") }) }, async ({ params: { id } }) => {
  const challenge = (await getChallengeDetail(id)) ?? notFound(`no challenge with id ${id}`);
  return challengeJson(challenge);
});
