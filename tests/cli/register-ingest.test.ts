// The operator's commands as a user runs them: `npm run register`, then `npm run ingest`, in child
// processes on a fresh data folder; exit codes and one-line errors included.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawCatalogue } from "@/lib/demo/catalogue";
import { demoFitsDir, writeDemoBandFiles } from "@/lib/demo/build/demo-fits";
import { demoFitText } from "@/lib/demo/build/demo-results";
import { renderGalaxyImages } from "@/lib/demo/images";
import { buildPhysicalModel } from "@/lib/demo/physical-maps";
import { usablePixels } from "@/lib/survey/area-mask";
import { PROJECT_ROOT } from "@/lib/project-root";

let dataDir: string;
const run = (script: string, args: string[]) => {
  const r = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), `scripts/${script}.ts`, ...args],
    {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "pogs.db")}` },
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
};

describe("register and ingest commands", () => {
  const galaxy = drawCatalogue("cli", { count: 1, maxSize: 48, sizeScale: 0.2 })[0];
  let files: string[];
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "pogs-cli-"));
    expect(run("db-migrate", []).status).toBe(0);
    files = await writeDemoBandFiles(
      demoFitsDir(path.join(dataDir, "inputs"), galaxy.name),
      galaxy,
      renderGalaxyImages(galaxy).bands,
    );
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("register a galaxy from its FITS files, filters from the headers", () => {
    const r = run("register", files);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("error"))).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`registered ${galaxy.name} \\(id 1\\): ${galaxy.width}×${galaxy.height} px`));
    expect(r.stdout).toMatch(/\d+ usable pixels in \d+ work units/);
  });

  it("refuse a second registration and a file that is not FITS, with one line", () => {
    const again = run("register", files);
    expect(again.status).toBe(1);
    expect(again.stderr.split("\n").at(-1)).toMatch(/^error: galaxy .* is already registered/);
    const bogus = path.join(dataDir, "page.fits");
    writeFileSync(bogus, "<html>not found</html>");
    const bad = run("register", [bogus, "--name", "X", "--redshift", "0.01"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^error: .*not a FITS file/m);
  });

  it("ingest a work unit's .fit with its sidecar, then recognise the replay; refuse a truncated file with its line", () => {
    const db = new Database(path.join(dataDir, "pogs.db"), { readonly: true });
    const area = db.prepare("select * from area order by id limit 1").get() as {
      id: number;
      x0: number;
      y0: number;
      x1: number;
      y1: number;
      first_pixel_id: number;
      mask: Buffer;
    };
    db.close();
    const { x, y } = usablePixels(area, area.mask);
    const layers = galaxy.filters.map((f) => ({
      filterName: f,
      image: new Float32Array(galaxy.width * galaxy.height).fill(1e-5),
      sigma: null,
    }));
    const text = demoFitText(
      buildPhysicalModel(galaxy),
      { firstPixelId: area.first_pixel_id, x, y },
      layers,
      galaxy.redshift,
    );
    const fit = path.join(dataDir, `area${area.id}.fit`);
    writeFileSync(fit, text);
    writeFileSync(`${fit}.json`, JSON.stringify({ users: [{ id: 5, name: "Ann" }, 9], workunit_id: 777 }));
    const first = run("ingest", [fit]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^1 stored, 0 unchanged, 0 refused; ${x.length} pixels`, "m"));
    const replay = run("ingest", [fit]);
    expect(replay.stdout).toMatch(/^0 stored, 1 unchanged, 0 refused/m);

    const truncated = path.join(dataDir, "truncated.fit");
    writeFileSync(truncated, text.split("\r\n").slice(0, 100).join("\r\n"));
    const bad = run("ingest", [truncated, "--users", "5"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/refused: .*truncated\.fit:\d+: /);
    const check = new Database(path.join(dataDir, "pogs.db"), { readonly: true });
    expect((check.prepare("select count(*) n from pixel_result_block").get() as { n: number }).n).toBe(1);
    expect(
      (check.prepare("select workunit_id from area where id = ?").get(area.id) as { workunit_id: number }).workunit_id,
    ).toBe(777);
    check.close();
    expect(readFileSync(fit, "latin1")).toBe(text);
  });

  it("ingest with no user to credit is refused, and a bad --users value stops with one line", () => {
    const noUsers = path.join(dataDir, "nousers.fit");
    writeFileSync(noUsers, "x");
    expect(run("ingest", [noUsers]).stderr).toMatch(/refused: .*no BOINC user to credit/);
    const bad = run("ingest", [noUsers, "--users", "ann"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('error: --users: "ann" is not a BOINC user id');
  });
});
