// npm run bench [-- <case> …]: runs the benchmark cases in bench/ and prints their figures.
// Cases are plain modules exporting `bench: BenchCase`; each measures in the same run whatever it
// compares against, so ratios do not depend on the machine.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { BenchCase, BenchFigure } from "@/bench/types";
import { runCli } from "./cli";

await runCli(async () => {
  const dir = path.resolve(import.meta.dirname, "..", "bench");
  const wanted = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort();
  const figures: BenchFigure[] = [];
  for (const file of files) {
    const { bench } = (await import(path.join(dir, file))) as { bench: BenchCase };
    if (wanted.length && !wanted.some((w) => bench.name.includes(w) || file.includes(w))) continue;
    console.log(`\n▶ ${bench.name}`);
    for (const figure of await bench.run()) {
      figures.push(figure);
      console.log(format(figure));
    }
  }
  console.log("\nSummary");
  for (const f of figures) console.log(format(f));
});

function format(f: BenchFigure): string {
  const value = Math.abs(f.value) >= 100 ? f.value.toFixed(0) : f.value.toPrecision(3);
  const target = f.target ? `  (target ${f.target}${f.ok === undefined ? "" : f.ok ? ": met" : ": NOT met"})` : "";
  return `  ${f.name.padEnd(58)} ${value.padStart(10)} ${f.unit}${target}${f.note ? `  — ${f.note}` : ""}`;
}
