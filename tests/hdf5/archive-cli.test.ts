// `npm run archive` as an operator runs it, in a child process on a real data folder.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { wideGalaxy } from "./fixtures";

describe("npm run archive", () => {
  let temp: TempDatabase;
  let first: number, second: number, computing: number;
  const archive = (...args: string[]) => {
    const r = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/archive.ts", ...args],
      {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        env: { ...process.env, DATA_DIR: temp.dataDir, DATABASE_URL: temp.databaseUrl, POGS_DEBUG: "" },
      },
    );
    return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
  };

  beforeAll(async () => {
    temp = await createTempDatabase();
    first = await wideGalaxy(temp.db, "NGC 309", 1_000);
    second = await wideGalaxy(temp.db, "UGC05479", 2_000);
    computing = await wideGalaxy(temp.db, "M51", 3_000, 2);
  });
  afterAll(() => temp.cleanup());

  it("archives a galaxy and prints its path, size and sha256", async () => {
    const r = archive(String(first));
    expect(r.status).toBe(0);
    const file = path.join(temp.dataDir, "archives", String(first), `NGC_309__1__${first}.hdf5`);
    const bytes = readFileSync(file);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(r.stdout).toContain(`archived galaxy ${first} (NGC 309): ${file}\n`);
    expect(r.stdout).toMatch(
      new RegExp(`size ${bytes.length} bytes \\([\\d.]+ MB\\), sha256 ${sha256}, \\d+ pixels in [\\d.]+ s`),
    );
    expect(await temp.db.galaxy.findUniqueOrThrow({ where: { id: first } })).toMatchObject({
      status: "archived",
      archiveSha256: sha256,
      archiveSize: bytes.length,
    });
  });

  it("refuses what cannot be archived with one line and exit 1", () => {
    const busy = archive(String(computing));
    expect(busy.status).toBe(1);
    expect(busy.stderr.split("\n").at(-1)).toBe(
      `error: galaxy ${computing} (M51) is computing (2 of 4 work units processed); only processed galaxies are archived`,
    );
    expect(archive().stderr).toBe(
      "error: usage: npm run archive -- <galaxyId>… | --all-processed | --store <galaxyId>… | --all-archived | --delete [<galaxyId>…] | --verify [<galaxyId>…]",
    );
    expect(archive("ngc309").stderr).toMatch(/^error: "ngc309" is not a galaxy id/);
    expect(archive("--all-processed", "3").status).toBe(1);
  });

  it("archives every processed galaxy with --all-processed, then finds none left", async () => {
    const r = archive("--all-processed");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`archived galaxy ${second} (UGC05479)`);
    expect(r.stdout).not.toContain(`archived galaxy ${first} `);
    expect((await temp.db.galaxy.findMany({ orderBy: { id: "asc" } })).map((g) => g.status)).toEqual([
      "archived",
      "archived",
      "computing",
    ]);
    expect(archive("--all-processed").stdout).toContain("no processed galaxy to archive");
  });
});
