/**
 * Responses of the maps route handlers: JSON bodies with their cache policy, and PNGs with ETags
 * answered by 304 before anything is rendered. (Errors are `apiRoute`'s, in `lib/api`.)
 */
import { createHash } from "node:crypto";
import { CONTENT_TYPES } from "@/lib/maps/content-types";
import type { ShareImage } from "./share-images";

function ifNoneMatch(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header === "*" || header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag.replace(/^W\//, ""));
}

/** JSON that changes at any time: never stored. */
export function noStoreJson(body: unknown): Response {
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}

/**
 * JSON revalidated on every use: a weak ETag of the body, so a poll that finds nothing new costs
 * a 304 and no transfer.
 */
export function revalidatedJson(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `W/"${createHash("sha1").update(text).digest("base64url").slice(0, 22)}"`;
  const headers = { "Cache-Control": "no-cache", ETag: etag };
  if (ifNoneMatch(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { headers: { ...headers, "Content-Type": "application/json" } });
}

/** Share images: public, 10 minutes fresh (as the original), revalidated by ETag. */
export async function pngResponse(request: Request, image: ShareImage, maxAgeSeconds = 600): Promise<Response> {
  const headers = { "Cache-Control": `public, max-age=${maxAgeSeconds}`, ETag: image.etag };
  if (ifNoneMatch(request, image.etag)) return new Response(null, { status: 304, headers });
  const png = await image.png();
  return new Response(new Uint8Array(png), {
    headers: { ...headers, "Content-Type": CONTENT_TYPES.png, "Content-Length": String(png.length) },
  });
}
