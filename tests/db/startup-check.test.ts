import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

function startupCheck(env: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), "tests/helpers/run-startup-check.ts"],
    {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
    },
  );
  return {
    status: result.status,
    stdout: result.stdout.trim(),
    stderrLines: result.stderr.trim().split("\n").filter(Boolean),
  };
}

describe("start-up database check", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
  });
  afterAll(() => temp.cleanup());

  it("passes on a migrated database", () => {
    const r = startupCheck({ DATABASE_URL: temp.databaseUrl });
    expect(r.stdout).toBe("database ok");
    expect(r.status).toBe(0);
  });

  it.each([
    [
      "a missing SQLite file",
      { DATABASE_URL: "file:/nonexistent/dir/pogs.db" },
      /Database not found at \/nonexistent\/dir\/pogs\.db/,
    ],
    ["a malformed URL", { DATABASE_URL: "mysql://localhost/pogs" }, /DATABASE_URL/],
    ["an unreachable PostgreSQL", { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/pogs" }, /127\.0\.0\.1:1/],
  ])("stops with exit 1 and one line for %s", (_label, env, reason) => {
    const r = startupCheck(env);
    expect(r.status).toBe(1);
    expect(r.stderrLines).toHaveLength(1);
    expect(r.stderrLines[0]).toMatch(/^POGS Portal cannot start: /);
    expect(r.stderrLines[0]).toMatch(reason);
  });
});
