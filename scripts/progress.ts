// A progress bar on a terminal, periodic plain lines otherwise (CI logs, pipes).
import cliProgress from "cli-progress";

export type Progress = { update(done: number, detail?: string): void; stop(): void };

export function progress(label: string, total: number, unit = "items"): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {detail}`,
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { detail: "" });
    return { update: (done, detail = "") => bar.update(done, { detail }), stop: () => bar.stop() };
  }
  let last = 0;
  return {
    update(done, detail = "") {
      const now = Date.now();
      if (now - last < 2000 && done < total) return;
      last = now;
      console.error(`${label}: ${done}/${total} ${unit}${detail ? ` (${detail})` : ""}`);
    },
    stop() {},
  };
}
