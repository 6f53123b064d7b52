// The address a request came from, for per-address limits. Next sets X-Forwarded-For to the
// socket's address when a request has none; nginx (deploy/nginx) appends the client's address to
// whatever the client sent. So the last entry is the one written by the nearest trusted hop, and
// entries before it are the client's own claims, never used.
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(source: HeaderSource): string {
  const forwarded = header(source, "x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  const address = last || "unknown";
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is the same client as its IPv4 form.
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}
