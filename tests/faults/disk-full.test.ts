// A full disk while a tile, an archive or a job's result is written: a 503 with a message (a failed
// job saying so, the archive command's error), no file at the final path and no temporary left;
// once there is room again the same request works.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as jobGET } from "@/app/api/jobs/[id]/route";
import { POST as listPOST } from "@/app/api/jobs/route";
import { claimNextJob } from "@/lib/access/jobs/job-claim";
import { jobDir } from "@/lib/access/jobs/job-paths";
import { runJob } from "@/lib/access/jobs/run-job";
import { DISK_FULL_MESSAGE, isDiskFull } from "@/lib/api/errors";
import { archiveGalaxy } from "@/lib/hdf5";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { call } from "@/tests/access/fixtures";
import { wideGalaxy } from "@/tests/hdf5/fixtures";
import { createResultsGalaxy, rampValues, storeResults } from "@/tests/maps-service/fixtures";
import { startTileTestServer } from "@/tests/maps-service/test-server";
import { mountTinyDisk, type TinyDisk } from "./tiny-disk";

/** Every file under `dir` but the filler. */
const filesUnder = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f !== "filler") : [];

describe("a full disk", () => {
  let temp: TempDatabase;
  let disk: TinyDisk;
  beforeAll(async () => {
    // The database stays on the ordinary disk: it is the files that find no room.
    temp = await createTempDatabase({ useAsProcessDefault: true });
    disk = mountTinyDisk();
  });
  afterAll(async () => {
    disk?.unmount();
    await temp?.cleanup();
  });

  it("answers a tile it cannot store with a 503 saying so, and the tile once there is room", async () => {
    const made = await createResultsGalaxy(temp.db, {
      name: "Full disk tiles",
      width: 1024,
      height: 64,
      areaWidth: 64,
    });
    await storeResults(temp.db, made.galaxy.id, made.areas, rampValues(1024, 64));
    const server = await startTileTestServer({ db: temp.db, dataDir: disk.dir }, { backgroundBuilds: false });
    const url = `${server.url}/tiles/${made.galaxy.id}/v1/mu_files/10/0_0.png`;
    try {
      disk.fill();
      const full = await fetch(url);
      expect(full.status).toBe(503);
      expect(full.headers.get("content-type")).toMatch(/application\/json/);
      expect(await full.json()).toEqual({ error: { code: "unavailable", message: DISK_FULL_MESSAGE } });
      expect(filesUnder(path.join(disk.dir, "tiles")).filter((f) => /\.(png|tmp)$|~/.test(f))).toEqual([]);

      disk.free();
      const ok = await fetch(url);
      expect(ok.status).toBe(200);
      expect(ok.headers.get("content-type")).toBe("image/png");
      expect(existsSync(path.join(disk.dir, "tiles", String(made.galaxy.id), "v1", "mu_files", "10", "0_0.png"))).toBe(
        true,
      );
    } finally {
      disk.free();
      await server.close();
    }
  });

  it("refuses an archive it cannot write, changing nothing", async () => {
    const galaxyId = await wideGalaxy(temp.db, "Full disk archive", 1_000);
    disk.fill();
    try {
      const error: unknown = await archiveGalaxy(temp.db, disk.dir, galaxyId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(isDiskFull(error), String(error)).toBe(true);
    } finally {
      disk.free();
    }
    expect(await temp.db.galaxy.findUniqueOrThrow({ where: { id: galaxyId } })).toMatchObject({
      status: "processed",
      archivePath: null,
    });
    expect(filesUnder(path.join(disk.dir, "archives"))).toEqual([String(galaxyId)]); // its empty folder
    const done = await archiveGalaxy(temp.db, disk.dir, galaxyId);
    expect(filesUnder(path.join(disk.dir, "archives"))).toEqual([String(galaxyId), done.path.replace("archives/", "")]);
  });

  it("fails a job it cannot write with a message saying so, leaving no file", async () => {
    const galaxyId = await wideGalaxy(temp.db, "Full disk job", 2_000);
    const headers = { accept: "application/json", "x-forwarded-for": "192.0.2.78" };
    const query = `ID=${galaxyId}&PARAM=m&PARAM=sfr&STAT=percentile_50&FORMAT=application/fits`;
    const posted = await call(listPOST, `/api/jobs?${query}`, {}, { method: "POST", headers });
    expect(posted.status, await posted.clone().text()).toBe(303);
    const id = posted.headers.get("location")!.split("/").at(-1)!;
    const claimed = (await claimNextJob(temp.db, "worker"))!;
    disk.fill();
    try {
      expect(await runJob(temp.db, disk.dir, claimed, "worker")).toBe("failed");
    } finally {
      disk.free();
    }
    const job = await (await call(jobGET, `/api/jobs/${id}`, { id }, { headers })).json();
    expect(job).toMatchObject({ status: "failed", phase: "ERROR" });
    expect(JSON.stringify(job)).toContain(DISK_FULL_MESSAGE);
    expect(existsSync(jobDir(disk.dir, id))).toBe(false);
  });
});
