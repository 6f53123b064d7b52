// HDF5 subsets: the archive's POGS layout cut to the request, written by lib/hdf5 (its refusals
// become the same 400s as the FITS side's).
import { UsageError } from "@/lib/access/http/usage-error";
import type { Db } from "@/lib/db/client";
import { SubsetRequestError, writeHdf5Subset } from "@/lib/hdf5";
import type { SubsetProgress } from "./fits-subset";
import type { SubsetRequest } from "./subset-request";

export async function writeHdf5SubsetFile(
  db: Db,
  dataDir: string,
  request: SubsetRequest,
  file: string,
  onProgress?: SubsetProgress,
): Promise<void> {
  const { galaxyId, box, parameters, statistics, asked } = request;
  try {
    await writeHdf5Subset(
      db,
      dataDir,
      { galaxyId, box, parameters, statistics, asked },
      file,
      onProgress && ((done, total) => onProgress(total ? done / total : 0)),
    );
  } catch (error) {
    if (error instanceof SubsetRequestError) throw new UsageError(error.message);
    throw error;
  }
}
