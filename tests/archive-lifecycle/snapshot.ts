// Everything the portal answers about a galaxy's per-pixel results, gathered the way visitors get
// it (route handlers where they exist), so a galaxy can be compared with itself before and after
// its rows are deleted from the database.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GET as sodaGET } from "@/app/api/soda/sync/route";
import { galaxyDid } from "@/lib/access/datalink/galaxy-did";
import type { Db } from "@/lib/db/client";
import { getAreaProgress, getVolunteerAreas } from "@/lib/maps/service/areas";
import { createOnDemandTiles } from "@/lib/maps/service/on-demand";
import { getPixelReadout } from "@/lib/maps/service/pixel-readout";
import { readResultGrids } from "@/lib/maps/service/result-grids";
import { sharedState } from "@/lib/maps/service/shared-state";
import { galaxyTilesDir, parseTileUrl } from "@/lib/maps/service/tile-paths";
import { inspectPixel } from "@/lib/survey/pixel-inspection";
import { call } from "@/tests/access/fixtures";

export type Snapshot = Record<string, unknown>;

const SYSTEM_PYTHON = "/usr/bin/python3";

/** Every dataset's bytes (sha256) and every attribute but the status ones, of an HDF5 file. */
function hdf5Contents(file: string): unknown {
  const script = `
import h5py, hashlib, json, sys, numpy as np
out = {}
def visit(name, obj):
    attrs = {k: repr(v) for k, v in obj.attrs.items() if not k.startswith("status")}
    if isinstance(obj, h5py.Dataset):
        out[name] = [list(obj.shape), str(obj.dtype), hashlib.sha256(np.ascontiguousarray(obj[()]).tobytes()).hexdigest(), attrs]
    else:
        out[name] = attrs
with h5py.File(sys.argv[1]) as f:
    out["/"] = {k: repr(v) for k, v in f.attrs.items()}
    f.visititems(visit)
print(json.dumps(out, sort_keys=True))`;
  return JSON.parse(execFileSync(SYSTEM_PYTHON, ["-c", script, file], { encoding: "utf8" }));
}

async function soda(galaxyId: number, query: string): Promise<Uint8Array> {
  const r = await call(sodaGET, `/api/soda/sync?ID=${encodeURIComponent(galaxyDid(galaxyId))}&${query}`);
  if (r.status !== 200) throw new Error(`SODA ${query}: ${r.status} ${await r.text()}`);
  return new Uint8Array(await r.arrayBuffer());
}

export async function snapshot(db: Db, dataDir: string, galaxyId: number): Promise<Snapshot> {
  const ctx = { db, dataDir };
  const g = await db.galaxy.findUniqueOrThrow({ where: { id: galaxyId } });
  const out: Snapshot = {};
  const readouts = [];
  const inspections = [];
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++) {
      readouts.push(await getPixelReadout(ctx, galaxyId, x, y));
      if ((x + y) % 5 === 0) inspections.push(await inspectPixel(db, galaxyId, x, y));
    }
  out.readouts = readouts;
  out.inspections = inspections;
  out.rectangles = [await getVolunteerAreas(ctx, galaxyId, null), await getVolunteerAreas(ctx, galaxyId, 5)];
  out.progress = await getAreaProgress(ctx, galaxyId);

  // Whole-galaxy grids, then tiles rendered from them with no tile on disk and nothing in memory.
  sharedState().rasters.clear();
  const grids = (await readResultGrids(ctx, galaxyId))!;
  out.grids = Object.fromEntries(
    Object.entries(grids.values).map(([k, v]) => [
      k,
      Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64"),
    ]),
  );
  rmSync(galaxyTilesDir(dataDir, galaxyId), { recursive: true, force: true });
  sharedState().rasters.clear();
  const tiles = createOnDemandTiles(ctx, { backgroundBuilds: false });
  const tileBytes: Record<string, string> = {};
  const level = Math.ceil(Math.log2(Math.max(g.width, g.height)));
  for (const key of ["m", "sfr", "mu", "ldust"]) {
    const url = `/tiles/${galaxyId}/v${g.resultsVersion}/${key}_files/${level}/0_0.png`;
    const body = await tiles.render(parseTileUrl(url)!);
    if (!body) throw new Error(`no tile ${url}`);
    tileBytes[key] = body.body.toString("base64");
  }
  out.tiles = tileBytes;

  const w = Math.min(g.width, 30),
    h = Math.min(g.height, 28);
  out.fits = Buffer.from(
    await soda(
      galaxyId,
      `PIXELS=[2:${w},3:${h}]&PARAM=mu,m,ldust,sfr,tauv,s_sfr,mdust&STAT=percentile_16&STAT=best_fit`,
    ),
  ).toString("base64");
  out.fitsAll = Buffer.from(await soda(galaxyId, "")).toString("base64");
  const h5 = path.join(dataDir, `snapshot-${Date.now()}.h5`);
  writeFileSync(h5, await soda(galaxyId, `PIXELS=[1:${w},2:${h}]&PARAM=m&PARAM=sfr&RESPONSEFORMAT=application/x-hdf5`));
  out.hdf5 = hdf5Contents(h5);
  rmSync(h5);
  return out;
}
