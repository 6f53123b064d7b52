export { deleteResults, galaxiesDueForDeletion, reclaimSpace } from "./delete-results";
export { LifecycleRefusedError } from "./lifecycle-error";
export { archivedGalaxies, storeArchive } from "./store-archive";
export { verifyStoredArchives } from "./verify-store";
export { claimedStep, GalaxySkippedError } from "./claimed-step";
