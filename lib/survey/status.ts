// The galaxy status lifecycle: registered → computing → processed → archived → stored → deleted.
// Stored: the HDF5 archive is copied to the long-term store and checked. Deleted: its per-pixel
// results are gone from the database and are read from the stored archive (lib/archive-store).
export const GALAXY_STATUSES = ["registered", "computing", "processed", "archived", "stored", "deleted"] as const;
export type GalaxyStatus = (typeof GALAXY_STATUSES)[number];

export const STATUS_LABEL: Record<GalaxyStatus, string> = {
  registered: "Registered",
  computing: "Computing",
  processed: "Processed",
  archived: "Archived",
  stored: "Stored",
  deleted: "Deleted",
};

/** What each status means, for the galaxy page and the catalogue's description. */
export const STATUS_MEANING: Record<GalaxyStatus, string> = {
  registered: "registered, no results yet",
  computing: "work units being processed",
  processed: "every work unit has results",
  archived: "HDF5 archive built",
  stored: "archive copied to the long-term store and checked",
  deleted: "per-pixel results read from the stored archive; the database keeps the areas",
};

/** Statuses whose galaxies have all their results (done, whichever copy holds them). */
export const FINISHED_STATUSES: readonly GalaxyStatus[] = ["processed", "archived", "stored", "deleted"];

export function isGalaxyStatus(value: string): value is GalaxyStatus {
  return (GALAXY_STATUSES as readonly string[]).includes(value);
}

/** Fraction of usable pixels with results, 0..1 (the original Rails site showed it inverted). */
export function progressOf(g: { pixelCount: number; pixelsProcessed: number }): number {
  return g.pixelCount > 0 ? Math.min(1, g.pixelsProcessed / g.pixelCount) : 0;
}
