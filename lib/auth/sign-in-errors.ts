// Texts for next-auth's own error codes. A sign-in page reached with `?error=` shows only these:
// showing any text from the URL would let a link put words in the portal's mouth.
const CODES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  SessionRequired: "Sign in to see that page.",
};

const GENERIC = "Signing in did not work. Try again.";

/** The text for `?error=<code>` on the sign-in page. */
export function signInErrorFromUrl(code: string | undefined): string | undefined {
  return code ? (CODES[code] ?? GENERIC) : undefined;
}

/** The text for next-auth's answer to a sign-in call: a code, or the reason ./sign-in.ts gave. */
export function signInErrorFromResult(error: string | null | undefined): string {
  return error ? (CODES[error] ?? error) : GENERIC;
}
