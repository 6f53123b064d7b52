// What a galaxy's data page shows, read in one place: its files (with sizes and sha256) and what
// the subset form and the snippet need.
import { galaxyDid } from "@/lib/access/datalink/galaxy-did";
import { resolveContext } from "@/lib/maps/service/context";
import { listGalaxyFiles } from "./galaxy-files";

export async function getGalaxyDataPage(galaxyId: number) {
  const files = await listGalaxyFiles(resolveContext(), galaxyId);
  if (!files) return null;
  const g = files.galaxy;
  return { files, did: galaxyDid(g.id) };
}
