/**
 * Renders a page for the page cache apart from any visitor's connection, with light-my-request
 * (Fastify's request injection): Next gets a request and a response of their own, so the
 * rendering runs to the end however long it takes and whoever gives up waiting. Rendered into the
 * visitor's own response, a page would be abandoned when that visitor left (Next stops rendering
 * when the connection closes), and a burst on cold pages under load, where every rendering takes
 * longer than visitors wait, would never fill the cache.
 */
import type http from "node:http";
import { inject } from "light-my-request";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface RenderedResponse {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

/** Next's answer to a GET of `url` with the visitor's headers, uncompressed (so a nonce can be cut out). */
export async function renderDetached(next: Handler, req: http.IncomingMessage, url: string): Promise<RenderedResponse> {
  const headers = { ...req.headers };
  delete headers["accept-encoding"];
  const response = await inject(next as Parameters<typeof inject>[0], {
    method: "GET",
    url,
    headers: headers as Record<string, string>,
    remoteAddress: req.socket.remoteAddress,
  });
  return { status: response.statusCode, headers: response.headers, body: response.rawPayload };
}
