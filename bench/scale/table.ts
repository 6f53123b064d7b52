// The scale bench's table: one row a page or route, p50 and p95 on each engine, marked where a
// p95 misses the target (pages over HTTP are shown for reference: their target is item 1's).
import type { EngineReport } from "./engine";

// A failed case's figures are NaN, which its JSON report (SCALE_KEEP, bench-results) holds as null.
const cell = (v: number | null | undefined) =>
  (v === undefined || v === null || Number.isNaN(v) ? "—" : v.toFixed(1)).padStart(8);

export function printScaleTable(reports: EngineReport[], targetMs: number): void {
  const names = [...new Set(reports.flatMap((r) => r.rows.map((row) => `${row.kind}\t${row.name}`)))];
  const header = reports.map((r) => `${r.engine.padStart(17)} p50/p95`).join("  ");
  console.log(`\n  ${"kind".padEnd(5)} ${"page or route".padEnd(50)} ${header}`);
  for (const key of names) {
    const [kind, name] = key.split("\t");
    const cells = reports.map((r) => {
      const row = r.rows.find((x) => x.kind === kind && x.name === name);
      const miss = row && kind !== "page" && (row.error || row.p95 > targetMs) ? " ✗" : "  ";
      return `${cell(row?.p50)} ${cell(row?.p95)}${miss}`.padStart(25);
    });
    console.log(`  ${kind.padEnd(5)} ${name.padEnd(50)} ${cells.join("  ")}`);
  }
  for (const r of reports) console.log(`  ${r.engine}: ${r.http}`);
}
