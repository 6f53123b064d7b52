export { archiveGalaxy, processedGalaxies, ArchiveRefusedError, type ArchiveResult } from "./archive-galaxy";
export { removeStaleArchives } from "./archive-paths";
export { writeHdf5Subset } from "./subset";
export { SubsetRequestError } from "./subset-selection";
