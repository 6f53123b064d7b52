/**
 * The events that change what every visitor sees alike, and the cached pages each one makes
 * stale (lib/cache/page-policy.ts says which page carries which tag). They may run in any
 * process (a CLI ingest, an import, a server action); every server sees them within a quarter
 * of a second. `dataDir` is the settings' unless the caller works on another (tests, the demo).
 */
import { settings } from "@/lib/config";
import { bumpTags } from "./tag-versions";

/** Results, status or files of one galaxy changed (an ingest, an archive, a lifecycle step). */
export async function galaxyChanged(galaxyId: number, dataDir = settings().dataDir): Promise<void> {
  bumpTags(dataDir, [`galaxy:${galaxyId}`, "survey"]);
}

/** Volunteers, teams, credit, trophies or challenges changed (a statistics import, an admin). */
export async function creditChanged(dataDir = settings().dataDir): Promise<void> {
  bumpTags(dataDir, ["credit"]);
}

/** A galaxy was registered or removed: the lists, the catalogue and the totals. */
export async function catalogueChanged(dataDir = settings().dataDir): Promise<void> {
  bumpTags(dataDir, ["survey"]);
}
