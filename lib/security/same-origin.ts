/**
 * CSRF protection of the route handlers that change something (POST, DELETE, …; `apiRoute` and
 * `ivoaRoute` ask here first). The session cookie is SameSite=Lax, but a request from another site
 * can still act as the visitor's network address (anonymous jobs are theirs by address), and Lax
 * is only as good as every browser's keeping of it. So: a browser names the page that sent a POST
 * in `Origin`, and one naming another site is refused. Scripts (curl, Python, TOPCAT) send no
 * Origin and carry no visitor's cookies; they pass.
 *
 * Server Actions get the same check from Next (Origin against Host), next-auth's endpoints their
 * own CSRF token.
 */
import { ApiError } from "@/lib/api/errors";
import { settings } from "@/lib/config";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The names this portal answers as: its public URL's, and the Host the request came to (or the
 * one a proxy forwarded, or the one in the URL Next built). Ports are not compared: cookies ignore them too, and nginx's `$host`
 * (deploy/nginx) forwards the name without the port the browser used.
 */
function ownHostnames(request: Request, nextAuthUrl: string | undefined): string[] {
  const hosts = [request.headers.get("host"), request.headers.get("x-forwarded-host")?.split(",")[0]?.trim()];
  const names = hosts.filter((h): h is string => !!h).map((h) => hostnameOf(`http://${h}`));
  names.push(hostnameOf(request.url));
  if (nextAuthUrl) names.push(hostnameOf(nextAuthUrl));
  return names.filter((n): n is string => n !== null);
}

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null; // Origin "null" (sandboxed frames, privacy redirects) or garbage: no known page
  }
}

/** A 403 for a state-changing request sent by another site's page; null when it may go on. */
export function crossSiteRefusal(
  request: Request,
  publicUrl: () => string | undefined = () => settings().nextAuthUrl,
): ApiError | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin");
  if (origin === null) {
    // Browsers that leave Origin out still say where the request came from here.
    if (request.headers.get("sec-fetch-site") !== "cross-site") return null;
  } else {
    const name = hostnameOf(origin);
    if (name && ownHostnames(request, publicUrl()).includes(name)) return null;
  }
  const from = origin === null ? "another site" : `another site (${origin})`;
  return new ApiError(
    403,
    "forbidden",
    `a ${request.method} from ${from} is refused: changes are taken from the portal's own pages and from scripts`,
  );
}
