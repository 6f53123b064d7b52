// A CLI failure prints one line with the reason: Prisma's messages begin with a blank line, which
// once made the line read "error: " and nothing else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { oneLine } from "@/scripts/cli";

describe("oneLine", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
  });
  afterAll(() => temp.cleanup());

  it("gives the first line with words of a Prisma error", async () => {
    const error = await temp.db.galaxy.findUniqueOrThrow({ where: { id: 987_654 } }).catch((e: unknown) => e);
    const line = oneLine(error);
    expect(line).not.toBe("");
    expect(line).not.toContain("\n");
  });

  it("keeps a plain message as it is", () => {
    expect(oneLine(new Error("galaxy 3 does not exist\nmore"))).toBe("galaxy 3 does not exist");
    expect(oneLine(new Error("\nInvalid `prisma.galaxy.update()` invocation:\n\nbusy"))).toBe(
      "Invalid `prisma.galaxy.update()` invocation:",
    );
  });
});
