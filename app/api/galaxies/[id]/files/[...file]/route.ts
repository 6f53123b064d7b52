// A galaxy's files for download (HDF5 archive, parameter maps, layers) with ranges and ETags, and
// SHA256SUMS listing them all; names as /galaxies/<id>/data lists them.
import { z } from "zod";
import { fileResponse } from "@/lib/access/http/file-response";
import { allFiles, listGalaxyFiles, sha256Sums } from "@/lib/access/files/galaxy-files";
import { notFound } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { idParam } from "@/lib/api/params";
import { resolveContext } from "@/lib/maps/service/context";
import { noSuchGalaxy } from "@/lib/maps/service/route-input";

const FileParams = z.object({ id: idParam("galaxy"), file: z.array(z.string()) });

export const GET = apiRoute({ params: FileParams }, async ({ params: { id, file }, request }) => {
  const files = (await listGalaxyFiles(resolveContext(), id)) ?? noSuchGalaxy(id);
  const name = file.join("/");
  if (name === "SHA256SUMS")
    return new Response(request.method === "HEAD" ? null : sha256Sums(files), {
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" },
    });
  const entries = allFiles(files);
  const entry = entries.find((f) => f.name === name);
  return entry
    ? fileResponse(request, entry)
    : notFound(
        `galaxy ${id} has no file ${name}; its files are ${[...entries.map((f) => f.name), "SHA256SUMS"].join(", ")}`,
      );
});

export const HEAD = GET;
