// next-auth's routes (/api/auth/session, /csrf, /callback/credentials, /signout, …); the options
// live in lib/auth/options.ts.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/errors";
import { badCallbackCookies, isCallbackUrl } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";
import { secureCookies } from "@/lib/auth/secure-cookies";

type Context = { params: Promise<{ nextauth: string[] }> };

// A callbackUrl next-auth would answer with a 500 gets a 400, and a bad cookie is cleared.
function callbackUrlProblem(request: NextRequest): Response | null {
  const query = request.nextUrl.searchParams.get("callbackUrl");
  const badCookies = badCallbackCookies(request.cookies);
  if ((query === null || isCallbackUrl(query)) && !badCookies.length) return null;
  const response = errorResponse(400, {
    code: "bad_request",
    message: "callbackUrl must be a path of this site or an http(s) URL",
  });
  for (const name of badCookies) response.headers.append("set-cookie", `${name}=; Path=/; Max-Age=0`);
  return response;
}

const handler = async (request: NextRequest, context: Context): Promise<Response> =>
  callbackUrlProblem(request) ?? NextAuth(request, context, authOptions(secureCookies(request.headers)));

export { handler as GET, handler as POST };
