export { archiveGalaxy, processedGalaxies, ArchiveRefusedError, type ArchiveResult } from "./archive-galaxy";
export { removeStaleArchives } from "./archive-paths";
