export {
  archiveGalaxy,
  archiveRefusal,
  processedGalaxies,
  ArchiveRefusedError,
  type ArchiveOptions,
  type ArchiveResult,
} from "./archive-galaxy";
export { archiveFileName, archiveRelativePath, removeStaleArchives, ARCHIVES_DIR } from "./archive-paths";
export { OUTPUT_FORMAT, PIXELS_MAX_X_Y_BLOCK } from "./archive-layout";
