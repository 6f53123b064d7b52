// A volunteer: credit, RAC, ranks, trophies, contributions and credit history (only what BOINC
// itself publishes for a volunteer hidden from lists).
import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { idParam, optionalParam } from "@/lib/api/params";
import { volunteerJson } from "@/lib/credit/api-json";
import { getVolunteerPage } from "@/lib/credit/volunteer-page";
import { PageParam } from "@/lib/credit/page-param";

export const GET = apiRoute(
  { params: z.object({ id: idParam("volunteer") }), query: z.object({ page: optionalParam(PageParam).default(1) }) },
  async ({ params: { id }, query: { page } }) => {
    const data = (await getVolunteerPage(id, page)) ?? notFound(`no volunteer with id ${id}`);
    return volunteerJson(data);
  },
);
