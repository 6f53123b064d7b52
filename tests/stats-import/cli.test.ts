// `npm run import-stats -- <dir|url>` as an operator runs it: a child process on a real SQLite
// file, a summary line, skip reasons, one-line errors with exit code 1.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userXml } from "@/lib/ingest/boinc-stats";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { removeTempFolders, tempFolder } from "./helpers";
import { T0, team, user, writeDump } from "@/lib/testing/synthetic-dump";

function importStats(
  databaseUrl: string,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import-stats.ts", ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, POGS_DEBUG: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run import-stats", () => {
  let temp: TempDatabase;
  let root: string;
  let dump: string;
  beforeAll(async () => {
    temp = await createTempDatabase();
    await temp.db.$disconnect();
    root = tempFolder();
    dump = await writeDump(path.join(root, "stats"), {
      updateTime: T0,
      teams: [team(1), team(2)],
      users: Array.from({ length: 1200 }, (_, i) => user(i + 1, { teamId: i % 4 === 0 ? 1 : i % 4 === 1 ? 7 : null })),
    });
  });
  afterAll(async () => {
    await temp.cleanup();
    removeTempFolders();
  });

  it("imports a folder and prints a one-line summary; a second run changes nothing", async () => {
    const first = await importStats(temp.databaseUrl, dump);
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toMatch(
      /^Imported the export of 2025-08-22 00:00 UTC: 1,200 users, 2 teams, 0 skipped, 1,202 snapshots \(1,200 users, 2 teams\), 0 team changes, 300 users' team not in team\.gz in \d+\.\d s \(the database locked for \d+\.\d s of it\)$/,
    );
    const again = await importStats(temp.databaseUrl, dump);
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toMatch(
      /^The export of 2025-08-22 00:00 UTC is already imported: nothing changed \(\d+\.\d s\)$/,
    );
  });

  it("prints the first skip reasons", async () => {
    const dir = await writeDump(path.join(root, "skips"), { updateTime: T0 + 3600, teams: [team(1)], users: [] });
    const bad = Array.from({ length: 8 }, (_, i) => `<user><id>x${i}</id></user>\n`).join("");
    writeFileSync(path.join(dir, "user.gz"), gzipSync(`<users>\n${userXml(user(1))}${bad}</users>\n`));
    const run = await importStats(temp.databaseUrl, dir);
    expect(run.code).toBe(0);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^skipped: user\.gz:\d+: <user> with invalid <id> 'x0'$/);
    expect(lines[5]).toBe("skipped: … and 3 more");
    expect(run.stdout).toMatch(/: 1 users, 1 teams, 8 skipped, /);
  });

  it("reports bad input in one line and exits 1", async () => {
    const truncated = await writeDump(path.join(root, "truncated"), {
      updateTime: T0 + 7200,
      teams: [team(1)],
      users: [user(1)],
    });
    const bytes = readFileSync(path.join(truncated, "user.gz"));
    writeFileSync(path.join(truncated, "user.gz"), bytes.subarray(0, bytes.length - 30));
    const cases: [string[], string][] = [
      [[path.join(root, "nowhere")], `error: ${path.join(root, "nowhere")} does not exist`],
      [[truncated], "error: user.gz: the gzip data ends early (truncated download?)"],
      [
        [],
        "error: usage: npm run import-stats -- <directory or http(s) URL holding tables.xml, team.gz and user.gz, " +
          "or mysql://user:password@host/db of a BOINC project's database>",
      ],
    ];
    for (const [args, message] of cases) {
      const run = await importStats(temp.databaseUrl, ...args);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(message);
    }
  });
});
