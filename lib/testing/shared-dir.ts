// Real files made by others (FITS of real galaxies, MAGPHYS output, BOINC exports) live beside the
// clone in `../shared` on CI and developers' machines; a user's fresh clone has none, so the tests
// that use them run only when it is there.
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/project-root";

export const SHARED_DIR = path.resolve(PROJECT_ROOT, "..", "shared");
