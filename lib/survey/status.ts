// The galaxy status lifecycle: registered → computing → processed → archived.
export const GALAXY_STATUSES = ["registered", "computing", "processed", "archived"] as const;
export type GalaxyStatus = (typeof GALAXY_STATUSES)[number];

export const STATUS_LABEL: Record<GalaxyStatus, string> = {
  registered: "Registered",
  computing: "Computing",
  processed: "Processed",
  archived: "Archived",
};

export function isGalaxyStatus(value: string): value is GalaxyStatus {
  return (GALAXY_STATUSES as readonly string[]).includes(value);
}

/** Fraction of usable pixels with results, 0..1 (the original Rails site showed it inverted). */
export function progressOf(g: { pixelCount: number; pixelsProcessed: number }): number {
  return g.pixelCount > 0 ? Math.min(1, g.pixelsProcessed / g.pixelCount) : 0;
}
