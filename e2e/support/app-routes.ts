// The routes of the app/ folder as URL patterns, read from the files themselves, so a scan of
// "every page and API route" covers routes added after it was written.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/project-root";

export type AppRoute = {
  /** e.g. "/galaxies/[id]/images/og.png" */
  pattern: string;
  kind: "page" | "handler";
  /** the dynamic segments' names with the folder before each, e.g. [["galaxies", "id"]] */
  params: { after: string; name: string; catchAll: boolean }[];
  regex: RegExp;
};

const APP = path.join(PROJECT_ROOT, "app");

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

const answersGet = (file: string) =>
  /export\s+(const|async\s+function|function)\s+GET\b|export\s*\{[^}]*\bas\s+GET\b/.test(readFileSync(file, "utf8"));

export function appRoutes(): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const file of files(APP)) {
    const base = path.basename(file);
    const kind = /^page\.(tsx|ts|jsx|js)$/.test(base) ? "page" : /^route\.(ts|js)$/.test(base) ? "handler" : null;
    if (!kind || (kind === "handler" && !answersGet(file))) continue;
    // Route groups "(auth)" and parallel slots "@x" are not part of the URL.
    const segments = path
      .relative(APP, path.dirname(file))
      .split(path.sep)
      .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
    const params = segments.flatMap((s, i) => {
      const m = /^\[(\.\.\.)?([^\]]+)\]$/.exec(s);
      return m ? [{ after: segments[i - 1] ?? "", name: m[2], catchAll: !!m[1] }] : [];
    });
    const regex = new RegExp(
      `^/${segments
        .map((s) => (/^\[\.\.\./.test(s) ? ".+" : /^\[/.test(s) ? "[^/]+" : s.replace(/[.*+?^${}()|\\]/g, "\\$&")))
        .join("/")}$`,
    );
    routes.push({ pattern: `/${segments.join("/")}`, kind, params, regex });
  }
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}
