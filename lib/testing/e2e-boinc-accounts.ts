// The BOINC accounts the browser tests link to: BOINC users of the e2e demo that no demo account
// is linked to, with made-up credentials the test BOINC project (./boinc-rpc-server.ts) knows.
// The e2e server writes them beside its database; the tests read them from there.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { fakeBoincAccount, type FakeBoincAccount } from "./boinc-rpc-server";
import { E2E_DATA_DIR } from "./e2e-survey";

const FILE = path.join(E2E_DATA_DIR, "boinc-accounts.json");

/** The next few BOINC users by credit after those the demo's accounts are linked to. */
export async function pickE2eBoincAccounts(db: Db, count = 4): Promise<FakeBoincAccount[]> {
  const users = await db.boincUser.findMany({
    where: { account: null, galaxies: { some: {} } },
    orderBy: [{ totalCredit: "desc" }, { id: "asc" }],
    take: count,
    select: { id: true, name: true },
  });
  return users.map((u) => fakeBoincAccount(u.id, u.name));
}

export function writeE2eBoincAccounts(accounts: FakeBoincAccount[]): void {
  writeFileSync(FILE, JSON.stringify(accounts, null, 2));
}

export function readE2eBoincAccounts(): FakeBoincAccount[] {
  return JSON.parse(readFileSync(FILE, "utf8")) as FakeBoincAccount[];
}
