// `npm run challenge` as an operator runs it, in child processes on a fresh database: create,
// list, add teams, recompute, delete; bad input ends with one line `error: …` and exit 1.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { addExports, addTeams, addVolunteer } from "./credit-history";

let temp: TempDatabase;

const challenge = (...args: string[]) => {
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/challenge.ts", ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: temp.dataDir, DATABASE_URL: temp.databaseUrl, POGS_DEBUG: "" },
  });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
};

beforeAll(async () => {
  temp = await createTempDatabase();
  await addTeams(temp.db, [1, 2]);
  await addVolunteer(temp.db, 1, {
    snapshots: [
      [0, 100, 1],
      [2, 400, 1],
    ],
  });
  await addVolunteer(temp.db, 2, {
    snapshots: [
      [0, 100, 2],
      [2, 150, 2],
    ],
  });
  await addExports(temp.db, [0, 1, 2]);
});
afterAll(() => temp.cleanup());

describe("npm run challenge", () => {
  it("creates a challenge, scores it at once and lists it with its leader", () => {
    const created = challenge(
      "create",
      "--name",
      "Weekend",
      "--start",
      "2026-11-01",
      "--end",
      "2026-11-08 12:00",
      "--teams",
      "1",
    );
    expect(created).toMatchObject({ status: 0, stderr: "" });
    expect(created.stdout).toBe("created challenge 1\nWeekend: standings updated, 1 team, 1 contributing volunteers");
    const listed = challenge("list");
    expect(listed.stdout).toMatch(
      /^1 {2}\w+ +Weekend {2}\(2026-11-01 00:00 UTC → 2026-11-08 12:00 UTC, 1 team\) {2}leader: Team 1, 300 credit$/,
    );
  });

  it("adds a team, recomputes, and deletes", () => {
    expect(challenge("add-teams", "1", "2").stdout).toBe("added 1 team");
    expect(challenge("recompute", "1").stdout).toBe("Weekend: standings updated, 2 teams, 1 contributing volunteers");
    expect(challenge("recompute").stdout).toBe("Weekend: standings updated, 2 teams, 1 contributing volunteers");
    expect(challenge("delete", "1").stdout).toBe("deleted challenge 1 (Weekend)");
    expect(challenge("list").stdout).toBe("no challenges");
  });

  it.each([
    [
      ["create", "--name", "X", "--start", "2026-11-05", "--end", "2026-11-01", "--teams", "1"],
      "error: the end must be after the start",
    ],
    [
      ["create", "--name", "X", "--start", "5 Nov", "--end", "2026-11-09", "--open"],
      "error: the start must be a UTC time like 2026-12-01 or 2026-12-01 18:00",
    ],
    [
      ["create", "--name", "X", "--start", "2026-11-05", "--end", "2026-11-09", "--teams", "1,x"],
      'error: "1,x" is not a list of team ids like 12,34',
    ],
    [["add-teams", "7", "1"], "error: no challenge with id 7"],
    [["delete", "abc"], 'error: "abc" is not a challenge id'],
    [["frobnicate"], 'error: unknown command "frobnicate"'],
  ])("refuses %j in one line", (args, line) => {
    const r = challenge(...args);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n").at(-1)).toBe(line);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
