// Every trophy with its rule, metal and how many listed volunteers hold it.
import { apiRoute } from "@/lib/api/handler";
import { trophiesJson } from "@/lib/credit/api-json";
import { listTrophies } from "@/lib/credit/trophies/queries";
import { db } from "@/lib/db/client";

export const GET = apiRoute({}, async () => trophiesJson(await listTrophies(db())));
