import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SingleFlight } from "@/lib/maps/single-flight";
import {
  ensureTile,
  pyramidExists,
  pyramidPaths,
  removeStaleTemporaries,
  tilePath,
  writeFileAtomic,
} from "@/lib/maps/tile-store";
import { buildDziPyramid } from "@/lib/maps/pyramid";
import { encodeTile } from "@/lib/maps/tile-encode";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "pogs-maps-store-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

describe("paths", () => {
  it("follow the DZI layout", () => {
    expect(pyramidPaths("/d", "ngc628_m")).toEqual({ dzi: "/d/ngc628_m.dzi", filesDir: "/d/ngc628_m_files" });
    expect(tilePath("/d", "ngc628_m", 12, 3, 4, "png")).toBe("/d/ngc628_m_files/12/3_4.png");
    expect(() => tilePath("/d", "a/b", 0, 0, 0, "png")).toThrow(RangeError);
    expect(() => tilePath("/d", "..", 0, 0, 0, "png")).toThrow(RangeError);
    expect(() => tilePath("/d", "m", -1, 0, 0, "png")).toThrow(RangeError);
  });
});

describe("writeFileAtomic", () => {
  it("replaces the file whole and leaves no temporary", async () => {
    const target = path.join(work, "atomic.bin");
    await writeFileAtomic(target, "old");
    await writeFileAtomic(target, "new contents");
    expect(await readFile(target, "utf8")).toBe("new contents");
    expect((await readdir(work)).filter((f) => f.startsWith(".atomic"))).toEqual([]);
  });

  it("leaves no temporary when the write fails", async () => {
    const target = path.join(work, "missing-dir", "x.bin");
    await expect(writeFileAtomic(target, "x")).rejects.toThrow();
  });
});

describe("SingleFlight", () => {
  it("runs concurrent calls with one key once, different keys separately, and forgets settled work", async () => {
    const flight = new SingleFlight<number>();
    let runs = 0;
    const work = async () => {
      runs++;
      await tick();
      return 42;
    };
    const results = await Promise.all([...Array(10)].map(() => flight.run("a", work)).concat(flight.run("b", work)));
    expect(results.every((r) => r === 42)).toBe(true);
    expect(runs).toBe(2);
    expect(flight.size).toBe(0);
    await flight.run("a", work);
    expect(runs).toBe(3);
  });

  it("shares a failure with every waiter, then lets the next call retry", async () => {
    const flight = new SingleFlight<number>();
    let runs = 0;
    const failing = async () => {
      runs++;
      await tick();
      throw new Error("render failed");
    };
    const settled = await Promise.allSettled([...Array(5)].map(() => flight.run("k", failing)));
    expect(settled.every((s) => s.status === "rejected")).toBe(true);
    expect(runs).toBe(1);
    expect(await flight.run("k", async () => 7)).toBe(7);
  });
});

describe("ensureTile", () => {
  it("renders a missing tile once for 50 concurrent requests, and serves it from disk afterwards", async () => {
    const raster = { data: new Uint8Array(300 * 200 * 4).fill(200), width: 300, height: 200 };
    const target = tilePath(work, "galaxy", 9, 1, 0, "png");
    let renders = 0;
    const render = async () => {
      renders++;
      await tick(); // keep the render in flight while the other requests arrive
      return encodeTile(raster, "png");
    };
    const flight = new SingleFlight<Buffer>();
    const results = await Promise.all(Array.from({ length: 50 }, () => ensureTile(target, render, flight)));
    expect(renders).toBe(1);
    const expected = await encodeTile(raster, "png");
    for (const r of results) expect(r.equals(expected)).toBe(true);
    expect((await readFile(target)).equals(expected)).toBe(true);
    expect((await readdir(path.dirname(target))).sort()).toEqual(["1_0.png"]);
    expect((await ensureTile(target, render, flight)).equals(expected)).toBe(true);
    expect(renders).toBe(1);
  });

  it("uses the process-wide single flight by default", async () => {
    const target = tilePath(work, "default-flight", 0, 0, 0, "png");
    let renders = 0;
    const render = async () => {
      renders++;
      await tick();
      return Buffer.from("tile");
    };
    await Promise.all(Array.from({ length: 50 }, () => ensureTile(target, render)));
    expect(renders).toBe(1);
  });

  it("writes nothing when the render fails", async () => {
    const target = tilePath(work, "failing", 0, 0, 0, "png");
    await expect(ensureTile(target, async () => Promise.reject(new Error("no data")))).rejects.toThrow("no data");
    await expect(stat(target)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("pyramidExists and removeStaleTemporaries", () => {
  it("a pyramid exists once its .dzi does; stale temporaries are swept, fresh ones kept", async () => {
    const dir = path.join(work, "sweep");
    const raster = { data: new Uint8Array(4 * 4 * 4).fill(255), width: 4, height: 4 };
    expect(await pyramidExists(dir, "m")).toBe(false);
    await buildDziPyramid(raster, dir, "m");
    expect(await pyramidExists(dir, "m")).toBe(true);

    const staleBuild = path.join(dir, ".m.tmp-1-aaaa");
    const staleTile = path.join(dir, "m_files", "2", ".0_0.png.tmp-1-bbbb");
    const freshTile = path.join(dir, "m_files", "2", ".0_0.png.tmp-1-cccc");
    await mkdir(path.join(staleBuild, "m_files"), { recursive: true });
    await writeFile(staleTile, "partial");
    await writeFile(freshTile, "partial");
    const old = new Date(Date.now() - 2 * 3600_000);
    await utimes(staleBuild, old, old);
    await utimes(staleTile, old, old);
    const removed = await removeStaleTemporaries(dir);
    expect(removed.sort()).toEqual([staleBuild, staleTile].sort());
    expect((await readdir(path.join(dir, "m_files", "2"))).sort()).toEqual([".0_0.png.tmp-1-cccc", "0_0.png"]);
    expect((await readdir(dir)).sort()).toEqual(["m.dzi", "m_files"]);
  });
});
