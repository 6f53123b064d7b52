// npm run ingest -- <file.fit|dir>… [--users 12,34] [--workunit N]
// Stores MAGPHYS results; credits the users named in each file's sidecar JSON (or --users).
import { parseArgs } from "node:util";
import { settings } from "@/lib/config";
import { db } from "@/lib/db/client";
import { expandFitPaths, ingestFits, readFitInput } from "@/lib/ingest/results";
import { makeParameterMapFiles } from "@/lib/access/files/parameter-map-files";
import { buildGalaxyMaps } from "@/lib/maps/service/build-maps";
import { runCli } from "./cli";
import { progress } from "./progress";

const USAGE = "usage: npm run ingest -- <file.fit|directory>… [--users <id,id>] [--workunit <id>]";

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { users: { type: "string" }, workunit: { type: "string" } },
  });
  if (!positionals.length) throw new Error(USAGE);
  const users = values.users?.split(",").map((s) => {
    if (!/^\d+$/.test(s.trim())) throw new Error(`--users: "${s}" is not a BOINC user id`);
    return Number(s);
  });
  const workunitId = values.workunit === undefined ? undefined : Number(values.workunit);
  if (workunitId !== undefined && !Number.isInteger(workunitId))
    throw new Error(`--workunit: "${values.workunit}" is not an integer`);
  settings();
  const files = expandFitPaths(positionals);
  if (!files.length) throw new Error("no .fit file found");

  const started = performance.now();
  const bar = progress("Ingesting", files.length, "files");
  const totals = { stored: 0, unchanged: 0, refused: 0, pixels: 0 };
  const changedGalaxies = new Set<number>();
  const refusals: string[] = [];
  const CHUNK = 200;
  for (let i = 0; i < files.length; i += CHUNK) {
    const inputs = files.slice(i, i + CHUNK).map((f) => readFitInput(f, { users, workunitId }));
    const report = await ingestFits(db(), inputs);
    totals.stored += report.stored;
    totals.unchanged += report.unchanged;
    totals.refused += report.refused;
    totals.pixels += report.pixels;
    for (const o of report.outcomes) if (o.status === "refused") refusals.push(o.reason);
    for (const id of report.galaxies.keys()) changedGalaxies.add(id);
    bar.update(Math.min(i + CHUNK, files.length), `${totals.pixels} pixels`);
  }
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  for (const r of refusals) console.error(`refused: ${r}`);
  // New results, new version: build the galaxies' map pyramids and parameter map files now rather
  // than on first view.
  if (changedGalaxies.size) {
    const maps = progress("Building map tiles and files", changedGalaxies.size, "galaxies");
    const ctx = { db: db(), dataDir: settings().dataDir };
    let built = 0;
    for (const id of changedGalaxies) {
      await buildGalaxyMaps(id, ctx);
      await makeParameterMapFiles(ctx, id);
      maps.update(++built);
    }
    maps.stop();
  }
  console.log(
    `${totals.stored} stored, ${totals.unchanged} unchanged, ${totals.refused} refused; ${totals.pixels} pixels in ${seconds.toFixed(1)} s (${Math.round(totals.pixels / seconds)} pixels/s)`,
  );
  await db().$disconnect();
  if (totals.refused) process.exit(1);
});
