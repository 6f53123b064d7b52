/**
 * The server's periodic sweep of `DATA_DIR/tiles` (`sweepTiles`): at start and every 5 minutes.
 * Superseded versions are removed here once their grace period has passed, which a build that
 * ran while the grace was still on cannot do itself (the ingest CLI has exited by then).
 */
import type { MapsContext } from "./context";
import { sweepTiles, type SweepReport } from "./versions";

export interface JanitorOptions {
  intervalMs?: number;
  graceMs?: number;
  /** URL prefixes whose files were removed (for in-memory caches of tile responses). */
  onRemoved?: (prefixes: string[]) => void;
  log?: (message: string) => void;
}

export function removedPrefixes(report: SweepReport): string[] {
  return [
    ...report.removedGalaxies.map((id) => `/tiles/${id}/`),
    ...report.removedVersions.map(({ galaxyId, version }) => `/tiles/${galaxyId}/v${version}/`),
  ];
}

export function startTileJanitor(
  ctx: MapsContext,
  options: JanitorOptions = {},
): { stop(): void; sweep(): Promise<void> } {
  const log = options.log ?? ((m: string) => console.error(m));
  let running: Promise<void> | null = null;
  const sweep = (): Promise<void> => {
    running ??= sweepTiles(ctx, { graceMs: options.graceMs })
      .then((report) => {
        const prefixes = removedPrefixes(report);
        if (prefixes.length) options.onRemoved?.(prefixes);
      })
      .catch((error: unknown) => log(`tile sweep failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      });
    return running;
  };
  void sweep();
  const timer = setInterval(() => void sweep(), options.intervalMs ?? 5 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer), sweep };
}
