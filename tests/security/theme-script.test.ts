// The inline theme script of every page: the page CSP allows it by its hash, and it picks the
// theme as the header's switch and the system say. Run in a bare VM context with stand-ins for the
// three browser objects it touches.
import { createHash } from "node:crypto";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { newNonce, pageCsp, THEME_SCRIPT_SOURCE } from "@/lib/security/headers";
import { THEME_SCRIPT, THEME_STORAGE_KEY } from "@/lib/security/theme-script";

function themeFor(stored: string | null | Error, systemLight: boolean): string | undefined {
  const root = { dataset: {} as Record<string, string> };
  runInNewContext(THEME_SCRIPT, {
    localStorage: {
      getItem: (key: string) => {
        if (stored instanceof Error) throw stored;
        return key === THEME_STORAGE_KEY ? stored : null;
      },
    },
    matchMedia: (query: string) => ({ matches: query === "(prefers-color-scheme: light)" && systemLight }),
    document: { documentElement: root },
  });
  return root.dataset.theme;
}

describe("the theme script", () => {
  it("is allowed by the page CSP through the sha256 of its exact text", () => {
    const digest = createHash("sha256").update(THEME_SCRIPT).digest("base64");
    expect(THEME_SCRIPT_SOURCE).toBe(`'sha256-${digest}'`);
    const scriptSrc = pageCsp(newNonce())
      .split("; ")
      .find((d) => d.startsWith("script-src "));
    expect(scriptSrc?.split(" ")).toContain(THEME_SCRIPT_SOURCE);
  });

  it("follows the system when nothing was chosen", () => {
    expect(themeFor(null, true)).toBe("light");
    expect(themeFor(null, false)).toBe("dark");
    expect(themeFor("purple", true)).toBe("light");
  });

  it("keeps the reader's remembered choice over the system's", () => {
    expect(themeFor("dark", true)).toBe("dark");
    expect(themeFor("light", false)).toBe("light");
  });

  it("falls back to the system when storage is refused", () => {
    expect(themeFor(new Error("SecurityError"), true)).toBe("light");
  });
});
