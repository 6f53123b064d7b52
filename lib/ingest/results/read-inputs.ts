// Reading .fit files and their sidecars from disk for the ingest CLI. A sidecar is a JSON file
// beside the .fit (`<file>.json` or `<file without .fit>.json`) naming who computed it:
//   { "users": [12, {"id": 34, "name": "Ann"}], "workunit_id": 6201624, "received_at": "2026-11-20T10:00:00Z" }
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { FitInput } from "./types";

const Sidecar = z.object({
  users: z
    .array(
      z.union([
        z.number().int().positive(),
        z.object({ id: z.number().int().positive(), name: z.string().optional() }),
      ]),
    )
    .min(1),
  workunit_id: z.number().int().nonnegative().optional(),
  received_at: z.iso.datetime({ offset: true }).optional(),
});

/** Every .fit file named, directories searched recursively, in a stable order. */
export function expandFitPaths(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (!existsSync(p)) throw new Error(`${p}: no such file or directory`);
    if (statSync(p).isDirectory())
      for (const entry of readdirSync(p).sort()) {
        const child = path.join(p, entry);
        if (statSync(child).isDirectory() || entry.endsWith(".fit")) walk(child);
      }
    else out.push(p);
  };
  paths.forEach(walk);
  return out;
}

export type CommandLineCredit = { users?: number[]; workunitId?: number };

export function readFitInput(file: string, fallback: CommandLineCredit): FitInput {
  const sidecarPath = [`${file}.json`, file.replace(/\.fit$/, ".json")].find((p) => p !== file && existsSync(p));
  let users = (fallback.users ?? []).map((id) => ({ id }));
  let workunitId = fallback.workunitId;
  let receivedAt: Date | undefined;
  if (sidecarPath) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(sidecarPath, "utf8"));
    } catch (e) {
      throw new Error(`${sidecarPath}: not valid JSON (${(e as Error).message})`);
    }
    const parsed = Sidecar.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${sidecarPath}: ${issue.path.join(".") || "sidecar"}: ${issue.message}`);
    }
    users = parsed.data.users.map((u) => (typeof u === "number" ? { id: u } : u));
    workunitId = parsed.data.workunit_id ?? workunitId;
    receivedAt = parsed.data.received_at ? new Date(parsed.data.received_at) : undefined;
  }
  return { fileName: file, text: readFileSync(file, "latin1"), users, workunitId, receivedAt };
}
