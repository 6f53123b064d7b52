// Where the shared real-data fixtures live: beside the repository, `../shared/fixtures`.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { SHARED_DIR } from "@/lib/testing/shared-dir";

export const magphysDir = path.join(SHARED_DIR, "fixtures", "magphys");
export const hasMagphysFixtures = existsSync(magphysDir);

export const FIT_FIXTURE = "PGC1068443c_area244140_0_0.fit";

/** A fixture as text; latin1 so bytes map 1:1 to characters (the files are ASCII). */
export function fixtureText(name: string): string {
  return readFileSync(path.join(magphysDir, name), "latin1");
}
