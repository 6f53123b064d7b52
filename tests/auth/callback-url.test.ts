// The callbackUrl values next-auth would answer with a 500 are caught first (lib/auth/callback-url.ts).
import { describe, expect, it } from "vitest";
import { badCallbackCookies, isCallbackUrl } from "@/lib/auth/callback-url";

describe("callbackUrl", () => {
  it("accepts paths and http(s) URLs, as next-auth does", () => {
    for (const ok of ["/", "/account?x=1", "http://localhost:3000/users/5", "https://pogs.example.org/"])
      expect(isCallbackUrl(ok), ok).toBe(true);
  });

  it("refuses what next-auth cannot parse or would not follow", () => {
    for (const bad of ["-1", "1.5", "", "javascript:alert(1)", "ftp://x/", "ñandú", "%%%"])
      expect(isCallbackUrl(bad), bad).toBe(false);
  });

  it("names the callback cookies next-auth would refuse", () => {
    const jar = (values: Record<string, string>) => ({
      get: (name: string) => (name in values ? { value: values[name] } : undefined),
    });
    expect(badCallbackCookies(jar({ "next-auth.callback-url": "-1" }))).toEqual(["next-auth.callback-url"]);
    expect(badCallbackCookies(jar({ "__Secure-next-auth.callback-url": "https://pogs.example.org/" }))).toEqual([]);
    expect(badCallbackCookies(jar({}))).toEqual([]);
  });
});
