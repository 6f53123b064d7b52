// What must never appear in an answer of the portal: any email address, a password hash in the
// portal's scrypt format, and the actual secrets of the accounts in the database (emails,
// password hashes, API token hashes, the BOINC credentials the tests linked with).
import type { APIResponse } from "@playwright/test";
import { PASSWORD_HASH_PATTERN } from "@/lib/auth/password";
import { readE2eBoincAccounts } from "@/lib/testing/e2e-boinc-accounts";
import { query } from "@/lib/testing/e2e-survey";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// "icon@2x.png" looks like an address; no top-level domain is a file extension.
const FILE_NAME = /\.(png|jpe?g|gif|svg|webp|avif|ico|css|js|map|json|txt|fits|h5|zip)$/i;
const TEXT_TYPES = /^(text\/|application\/(json|xml|x-votable\+xml|javascript)|image\/svg)/;

export type Secrets = { exact: string[] };

/** Everything secret the e2e database holds now, plus values only the tests know. */
export function secretsNow(extra: string[] = []): Secrets {
  const accounts = query<{ email: string; password_hash: string }>("select email, password_hash from account");
  const tokens = query<{ token_hash: string }>("select token_hash from api_token");
  const boinc = readE2eBoincAccounts().flatMap((a) => [a.email, a.password, a.authenticator]);
  return {
    exact: [
      ...accounts.flatMap((a) => [a.email, a.password_hash]),
      ...tokens.map((t) => t.token_hash),
      ...boinc,
      ...extra,
    ].filter((s) => s.length >= 8),
  };
}

/** The leaks in one answer (body and headers), each as a short description; [] when clean. */
export async function leaksIn(
  response: APIResponse | { headers(): Record<string, string>; body(): Promise<Buffer> },
  secrets: Secrets,
) {
  const headers = response.headers();
  const body = await response.body();
  const type = headers["content-type"] ?? "";
  const text = TEXT_TYPES.test(type) ? body.toString("utf8") : body.toString("latin1");
  const headerText = Object.entries(headers)
    .filter(([name]) => name !== "set-cookie") // next-auth's cookies are encrypted (JWE) and CSRF tokens
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");
  const found: string[] = [];
  for (const [where, haystack] of [
    ["body", text],
    ["headers", headerText],
  ] as const) {
    for (const secret of secrets.exact)
      if (haystack.includes(secret)) found.push(`${where} holds a stored secret (${secret.slice(0, 6)}…)`);
    const hash = PASSWORD_HASH_PATTERN.exec(haystack);
    if (hash) found.push(`${where} holds a password hash (${hash[0].slice(0, 16)}…)`);
    // Only text is read for email-like words: binary data (PNG, HDF5, FITS) matches by chance.
    if (where === "headers" || TEXT_TYPES.test(type))
      for (const m of haystack.matchAll(EMAIL))
        if (!FILE_NAME.test(m[0])) found.push(`${where} holds an email address: ${context(haystack, m.index!, m[0])}`);
  }
  return found;
}

function context(text: string, at: number, match: string): string {
  return JSON.stringify(text.slice(Math.max(0, at - 30), at + match.length + 30));
}

/** Same-site links of an HTML page (paths with their query), without fragments, tiles or assets. */
export function linksOf(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/href="([^"]+)"/g)) {
    const href = m[1].replace(/&amp;/g, "&").split("#")[0];
    if (!href.startsWith("/") || href.startsWith("//") || /^\/(_next|tiles)\//.test(href)) continue;
    out.add(href);
  }
  return [...out];
}
