// next-auth's configuration: email and password (Credentials) checked by ./sign-in.ts, sessions
// as encrypted JWT cookies (the only kind Credentials allows) that carry the account id alone.
// Name, role and BOINC link are read from the database at every session check, so a new link or
// a changed role shows at once and a deleted account is signed out.
import type { AuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { settings } from "@/lib/config";
import { db } from "@/lib/db/client";
import { clientAddress } from "./client-address";
import { getSessionAccount } from "./queries";
import { authSecret } from "./secret";
import type { SessionBody } from "./session-body";
import { signInWithPassword } from "./sign-in";

let cached: AuthOptions | undefined;

/** Built on first use, not at import: `next build` loads route modules and has no secret to read. */
export function authOptions(): AuthOptions {
  cached ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    useSecureCookies: settings().nextAuthUrl?.startsWith("https://") ?? false,
    providers: [
      CredentialsProvider({
        name: "email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const result = await signInWithPassword(db(), {
            email: credentials?.email ?? "",
            password: credentials?.password ?? "",
            address: clientAddress(request.headers ?? {}),
          });
          // next-auth hands a thrown message to the sign-in form as its error.
          if (!result.ok) throw new Error(result.message);
          return { id: String(result.accountId) };
        },
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => ({ sub: user?.id ?? token.sub }),
      session: async ({ session, token }) => {
        const accountId = Number(token.sub);
        const account = Number.isInteger(accountId) ? await getSessionAccount(accountId) : null;
        // An empty body is next-auth's "no session" (getServerSession answers null).
        if (!account) return {} as Session;
        const body: SessionBody = {
          expires: session.expires,
          user: { id: account.id, name: account.name, role: account.role, boincUserId: account.boincUserId },
        };
        return body as unknown as Session;
      },
    },
    logger: {
      // Without NEXTAUTH_URL next-auth warns once; the portal builds its own redirects, so only
      // secure cookies depend on it (README: set NEXTAUTH_URL behind HTTPS).
      warn: (code) => {
        if (code !== "NEXTAUTH_URL") console.warn(`next-auth warning: ${code}`);
      },
      error: (code, metadata) => {
        const message = metadata instanceof Error ? metadata.message : (metadata as { message?: string })?.message;
        console.error(`next-auth error ${code}${message ? `: ${message}` : ""}`);
      },
      debug: () => {},
    },
  };
  return cached;
}
