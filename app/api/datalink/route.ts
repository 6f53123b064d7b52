// DataLink {links} (IVOA DataLink 1.1): a galaxy's archive, maps, layers, previews and its SODA
// cutout service, for every ID asked (repeatable).
import { z } from "zod";
import { ivoaRoute, upperCaseParams } from "@/lib/access/http/ivoa-route";
import { publicOrigin } from "@/lib/access/http/public-origin";
import { UsageError } from "@/lib/access/http/usage-error";
import { DATALINK_CONTENT_TYPE, datalinkDocument } from "@/lib/access/datalink/datalink-document";
import { resolveContext } from "@/lib/maps/service/context";

const DatalinkQuery = z.preprocess(upperCaseParams, z.record(z.string(), z.array(z.string())));
const VOTABLE_FORMATS = new Set(["votable", "application/x-votable+xml", DATALINK_CONTENT_TYPE, "text/xml"]);

const handler = ivoaRoute({ query: DatalinkQuery }, async ({ query, request }) => {
  const format = query.RESPONSEFORMAT ?? [];
  if (format.length > 1) throw new UsageError("MultiValuedParamNotSupported: RESPONSEFORMAT was given more than once");
  if (format.length && !VOTABLE_FORMATS.has(format[0].replace(/\s+/g, "")))
    throw new UsageError(
      `Format transformation not available: RESPONSEFORMAT ${format[0]}; DataLink answers ${DATALINK_CONTENT_TYPE}`,
    );
  const ids = (query.ID ?? []).map((id) => id.trim()).filter(Boolean);
  if (ids.length > 100) throw new UsageError(`at most 100 IDs in one request, got ${ids.length}`);
  const body = await datalinkDocument(resolveContext(), ids, publicOrigin(request.headers, request.url));
  return new Response(body, { headers: { "Content-Type": DATALINK_CONTENT_TYPE, "Cache-Control": "no-store" } });
});

export const GET = handler;
export const POST = handler;
