// The tile fast path on a free loopback port, in the test process (no Next): what the portal
// server runs in front of Next, with the same on-demand renderer.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { MapsContext } from "@/lib/maps/service/context";
import { createOnDemandTiles, type OnDemandOptions, type OnDemandTiles } from "@/lib/maps/service/on-demand";
import { createTileServer, type TileServer } from "@/lib/maps/tile-server";

export type TestServer = { url: string; tiles: TileServer; onDemand: OnDemandTiles; close(): Promise<void> };

export async function startTileTestServer(
  ctx: MapsContext,
  options: OnDemandOptions & { memoryBytes?: number } = {},
): Promise<TestServer> {
  const onDemand = createOnDemandTiles(ctx, { log: () => {}, ...options });
  const tiles = createTileServer({ dataDir: ctx.dataDir, onDemand, memoryBytes: options.memoryBytes, log: () => {} });
  const server = http.createServer((req, res) => {
    if (!tiles.handle(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  // Longer than a client keeps idle connections, so none is reused just as the server drops it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tiles,
    onDemand,
    async close() {
      await onDemand.queue.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
