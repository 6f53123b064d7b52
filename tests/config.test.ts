import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseSettings } from "@/lib/config";
import { providerOf } from "@/lib/db/provider";

describe("settings", () => {
  it("default to ./data and a SQLite file inside it, port 3000", () => {
    const s = parseSettings({});
    expect(s.dataDir).toBe(path.resolve("data"));
    expect(s.databaseUrl).toBe(`file:${path.resolve("data", "pogs.db")}`);
    expect(s.port).toBe(3000);
    expect(providerOf(s.databaseUrl)).toBe("sqlite");
  });

  it("take DATABASE_URL for PostgreSQL", () => {
    const s = parseSettings({ DATABASE_URL: "postgresql://u@db:5432/pogs" });
    expect(providerOf(s.databaseUrl)).toBe("postgresql");
  });

  it("refuse a malformed variable with one line naming it", () => {
    expect(() => parseSettings({ DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    expect(() => parseSettings({ PORT: "eighty" })).toThrow(/PORT/);
    try {
      parseSettings({ DATABASE_URL: "mysql://x" });
    } catch (e) {
      expect((e as Error).message.split("\n")).toHaveLength(1);
      expect((e as Error).message).toContain("DATABASE_URL");
    }
  });
});
