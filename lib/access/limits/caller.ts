/**
 * Who is asking for data: an account (through an API token, `Authorization: Bearer`, or a signed-in
 * session in the browser) or an anonymous address, with the allowance that goes with it. Requests
 * are counted in the shared RateLimit table (lib/auth/rate-limit.ts) per account or per address.
 */
import { RateLimitedError, UsageError } from "@/lib/access/http/usage-error";
import { authenticateBearer } from "@/lib/auth/api-tokens";
import { clientAddress } from "@/lib/auth/client-address";
import { hitRateLimit, waitText } from "@/lib/auth/rate-limit";
import { getSession } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { ANONYMOUS, RATE_WINDOW_SECONDS, WITH_TOKEN, type Allowance } from "./allowances";
import { accountOwner, addressOwner } from "./owners";

export interface Caller {
  owner: string;
  accountId: number | null;
  allowance: Allowance;
}

/**
 * The caller of a data request. A Bearer token that is not (or no longer) valid is refused rather
 * than served as anonymous, so a script learns its token was revoked instead of being slowed down.
 */
export async function identifyCaller(request: Request): Promise<Caller> {
  if (/^Bearer\s/i.test(request.headers.get("authorization") ?? "")) {
    const account = await authenticateBearer(request);
    if (!account)
      throw new UsageError("the API token is unknown, revoked or expired; make a new one on your account page", 401);
    return { owner: accountOwner(account.accountId), accountId: account.accountId, allowance: WITH_TOKEN };
  }
  return identifyVisitor(request.headers);
}

/**
 * The visitor of a page: their session, else their address. Pages ignore `Authorization`, which
 * only scripts send to the API, so a stale token in a browser extension cannot break a page.
 */
export async function identifyVisitor(headers: Headers): Promise<Caller> {
  const session = hasSessionCookie(headers) ? await getSession() : null;
  if (session) return { owner: accountOwner(session.accountId), accountId: session.accountId, allowance: WITH_TOKEN };
  return { owner: addressOwner(clientAddress(headers)), accountId: null, allowance: ANONYMOUS };
}

/** next-auth's session cookie (plain or __Secure-): only then is a session worth decoding. */
export function hasSessionCookie(headers: Headers): boolean {
  return /(^|;\s*)(__Secure-)?next-auth\.session-token(\.\d+)?=/.test(headers.get("cookie") ?? "");
}

/** Counts one data request against the caller's hourly allowance; over it, a 429 saying when to retry. */
export async function countDataRequest(db: Db, caller: Caller): Promise<void> {
  const rule = { limit: caller.allowance.requestsPerHour, windowMs: RATE_WINDOW_SECONDS * 1000 };
  const result = await hitRateLimit(db, `data:${caller.owner}`, rule);
  if (result.allowed) return;
  throw new RateLimitedError(
    `${rule.limit} data requests an hour ${caller.accountId === null ? "per address" : "per account"} reached; retry in ${waitText(result.retryAfterMs)}` +
      (caller.accountId === null ? ", or use an API token from your account page for a higher limit" : ""),
    result.retryAfterMs / 1000,
  );
}
