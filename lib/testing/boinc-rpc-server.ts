// A small BOINC project for tests: it answers the two Web RPCs the portal uses to link accounts,
// lookup_account.php and am_get_info.php, as BOINC's html/user scripts do (XML replies, the
// `<error>` form with BOINC's error numbers, names `urlencode`d by am_get_info). It can also
// play a project down for maintenance (-183) or a broken server (HTTP 500). Shared by the Vitest
// tests and the browser-test server (scripts/e2e-server.ts).
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { byteWiseReferences } from "@/lib/ingest/boinc-stats/boinc-text";

export type FakeBoincAccount = {
  id: number;
  name: string;
  email: string;
  password: string;
  /** the account key */
  authenticator: string;
  /** send the name as UTF-8 bytes in character references instead of urlencoded, as some servers do */
  nameAsReferences?: boolean;
};

export type BoincRpcMode = "up" | "down" | "http-500";

export type BoincRpcServer = {
  url: string;
  setMode(mode: BoincRpcMode): void;
  /** the paths and queries asked so far */
  requests: string[];
  close(): Promise<void>;
};

const md5 = (text: string) => createHash("md5").update(text).digest("hex");
const xmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
// PHP's urlencode: everything but letters, digits and -_. is %XX; spaces become +.
const phpUrlencode = (text: string) =>
  [...Buffer.from(text, "utf8")]
    .map((b) =>
      /[A-Za-z0-9_.-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : b === 32
          ? "+"
          : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");

const HEADER = '<?xml version="1.0" encoding="ISO-8859-1" ?>\n';
const error = (num: number, message: string) =>
  `${HEADER}<error>\n    <error_num>${num}</error_num>\n    <error_msg>${message}</error_msg>\n</error>\n`;

function answer(accounts: FakeBoincAccount[], url: URL): string | null {
  const q = url.searchParams;
  if (url.pathname.endsWith("/lookup_account.php")) {
    const email = (q.get("email_addr") ?? "").toLowerCase();
    const user = accounts.find((a) => a.email.toLowerCase() === email);
    if (!user) return error(-136, "not found");
    const hash = q.get("passwd_hash");
    if (!hash) return `${HEADER}<account_out>\n    <success/>\n</account_out>\n`;
    if (hash !== md5(user.password + email) && hash !== md5(user.authenticator + email))
      return error(-206, "invalid password");
    return `${HEADER}<account_out>\n<authenticator>${user.authenticator}</authenticator>\n</account_out>\n`;
  }
  if (url.pathname.endsWith("/am_get_info.php")) {
    const user = accounts.find((a) => a.authenticator === q.get("account_key"));
    if (!user) return error(-136, "not found");
    const name = user.nameAsReferences ? byteWiseReferences(xmlEscape(user.name)) : phpUrlencode(user.name);
    return `${HEADER}<am_get_info_reply>\n    <success/>\n    <id>${user.id}</id>\n<name>${name}</name>\n<country>International</country>\n<weak_auth>${user.id}_${md5(user.authenticator + user.password)}</weak_auth>\n<global_prefs>\n<global_preferences><run_on_batteries>0</run_on_batteries></global_preferences>\n</global_prefs>\n<teamid>0</teamid>\n<venue></venue></am_get_info_reply>\n`;
  }
  return null;
}

export async function startBoincRpcServer(accounts: FakeBoincAccount[], port = 0): Promise<BoincRpcServer> {
  let mode: BoincRpcMode = "up";
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://boinc.test");
    requests.push(url.pathname + url.search);
    if (mode === "http-500") {
      res.writeHead(500, { "Content-Type": "text/html" }).end("<html><body>Internal Server Error</body></html>");
      return;
    }
    const body = mode === "down" ? error(-183, "project down for maintenance") : answer(accounts, url);
    if (body === null) res.writeHead(404, { "Content-Type": "text/html" }).end("<html><body>Not Found</body></html>");
    else res.writeHead(200, { "Content-Type": "text/xml" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/pogs/`,
    setMode: (next) => void (mode = next),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A BOINC user's made-up credentials, the same every time for an id. */
export function fakeBoincAccount(id: number, name: string): FakeBoincAccount {
  return {
    id,
    name,
    email: `boinc-user-${id}@example.net`,
    password: `boinc-password-${id}`,
    authenticator: md5(`account key of BOINC user ${id}`),
  };
}
