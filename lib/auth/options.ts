// next-auth's configuration: email and password (Credentials) checked by ./sign-in.ts, sessions
// as encrypted JWT cookies (the only kind Credentials allows) that carry the account id alone.
// Name, role and BOINC link are read from the database at every session check, so a new link or
// a changed role shows at once and a deleted account is signed out.
import type { AuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { clientAddress } from "./client-address";
import { getSessionAccount } from "./queries";
import { authSecret } from "./secret";
import type { SessionBody } from "./session-body";
import { signInWithPassword } from "./sign-in";

const cached = new Map<boolean, AuthOptions>();

/**
 * Built on first use, not at import: `next build` loads route modules and has no secret to read.
 * `secure`: the request reached the portal over https (./secure-cookies.ts).
 */
export function authOptions(secure: boolean): AuthOptions {
  const known = cached.get(secure);
  if (known) return known;
  const options: AuthOptions = {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    // Secure (and __Secure-/__Host- names) for every next-auth cookie behind https.
    useSecureCookies: secure,
    cookies: { sessionToken: sessionCookie(secure) },
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
      // Without NEXTAUTH_URL next-auth warns once; the portal builds its own redirects and reads
      // https from X-Forwarded-Proto (./secure-cookies.ts), so nothing depends on it.
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
  cached.set(secure, options);
  return options;
}

/**
 * next-auth's defaults, written out because the session's safety rests on them: HttpOnly, as no
 * script needs the token (client components ask /api/auth/session); SameSite=Lax, so requests
 * that other sites' pages send (forms, fetches, images) arrive signed out while links to the
 * portal still arrive signed in; Secure behind https, under the __Secure- name that a plain-http
 * answer cannot set. lib/access/limits/caller.ts recognises both names.
 */
function sessionCookie(secure: boolean) {
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
