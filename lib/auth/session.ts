// The signed-in account for pages, route handlers and Server Actions. Pages and actions must
// check here themselves: nothing in front of them (proxy.ts only sets headers) has done it.
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { badCallbackCookies } from "./callback-url";
import { authOptions } from "./options";
import { safeReturnPath } from "./return-path";
import type { Role } from "./roles";
import { secureCookies } from "./secure-cookies";
import type { SessionBody } from "./session-body";

export type AccountSession = { accountId: number; role: Role; boincUserId: number | null; name: string };

/** The visitor's account, or null; read once per request however many components ask. */
export const getSession = cache(async (): Promise<AccountSession | null> => {
  const requestHeaders = await headers();
  if (badCallbackCookies(await cookies()).length) return null;
  const options = authOptions(secureCookies(requestHeaders));
  const session = (await getServerSession(options)) as Partial<SessionBody> | null;
  const user = session?.user;
  if (!user) return null;
  return { accountId: user.id, role: user.role, boincUserId: user.boincUserId, name: user.name };
});

/** The signed-in account; anyone else is sent to /sign-in and brought back to `returnTo` after. */
export async function requireSignedIn(returnTo = "/account"): Promise<AccountSession> {
  const session = await getSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return session;
}

/** An admin's session; others signed in get the 403 page (app/forbidden.tsx), strangers /sign-in. */
export async function requireAdmin(returnTo = "/admin"): Promise<AccountSession> {
  const session = await requireSignedIn(returnTo);
  if (session.role !== "admin") forbidden();
  return session;
}
