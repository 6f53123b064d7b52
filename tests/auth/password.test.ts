import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, PASSWORD_HASH_PATTERN, verifyPassword } from "@/lib/auth/password";
import { boincPasswordHash } from "@/lib/auth/boinc-link/boinc-account";

describe("password hashing", () => {
  it("verifies the password it hashed and refuses any other", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("stores scrypt with its parameters and a salt, never MD5", async () => {
    const a = await hashPassword("pogs-demo-volunteer");
    const b = await hashPassword("pogs-demo-volunteer");
    expect(a).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).toMatch(PASSWORD_HASH_PATTERN);
    // a fresh salt each time: equal passwords do not give equal hashes
    expect(a).not.toBe(b);
    // not MD5 in any form BOINC uses (hex digest of the password, or of password + email)
    expect(a).not.toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toContain(boincPasswordHash("pogs-demo-volunteer", ""));
    expect(a).not.toContain(boincPasswordHash("pogs-demo-volunteer", "volunteer@example.org"));
  });

  it("reads hashes made with other parameters, and marks them for rehashing", async () => {
    const cheap = await hashPassword("a password", { ln: 10, r: 8, p: 1 });
    expect(cheap.startsWith("$scrypt$ln=10,r=8,p=1$")).toBe(true);
    expect(await verifyPassword("a password", cheap)).toBe(true);
    expect(needsRehash(cheap)).toBe(true);
    expect(needsRehash(await hashPassword("a password"))).toBe(false);
  });

  it("refuses stored values it cannot read instead of throwing", async () => {
    expect(await verifyPassword("x", "5f4dcc3b5aa765d61d8327deb882cf99")).toBe(false);
    expect(await verifyPassword("x", "$scrypt$ln=40,r=8,p=1$AAAA$AAAA")).toBe(false);
  });
});
