// next-auth refuses a `callbackUrl` (query or cookie) that is neither a path nor an http(s) URL by
// answering 500 ("server configuration") from its routes and throwing from getServerSession. Such a
// value is a visitor's (or a fuzzer's) mistake, so the portal checks it first: routes answer 400
// and clear the cookie, pages treat the visitor as signed out.
export const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"] as const;

export function isCallbackUrl(raw: string): boolean {
  return raw.startsWith("/") || (URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol));
}

/** The callback-url cookies next-auth would refuse, by name. */
export function badCallbackCookies(cookies: { get(name: string): { value: string } | undefined }): string[] {
  return CALLBACK_URL_COOKIES.filter((name) => {
    const value = cookies.get(name)?.value;
    return value !== undefined && !isCallbackUrl(value);
  });
}
