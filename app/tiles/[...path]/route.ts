// /tiles/… when the portal runs under `next dev` (or a plain `next start`): the same files and
// on-demand rendering as the fast path of scripts/serve.ts, through Next's pipeline. With
// `npm start` this route is never reached — the tile server answers /tiles/ before Next.
import { readFile } from "node:fs/promises";
import { contentTypeOf } from "@/lib/maps/content-types";
import { IMMUTABLE } from "@/lib/maps/tile-server";
import { resolveContext } from "@/lib/maps/service/context";
import { createOnDemandTiles, type OnDemandTiles } from "@/lib/maps/service/on-demand";
import { parseTileUrl, tileFileOf } from "@/lib/maps/service/tile-paths";

let onDemand: OnDemandTiles | undefined;

export async function GET(request: Request): Promise<Response> {
  const pathname = new URL(request.url).pathname;
  const address = parseTileUrl(pathname);
  if (!address) return new Response("Not found\n", { status: 404 });
  try {
    return new Response(new Uint8Array(await readFile(tileFileOf(resolveContext().dataDir, pathname))), {
      headers: { "Content-Type": contentTypeOf(pathname), "Cache-Control": IMMUTABLE },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  onDemand ??= createOnDemandTiles(resolveContext(), { backgroundBuilds: false });
  const tile = await onDemand.render(address);
  if (!tile) return new Response("Not found\n", { status: 404 });
  return new Response(new Uint8Array(tile.body), {
    headers: { "Content-Type": tile.contentType, "Cache-Control": IMMUTABLE },
  });
}
