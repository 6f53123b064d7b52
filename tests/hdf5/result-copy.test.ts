// The archive's copy of the result rows (/galaxy/portal), read back: byte for byte the database's
// rows, in any order asked; the same from an archive built before its hot columns were stored
// uncompressed (every column gzip); and a changed byte in an uncompressed column is refused by its
// chunk's checksum, not served.
import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, openSync, readSync, writeSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveGalaxy } from "@/lib/hdf5";
import { ArchiveResults } from "@/lib/hdf5/archive-results";
import { databaseResultRows } from "@/lib/hdf5/database-result-rows";
import { RESULT_COLUMNS, type StoredResultRow } from "@/lib/hdf5/result-copy";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { registeredProcessedGalaxy } from "./fixtures";
import { toolsAvailable } from "./outside-tools";

const PYTHON = "/usr/bin/python3";
const ALL = RESULT_COLUMNS.map(([c]) => c);

/** Rewrites the copy's columns as archives were written before: gzip level 1 in 64 KiB chunks. */
const AS_BEFORE = `
import h5py, sys
with h5py.File(sys.argv[1], "r+") as f:
    g = f["galaxy/portal"]
    for name in ["xy", "stats", "display", "best_fit"]:
        data = g[name][()]
        del g[name]
        g.create_dataset(name, data=data, chunks=(65536,), maxshape=(None,), compression="gzip", compression_opts=1)
`;
const STATS_CHUNK = `
import h5py, sys
with h5py.File(sys.argv[1], "r") as f:
    print(f["galaxy/portal/stats"].id.get_chunk_info(0).byte_offset)
`;

function python(script: string, file: string): string {
  const r = spawnSync(PYTHON, ["-c", script, file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

async function readAll(file: string, ids: number[]): Promise<StoredResultRow[]> {
  const archive = await ArchiveResults.open(file);
  try {
    return await archive.rows(ids, ALL);
  } finally {
    await archive.close();
  }
}

describe("the copy of the result rows", () => {
  let temp: TempDatabase;
  let file: string;
  let rows: StoredResultRow[];

  beforeAll(async () => {
    temp = await createTempDatabase();
    const galaxyId = await registeredProcessedGalaxy(temp.db, temp.dataDir);
    rows = [];
    for await (const r of databaseResultRows(temp.db, galaxyId)) rows.push({ ...r });
    file = (await archiveGalaxy(temp.db, temp.dataDir, galaxyId)).absolutePath;
  }, 120_000);
  afterAll(() => temp.cleanup());

  // Buffers compared as plain arrays: Buffer and Uint8Array of the same bytes are equal.
  const plain = (r: StoredResultRow) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Uint8Array ? [...v] : v]));

  it("reads back every row byte for byte, in the order asked, skipping areas without one", async () => {
    expect(rows.length).toBeGreaterThan(10);
    const order = rows.map((r) => r.areaId).reverse();
    const read = await readAll(file, [order[0], 987_654, ...order.slice(1)]);
    expect(read.map(plain)).toEqual([...rows].reverse().map(plain));
  });

  it.skipIf(!toolsAvailable)("reads an archive built before (every column gzip) the same", async () => {
    const before = path.join(temp.dataDir, "as-before.hdf5");
    copyFileSync(file, before);
    python(AS_BEFORE, before);
    const read = await readAll(
      before,
      rows.map((r) => r.areaId),
    );
    expect(read.map(plain)).toEqual(rows.map(plain));
  });

  it.skipIf(!toolsAvailable)("refuses a stats chunk whose bytes changed (its Fletcher-32 checksum)", async () => {
    const changed = path.join(temp.dataDir, "changed.hdf5");
    copyFileSync(file, changed);
    const at = Number(python(STATS_CHUNK, changed)) + 100;
    const fd = openSync(changed, "r+");
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, at);
    writeSync(fd, Buffer.from([b[0] ^ 0x55]), 0, 1, at);
    closeSync(fd);
    await expect(readAll(changed, [rows[0].areaId])).rejects.toThrow(
      /cannot read \/galaxy\/portal\/stats of .*: filter returned failure during read$/,
    );
  });
});
