/**
 * What the map service reads from: a database client and the data directory. Callers inside the
 * portal use the process defaults (`db()`, `settings().dataDir`); tests, benches and the CLI may
 * pass their own.
 */
import { settings } from "@/lib/config";
import { db as processDb, type Db } from "@/lib/db/client";

export interface MapsContext {
  db: Db;
  dataDir: string;
}

export function resolveContext(options: Partial<MapsContext> = {}): MapsContext {
  return { db: options.db ?? processDb(), dataDir: options.dataDir ?? settings().dataDir };
}
