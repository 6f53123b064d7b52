// One address for every page of the app/ folder on the e2e survey (scripts/e2e-server.ts), for the
// accessibility scan (e2e/a11y.spec.ts) and the screenshots (scripts/screenshots.ts). Dynamic
// segments get the survey's most telling example (the galaxy with the most results, the top
// volunteer and team, a running challenge); a page added without an example here fails the scan.
import { readdirSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/project-root";
import { one } from "./e2e-survey";

export type PageUrl = { pattern: string; url: string };

/** The URL patterns of app/'s pages, e.g. "/galaxies/[id]" (route groups left out). */
export function pagePatterns(dir = path.join(PROJECT_ROOT, "app"), prefix = ""): string[] {
  const patterns: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && /^page\.(tsx|ts|jsx|js)$/.test(entry.name)) patterns.push(prefix || "/");
    if (!entry.isDirectory() || entry.name === "api" || entry.name.startsWith("@")) continue;
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    patterns.push(...pagePatterns(path.join(dir, entry.name), prefix + segment));
  }
  return patterns.sort();
}

/** Example values of the dynamic segments, read from the e2e survey's database. */
function examples(): Record<string, string> {
  // The processed galaxy with the largest block of results, and that block's middle pixel.
  const block = one<{ galaxy_id: number; pixel_count: number; xy: Buffer }>(
    `select b.galaxy_id, b.pixel_count, b.xy from pixel_result_block b join galaxy g on g.id = b.galaxy_id
     order by g.status in ('processed', 'archived') desc, b.pixel_count desc, b.area_id limit 1`,
  );
  const middle = Math.floor(block.pixel_count / 2);
  const xy = `${block.xy.readUInt16LE(4 * middle)},${block.xy.readUInt16LE(4 * middle + 2)}`;
  const id = (sql: string) => String(one<{ id: number }>(sql).id);
  return {
    "galaxies/[id]": String(block.galaxy_id),
    "pixels/[xy]": xy,
    "users/[id]": id("select id from boinc_user order by total_credit desc, id limit 1"),
    "teams/[id]": id("select id from team order by total_credit desc, id limit 1"),
    "challenges/[id]": id("select id from challenge order by starts_at desc, id limit 1"),
    "trophies/[id]": id("select trophy_id id from trophy_award group by trophy_id order by count(*) desc limit 1"),
  };
}

/** Every page with an address to visit; throws for a dynamic segment without an example. */
export function everyPageUrl(): PageUrl[] {
  const values = examples();
  return pagePatterns().map((pattern) => {
    const segments = pattern.split("/");
    const url = segments.map((segment, i) => {
      if (!segment.startsWith("[")) return segment;
      const key = `${segments[i - 1]}/${segment}`;
      if (!(key in values)) throw new Error(`no example for ${key}: add one to lib/testing/page-urls.ts`);
      return values[key];
    });
    return { pattern, url: url.join("/") };
  });
}
