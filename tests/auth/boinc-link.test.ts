import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { boincPasswordHash } from "@/lib/auth/boinc-link/boinc-account";
import { linkBoincAccount } from "@/lib/auth/boinc-link/link-account";
import { fakeBoincAccount, startBoincRpcServer, type BoincRpcServer } from "@/lib/testing/boinc-rpc-server";
import { freePort } from "@/lib/testing/processes";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { makeAccount } from "./helpers";

const ann = fakeBoincAccount(12, "Ann Müller");
const team = { ...fakeBoincAccount(34, "中国队"), nameAsReferences: true };
const newcomer = fakeBoincAccount(56, "No Credit Yet");

describe("linking a BOINC account through the project's Web RPCs", () => {
  let temp: TempDatabase;
  let boinc: BoincRpcServer;
  let accountId: number;
  beforeAll(async () => {
    temp = await createTempDatabase();
    for (const u of [ann, team])
      await temp.db.boincUser.create({
        data: { id: u.id, name: u.name, createTime: new Date("2020-01-01Z"), totalCredit: 1000 },
      });
    boinc = await startBoincRpcServer([ann, team, newcomer]);
  });
  afterAll(async () => {
    await boinc.close();
    await temp.cleanup();
  });
  beforeEach(async () => {
    boinc.setMode("up");
    accountId = (await makeAccount(temp.db, `v${Date.now()}${Math.random()}@example.org`, "portal password")).id;
  });

  const link = (email: string, secret: string, projectUrl = boinc.url) =>
    linkBoincAccount(temp.db, accountId, { email, secret }, { projectUrl });
  const linkedId = async () =>
    (await temp.db.account.findUniqueOrThrow({ where: { id: accountId }, select: { boincUserId: true } })).boincUserId;

  it("links with the BOINC email and password, sending only BOINC's md5 of them", async () => {
    const result = await link("Boinc-User-12@Example.net", ann.password);
    expect(result).toEqual({ ok: true, message: "Linked to BOINC user Ann Müller (id 12)." });
    expect(await linkedId()).toBe(12);
    const asked = boinc.requests.slice(-2);
    expect(asked[0]).toContain(`passwd_hash=${boincPasswordHash(ann.password, "boinc-user-12@example.net")}`);
    expect(asked[1]).toBe(`/pogs/am_get_info.php?account_key=${ann.authenticator}`);
    expect(boinc.requests.join("\n")).not.toContain(ann.password);
  });

  it("links with the account key instead of the password, with or without the email", async () => {
    expect((await link(ann.email, ann.authenticator)).ok).toBe(true);
    const other = await makeAccount(temp.db, `k${Date.now()}@example.org`, "portal password");
    const byKey = await linkBoincAccount(
      temp.db,
      other.id,
      { email: "", secret: ann.authenticator },
      { projectUrl: boinc.url },
    );
    // the proven owner takes the link over from the older portal account
    expect(byKey).toEqual({
      ok: true,
      message:
        "Linked to BOINC user Ann Müller (id 12). It was linked to another portal account before; that link is removed.",
    });
    expect(await linkedId()).toBeNull();
  });

  it("repairs a name sent as UTF-8 bytes in character references", async () => {
    expect(await link(team.email, team.password)).toEqual({
      ok: true,
      message: "Linked to BOINC user 中国队 (id 34).",
    });
  });

  it.each([
    [
      "a wrong password",
      () => [ann.email, "not it"],
      "That password (or account key) is not the one of that BOINC account.",
    ],
    [
      "an unknown email",
      () => ["nobody@example.net", "whatever"],
      "The BOINC project has no account with that email address.",
    ],
  ])("refuses %s with what BOINC said", async (_label, input, message) => {
    const [email, secret] = input();
    expect(await link(email, secret)).toEqual({ ok: false, message });
    expect(await linkedId()).toBeNull();
  });

  it("says when the project is down for maintenance", async () => {
    boinc.setMode("down");
    const host = new URL(boinc.url).host;
    expect(await link(ann.email, ann.password)).toEqual({
      ok: false,
      message: `The BOINC project at ${host} is down for maintenance (BOINC error -183). Try again later.`,
    });
  });

  it("says when the server answers HTTP 500", async () => {
    boinc.setMode("http-500");
    const host = new URL(boinc.url).host;
    expect(await link(ann.email, ann.password)).toEqual({
      ok: false,
      message: `The BOINC project at ${host} answered with an error (HTTP 500). Try again later.`,
    });
  });

  it("says when nothing listens at the project's address", async () => {
    const port = await freePort();
    expect(await link(ann.email, ann.password, `http://127.0.0.1:${port}/pogs/`)).toEqual({
      ok: false,
      message: `The BOINC project at 127.0.0.1:${port} cannot be reached (connection refused). Try again later.`,
    });
    expect(await linkedId()).toBeNull();
  });

  it("explains that a BOINC user without credit is not known to the portal yet", async () => {
    const r = await link(newcomer.email, newcomer.password);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Your BOINC account \(No Credit Yet, id 56\) has no credit in POGS yet\./);
  });

  it("says when linking is not set up", async () => {
    const unset = await linkBoincAccount(
      temp.db,
      accountId,
      { email: ann.email, secret: ann.password },
      { projectUrl: undefined },
    );
    expect(unset).toEqual({
      ok: false,
      message: "Linking is not set up on this portal: its operator has to set BOINC_PROJECT_URL.",
    });
  });

  it("limits attempts, so the portal cannot be used to guess BOINC passwords", async () => {
    for (let i = 0; i < 10; i++) await link(ann.email, `guess ${i}`);
    expect(await link(ann.email, ann.password)).toEqual({
      ok: false,
      message: expect.stringMatching(/^Too many linking attempts\. Try again in/),
    });
  });
});
