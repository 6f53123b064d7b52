// Proving a volunteer owns a BOINC account, the way BOINC's own clients do (BOINC_FACTS.md §5–6):
// lookup_account.php with the client-side hash md5(password + lowercase(email)) answers the
// account key (authenticator); am_get_info.php with that key answers the user's id and name.
// lookup_account also accepts md5(account key + email), so the same call works when the
// volunteer gives their account key instead of their password. The password and the key are
// used for these two calls only and never stored.
import { createHash } from "node:crypto";
import { repairBoincText } from "@/lib/ingest/boinc-stats";
import { callBoincRpc, BoincRpcError } from "./rpc-client";
import { phpUrlDecodeToBytes } from "./rpc-reply";

export type BoincAccount = { id: number; name: string };

/** BOINC's client-side password hash (lib/gui_rpc_client_ops.cpp). MD5 only because BOINC asks for it. */
export function boincPasswordHash(passwordOrKey: string, email: string): string {
  return createHash("md5")
    .update(passwordOrKey + email.toLowerCase())
    .digest("hex");
}

const ACCOUNT_KEY = /^[0-9a-f]{32}$/i;

export function looksLikeAccountKey(text: string): boolean {
  return ACCOUNT_KEY.test(text.trim());
}

/** The BOINC account for an email and a password (or account key), or an account key alone. */
export async function checkBoincAccount(
  projectUrl: string,
  credentials: { email: string; secret: string },
): Promise<BoincAccount> {
  const email = credentials.email.trim();
  const secret = credentials.secret;
  let accountKey = secret.trim();
  if (email) {
    const reply = await callBoincRpc(projectUrl, "lookup_account.php", {
      email_addr: email,
      passwd_hash: boincPasswordHash(secret, email),
    });
    const authenticator = reply.fields.get("authenticator");
    if (!authenticator) throw new BoincRpcError({ kind: "bad-reply", detail: "no account key in its answer" });
    accountKey = authenticator;
  }
  const info = await callBoincRpc(projectUrl, "am_get_info.php", { account_key: accountKey });
  const id = Number(info.fields.get("id"));
  if (!Number.isInteger(id) || id <= 0)
    throw new BoincRpcError({ kind: "bad-reply", detail: "no user id in its answer" });
  const name = repairBoincText(phpUrlDecodeToBytes(info.fields.get("name") ?? "")).trim();
  return { id, name };
}
