import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { safeReturnPath } from "@/lib/auth/return-path";

describe("the address a sign-in comes from", () => {
  it("is the entry the nearest hop wrote, never one the client claimed", () => {
    // Next writes the socket's address when there is no header.
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
    // Behind nginx: "<whatever the client sent>, <client's address>".
    expect(clientAddress({ "x-forwarded-for": "10.0.0.1, 198.51.100.23" })).toBe("198.51.100.23");
    expect(clientAddress({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(clientAddress({})).toBe("unknown");
  });
});

describe("where sign-in returns to", () => {
  it("is a path of this site", () => {
    expect(safeReturnPath("/admin/challenges?x=1")).toBe("/admin/challenges?x=1");
    expect(safeReturnPath(undefined)).toBe("/account");
  });

  it.each(["https://evil.example/", "//evil.example/", "/\\evil.example", "/\tevil", "javascript:alert(1)", ""])(
    "never another site: %j",
    (raw) => expect(safeReturnPath(raw)).toBe("/account"),
  );
});
