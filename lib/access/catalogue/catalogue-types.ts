// What a catalogue search is and returns, shared by the query, the exports and the pages.
import type { GalaxyStatus } from "@/lib/survey/status";

export const CATALOGUE_SORTS = ["name", "ra", "dec", "redshift", "status", "distance"] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];

/** 30°: a cone wider than this is better served by the RA/Dec-free filters or the whole export. */
export const MAX_CONE_RADIUS_ARCMIN = 1800;
export const MAX_PAGE_SIZE = 500;
/** Rows in one CSV or VOTable export; the VOTable says OVERFLOW beyond it, the CSV a header. */
export const EXPORT_ROW_CAP = 100_000;

export interface CatalogueQuery {
  /** part of the name; case and spaces ignored ("ngc309" finds "NGC 309") */
  name?: string;
  /** start of the Hubble type, case-sensitive ("SB" finds barred spirals, "Sb" Sb and Sbc) */
  hubbleType?: string;
  zMin?: number;
  zMax?: number;
  status?: GalaxyStatus;
  cone?: { ra: number; dec: number; radiusArcmin: number };
  sort: CatalogueSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
}

export interface CatalogueRow {
  id: number;
  name: string;
  ra: number;
  dec: number;
  redshift: number;
  hubbleType: string;
  status: string;
  /** when the galaxy reached its status, ISO 8601 UTC */
  statusTime: string;
  width: number;
  height: number;
  /** arcsec per pixel */
  pixelScale: number;
  pixelCount: number;
  pixelsProcessed: number;
  archiveSize: number | null;
  /** from the cone's centre, when the search has a cone */
  distanceArcmin?: number;
}

export interface CataloguePage {
  total: number;
  rows: CatalogueRow[];
  pageCount: number;
}
