// Statistics import from an http(s) base URL, as a project publishes its export under
// <master URL>/stats/: a local server serves a dump folder, sometimes badly.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExportLocationError, importStatsExport } from "@/lib/ingest/stats-import";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { importedTables, removeTempFolders, tempFolder } from "./helpers";
import { DAY, T0, team, user, writeDump } from "@/lib/testing/synthetic-dump";

const NOW = new Date("2025-08-22T02:00:00Z");

describe("importing from a URL", () => {
  let dump: string;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    dump = await writeDump(path.join(tempFolder(), "stats"), {
      updateTime: T0,
      teams: [team(1), team(2)],
      users: Array.from({ length: 1500 }, (_, i) => user(i + 1, { teamId: i % 2 ? 1 : 2, expavgTime: T0 - DAY })),
    });
    server = http.createServer((request, response) => {
      const [, mode, name] = (request.url ?? "").split("/");
      let body: Buffer;
      try {
        body = readFileSync(path.join(dump, name));
      } catch {
        response.writeHead(404, "Not Found").end();
        return;
      }
      if (mode === "missing" && name === "user.gz") {
        response.writeHead(404, "Not Found").end();
      } else if (mode === "encoded" && name.endsWith(".gz")) {
        // a server configured to send .gz files as gzip-encoded content: fetch decodes them
        response.writeHead(200, { "content-encoding": "gzip", "content-type": "application/xml" }).end(body);
      } else if (mode === "truncated" && name === "user.gz") {
        response.writeHead(200, { "content-length": body.length });
        response.write(body.subarray(0, body.length >> 1), () => response.destroy());
      } else {
        response.writeHead(200, { "content-length": body.length }).end(body);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    removeTempFolders();
  });

  async function withDatabase<T>(work: (temp: TempDatabase) => Promise<T>): Promise<T> {
    const temp = await createTempDatabase();
    try {
      return await work(temp);
    } finally {
      await temp.cleanup();
    }
  }

  it("stores what the same export in a folder stores, and records the URL", async () => {
    const fromFolder = await withDatabase(async (temp) => {
      await importStatsExport(temp.db, dump, { now: NOW });
      return importedTables(temp.db);
    });
    const fromUrl = await withDatabase(async (temp) => {
      const result = await importStatsExport(temp.db, `${base}/plain`, { now: NOW });
      expect(result).toMatchObject({ status: "imported", source: `${base}/plain/`, users: 1500, teams: 2 });
      return importedTables(temp.db);
    });
    expect(fromUrl.stats_export).toEqual([expect.objectContaining({ source: `${base}/plain/` })]);
    expect({ ...fromUrl, stats_export: [] }).toEqual({ ...fromFolder, stats_export: [] });
  });

  it("reads .gz files a server sends gzip-encoded (already decoded by fetch)", async () => {
    await withDatabase(async (temp) => {
      expect(await importStatsExport(temp.db, `${base}/encoded/`, { parseInWorker: true })).toMatchObject({
        users: 1500,
        teams: 2,
      });
    });
  });

  it("stops with one line naming the URL when a file is missing", async () => {
    await withDatabase(async (temp) => {
      const error = await importStatsExport(temp.db, `${base}/missing`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExportLocationError);
      expect((error as Error).message).toBe(`cannot fetch ${base}/missing/user.gz: HTTP 404 Not Found`);
      expect(await temp.db.statsExport.count()).toBe(0);
    });
  });

  it.each([false, true])("rolls back when the download breaks off (parse in a worker: %s)", async (parseInWorker) => {
    await withDatabase(async (temp) => {
      const before = await importedTables(temp.db);
      await expect(importStatsExport(temp.db, `${base}/truncated`, { parseInWorker })).rejects.toThrow(
        "user.gz: cannot read the file: the download broke off (terminated)",
      );
      expect(await importedTables(temp.db)).toEqual(before);
    });
  });

  it("says why when the server cannot be reached", async () => {
    await withDatabase(async (temp) => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      await expect(importStatsExport(temp.db, `http://127.0.0.1:${port}/stats`)).rejects.toThrow(
        `cannot fetch http://127.0.0.1:${port}/stats/tables.xml: connect ECONNREFUSED 127.0.0.1:${port}`,
      );
    });
  });
});
