// SODA sync (IVOA REC-SODA-1.0, PIXELS from the 1.1 draft): a galaxy's subset as FITS or HDF5.
import { z } from "zod";
import { ivoaRoute, upperCaseParams } from "@/lib/access/http/ivoa-route";
import { answerSodaSync } from "@/lib/access/subset/soda-sync";
import { settings } from "@/lib/config";
import { db } from "@/lib/db/client";

const SodaQuery = z.preprocess(upperCaseParams, z.record(z.string(), z.array(z.string())));

const handler = ivoaRoute({ query: SodaQuery }, ({ query, request }) =>
  answerSodaSync(db(), settings().dataDir, query, request),
);

export const GET = handler;
export const POST = handler;
