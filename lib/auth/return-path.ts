// Where sign-in sends a visitor back to. Only a path of this site: a `callbackUrl` naming another
// site (`https://evil.example`, `//evil.example`, `/\evil.example`) would make the portal's sign-in
// page a springboard for phishing.
export function safeReturnPath(raw: string | null | undefined, fallback = "/account"): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  // Control characters and backslashes are read as slashes by some browsers.
  if (/[\u0000-\u001f\\]/.test(raw)) return fallback;
  return raw;
}
