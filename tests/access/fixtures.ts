// A small survey for the data-access tests: a demo galaxy registered from its FITS bands (so its
// layer files exist), every work unit ingested from .fit texts and the HDF5 archive built, in a
// temporary database that the route handlers use as the process default.
import { archiveGalaxy, type ArchiveResult } from "@/lib/hdf5";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { registeredProcessedGalaxy, wideGalaxy } from "@/tests/hdf5/fixtures";

export type AccessSurvey = { temp: TempDatabase; galaxyId: number; archive: ArchiveResult; wideId: number | null };

/** `wide`: also a processed 1100 × 14 galaxy elsewhere on the sky (RA 10, Dec 20), not archived. */
export async function createAccessSurvey(options: { wide?: boolean } = {}): Promise<AccessSurvey> {
  const temp = await createTempDatabase({ useAsProcessDefault: true });
  const galaxyId = await registeredProcessedGalaxy(temp.db, temp.dataDir);
  const archive = await archiveGalaxy(temp.db, temp.dataDir, galaxyId);
  const wideId = options.wide ? await wideGalaxy(temp.db, "UGC 5479", 10_000_000) : null;
  return { temp, galaxyId, archive, wideId };
}

/** Calls a route handler as Next does, with the path params it expects. */
export function call<P>(
  handler: (r: Request, c: { params: Promise<P> }) => Promise<Response>,
  url: string,
  params: P = {} as P,
  init?: RequestInit,
): Promise<Response> {
  return handler(new Request(new URL(url, "http://portal.test"), init), { params: Promise.resolve(params) });
}
