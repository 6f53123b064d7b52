// The galaxy catalogue as JSON (one page), CSV or VOTable (the whole result, up to maxrec or the row cap).
import { z } from "zod";
import { catalogueCsv, catalogueVotable } from "@/lib/access/catalogue/catalogue-export";
import { CatalogueParams } from "@/lib/access/catalogue/catalogue-params";
import { searchCatalogue } from "@/lib/access/catalogue/catalogue-search";
import { EXPORT_ROW_CAP } from "@/lib/access/catalogue/catalogue-types";
import { publicOrigin } from "@/lib/access/http/public-origin";
import { apiRoute } from "@/lib/api/handler";

const CatalogueQuery = z.intersection(
  CatalogueParams,
  z.object({
    format: z.enum(["json", "csv", "votable"], { error: "format must be json, csv or votable" }).default("json"),
    // VO's MAXREC: at most this many rows in a CSV or VOTable (a VOTable says OVERFLOW when cut).
    maxrec: z
      .string()
      .regex(/^\d{1,9}$/, "maxrec must be a whole number")
      .transform(Number)
      .refine((n) => n >= 1 && n <= EXPORT_ROW_CAP, `maxrec must be between 1 and ${EXPORT_ROW_CAP}`)
      .optional(),
  }),
);

export const GET = apiRoute({ query: CatalogueQuery }, async ({ query, request }) => {
  const origin = publicOrigin(request.headers, request.url);
  if (query.format === "json") {
    const page = await searchCatalogue(query);
    return Response.json(
      {
        ...page,
        page: query.page,
        pageSize: query.pageSize,
        rows: page.rows.map((r) => ({ ...r, page: `${origin}/galaxies/${r.id}` })),
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  const { rows, total } = await searchCatalogue({ ...query, page: 1, pageSize: query.maxrec ?? EXPORT_ROW_CAP });
  const rowsOut = { rows, total, withDistance: !!query.cone, origin };
  const headers = {
    "Cache-Control": "no-store",
    "X-Total-Rows": String(total),
    "X-Rows-Truncated": String(total > rows.length),
  };
  if (query.format === "csv")
    return new Response(catalogueCsv(rowsOut), {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="pogs-catalogue.csv"',
      },
    });
  return new Response(catalogueVotable(rowsOut), {
    headers: {
      ...headers,
      "Content-Type": "application/x-votable+xml",
      "Content-Disposition": 'attachment; filename="pogs-catalogue.vot"',
    },
  });
});
