// The repository's root folder, for the scripts, tests and benches that find files of the project
// by path (schemas, the CLI, fixtures beside the clone). The running portal never needs it.
import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
