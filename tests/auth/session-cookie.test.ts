// The session cookie: HttpOnly and SameSite=Lax always, Secure (under the __Secure- name) when the
// portal is reached over https, as NEXTAUTH_URL or a TLS proxy's X-Forwarded-Proto says.
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { secureCookies } from "@/lib/auth/secure-cookies";

const forwarded = (proto?: string) => new Headers(proto ? { "x-forwarded-proto": proto } : {});

describe("secureCookies", () => {
  it("follows NEXTAUTH_URL when it is set", () => {
    expect(secureCookies(forwarded(), "https://pogs.example.org/")).toBe(true);
    expect(secureCookies(forwarded("https"), "http://pogs.example.org/")).toBe(false);
  });

  it("otherwise follows the proxy's X-Forwarded-Proto", () => {
    expect(secureCookies(forwarded("https"), undefined)).toBe(true);
    expect(secureCookies(forwarded("HTTPS, http"), undefined)).toBe(true);
    expect(secureCookies(forwarded("http"), undefined)).toBe(false);
    expect(secureCookies(forwarded(), undefined)).toBe(false);
  });
});

describe("authOptions", () => {
  it("sets the session cookie HttpOnly, SameSite=Lax, and Secure only behind https", async () => {
    // A secret of its own, so building the options writes no auth-secret file into DATA_DIR.
    vi.stubEnv("NEXTAUTH_SECRET", randomBytes(32).toString("base64url"));
    const { authOptions } = await import("@/lib/auth/options");
    const plain = authOptions(false);
    expect(plain.useSecureCookies).toBe(false);
    expect(plain.cookies?.sessionToken).toEqual({
      name: "next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
    const tls = authOptions(true);
    expect(tls.useSecureCookies).toBe(true);
    expect(tls.cookies?.sessionToken).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(authOptions(true)).toBe(tls);
    vi.unstubAllEnvs();
  });
});
