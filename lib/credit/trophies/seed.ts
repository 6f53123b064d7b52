// The default trophies, added when missing: names are unique and rows already there are left as
// operators set them, so running it again (or two award runs at once) changes nothing.
import type { Db } from "@/lib/db/client";
import { placeholders } from "@/lib/credit/sql";
import { DEFAULT_TROPHIES } from "./catalogue";
import { TROPHY_KINDS } from "./kinds";

export async function ensureDefaultTrophies(db: Db): Promise<number> {
  let added = 0;
  for (const [i, t] of DEFAULT_TROPHIES.entries()) {
    const sortOrder = TROPHY_KINDS.indexOf(t.kind) * 100 + i + 1;
    added += await db.$executeRawUnsafe(
      `INSERT INTO "trophy" ("name", "kind", "threshold", "image", "sort_order") VALUES (${placeholders(db, 5)}) ` +
        `ON CONFLICT ("name") DO NOTHING`,
      t.name,
      t.kind,
      t.threshold,
      t.metal,
      sortOrder,
    );
  }
  return added;
}
