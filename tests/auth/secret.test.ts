import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretProblem } from "@/lib/auth/secret-strength";
import { ConfigError, parseSettings } from "@/lib/config";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

/** The server's start-up check (instrumentation.ts runs it) in a process of its own. */
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

describe("the session secret at start-up", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
  });
  afterAll(() => temp.cleanup());
  const env = () => ({ DATA_DIR: temp.dataDir, DATABASE_URL: temp.databaseUrl });
  const secretFile = () => path.join(temp.dataDir, "auth-secret");

  it("generates a random secret in DATA_DIR when NEXTAUTH_SECRET is not set, and keeps it", () => {
    expect(existsSync(secretFile())).toBe(false);
    const first = startupCheck(env());
    expect(first.stdout).toBe("database ok");
    expect(first.status).toBe(0);
    const secret = readFileSync(secretFile(), "utf8").trim();
    expect(secret.length).toBeGreaterThanOrEqual(64);
    expect(secretProblem(secret)).toBeNull();
    expect(statSync(secretFile()).mode & 0o777).toBe(0o600);

    expect(startupCheck(env()).status).toBe(0);
    expect(readFileSync(secretFile(), "utf8").trim()).toBe(secret);
  });

  it.each([
    ["a placeholder from the docs", "changeme", /NEXTAUTH_SECRET: a known placeholder, not a secret/],
    ["an example value", "complex_password_at_least_32_characters_long", /NEXTAUTH_SECRET: a known placeholder/],
    ["a short value", "k3J9x-q2Lw", /NEXTAUTH_SECRET: shorter than 32 characters/],
    ["a repetitive value", "a".repeat(40), /NEXTAUTH_SECRET: too few different characters/],
  ])("refuses %s with one line naming NEXTAUTH_SECRET", (_label, secret, reason) => {
    const r = startupCheck({ ...env(), NEXTAUTH_SECRET: secret });
    expect(r.status).toBe(1);
    expect(r.stderrLines).toHaveLength(1);
    expect(r.stderrLines[0]).toMatch(/^POGS Portal cannot start: Invalid environment variable NEXTAUTH_SECRET: /);
    expect(r.stderrLines[0]).toMatch(reason);
    // the value itself is never printed
    expect(r.stderrLines[0]).not.toContain(secret);
  });

  it("takes a random NEXTAUTH_SECRET as it is", () => {
    const r = startupCheck({ ...env(), NEXTAUTH_SECRET: randomBytes(32).toString("base64") });
    expect(r.status).toBe(0);
  });
});

describe("secretProblem", () => {
  it("accepts what openssl rand gives", () => {
    for (let i = 0; i < 200; i++) {
      expect(secretProblem(randomBytes(32).toString("base64"))).toBeNull();
      expect(secretProblem(randomBytes(32).toString("hex"))).toBeNull();
    }
  });

  it("refuses placeholders however they are written", () => {
    for (const s of [
      "secret",
      "CHANGEME",
      "your-secret-here",
      "replace-me-with-a-real-secret-value-please",
      "nextauth_secret",
    ])
      expect(secretProblem(s)).not.toBeNull();
  });

  it("is part of the settings, so every entry point refuses it", () => {
    expect(() => parseSettings({ NEXTAUTH_SECRET: "secret" })).toThrow(ConfigError);
    expect(parseSettings({}).nextAuthSecret).toBeUndefined();
  });
});
