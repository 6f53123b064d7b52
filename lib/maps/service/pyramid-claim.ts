/**
 * One build of each pyramid across every process sharing the database and DATA_DIR: cluster
 * workers, separate servers on other machines (DATA_DIR on a shared file system) and the CLI.
 * The build is claimed through the database (`lib/db/claim.ts`, kind "pyramid", keyed by the
 * pyramid's path under DATA_DIR); the loser does not build. Because a pyramid is merged into
 * place with its `.dzi` last, whoever takes a claim after a finished build sees the `.dzi` and
 * stops, so a pyramid is built again only when it is missing or asked for (`force`).
 */
import path from "node:path";
import { tryClaimWork, waitForRelease } from "@/lib/db/claim";
import type { MapsContext } from "./context";

export type PyramidBuildOutcome = "built" | "present" | "busy";

export interface PyramidBuildOnce {
  /** Whether the pyramid is complete on disk (its `.dzi` is there). */
  exists: () => Promise<boolean>;
  /** Builds it; `signal` aborts when the claim was lost. */
  build: (signal: AbortSignal) => Promise<void>;
  /** Build even if present (after waiting for any build in progress). */
  force?: boolean;
  /** When another process builds it: wait for that build (true) or return "busy" at once (false). */
  wait: boolean;
}

/** The claim key of the pyramid `name` in `dir`: its path under DATA_DIR, the same on every machine. */
export function pyramidClaimKey(ctx: MapsContext, dir: string, name: string): string {
  return path.relative(ctx.dataDir, path.join(dir, name)).split(path.sep).join("/");
}

export async function buildPyramidOnce(
  ctx: MapsContext,
  dir: string,
  name: string,
  { exists, build, force = false, wait }: PyramidBuildOnce,
): Promise<PyramidBuildOutcome> {
  const key = pyramidClaimKey(ctx, dir, name);
  for (;;) {
    const claim = await tryClaimWork(ctx.db, "pyramid", key);
    if (claim) {
      try {
        // Checked under the claim: another process may have finished it a moment ago.
        if (!force && (await exists())) return "present";
        await build(claim.signal);
        return "built";
      } finally {
        await claim.release();
      }
    }
    if (!wait) return "busy";
    await waitForRelease(ctx.db, "pyramid", key);
    if (!force && (await exists())) return "present";
  }
}
