/**
 * Progress of an import for a person watching: a bar (share of the file read, records, records/s)
 * on a terminal, a plain line every few seconds otherwise (logs, pipes, cron mail).
 */
import cliProgress from "cli-progress";
import type { StatsImportProgress } from "./types";

export interface ProgressDisplay {
  update(progress: StatsImportProgress): void;
  stop(): void;
}

export interface ProgressDisplayOptions {
  stream?: NodeJS.WriteStream;
  /** Seconds between plain lines (default 5). */
  interval?: number;
  now?: () => number;
}

const count = (n: number) => n.toLocaleString("en-US");

export function progressDisplay(options: ProgressDisplayOptions = {}): ProgressDisplay {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  let phase: StatsImportProgress["phase"] | null = null;
  let phaseStart = 0;
  const rate = (records: number) => {
    const seconds = (now() - phaseStart) / 1000;
    return seconds > 0 ? Math.round(records / seconds) : 0;
  };
  const startPhase = (p: StatsImportProgress) => {
    phase = p.phase;
    phaseStart = now();
  };

  if (stream.isTTY) {
    let bar: cliProgress.SingleBar | null = null;
    return {
      update(p) {
        if (p.phase !== phase) {
          bar?.stop();
          startPhase(p);
          bar = new cliProgress.SingleBar(
            {
              format: `${p.phase.padEnd(5)} [{bar}] {percentage}% | {records} records | {rate} records/s`,
              stream,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total ?? 0, 0, { records: "0", rate: "0" });
        }
        bar!.update(p.total === undefined ? 0 : Math.min(p.done, p.total), {
          records: count(p.records),
          rate: count(rate(p.records)),
        });
      },
      stop: () => bar?.stop(),
    };
  }

  const interval = (options.interval ?? 5) * 1000;
  let lastLine = 0;
  return {
    update(p) {
      if (p.phase !== phase) {
        startPhase(p);
        lastLine = now();
        return;
      }
      if (now() - lastLine < interval) return;
      lastLine = now();
      const done = p.phase === "rebuild" ? "written" : "read";
      const share = p.total ? ` (${Math.min(100, Math.floor((100 * p.done) / p.total))}% ${done})` : "";
      stream.write(`${p.phase}: ${count(p.records)} records, ${count(rate(p.records))} records/s${share}\n`);
    },
    stop() {},
  };
}
