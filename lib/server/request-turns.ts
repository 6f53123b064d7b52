/**
 * Starts the server's requests in the order they arrived, a turn of the event loop starting no
 * more once 1 ms has gone on them.
 *
 * Node's libuv accepts one new connection per turn. Otherwise a turn runs every request that
 * arrived on the open connections. Under load those turns grew long: with 200 connections on one
 * process a turn took tens of milliseconds, and a burst of new connections, accepted one per
 * turn, left the last of 200 waiting over 2 s before its first request was even read (the mixed
 * load's timeouts). Queued here, turns stay short, new connections get in while the open ones
 * keep the server busy, and the requests of every route wait alike (bench/load.bench.ts: no
 * timeouts, and more requests answered).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** How long one turn keeps starting queued requests (at least one) before it lets I/O in. */
const TURN_BUDGET_MS = 1;

export function startRequestsInTurns(handler: RequestHandler): RequestHandler {
  const queue: [IncomingMessage, ServerResponse][] = [];
  let scheduled = false;
  const startQueued = () => {
    const until = performance.now() + TURN_BUDGET_MS;
    try {
      do {
        const [req, res] = queue.shift()!;
        // A client that left while its request waited is not answered.
        if (!req.socket.destroyed) handler(req, res);
      } while (queue.length > 0 && performance.now() < until);
    } finally {
      scheduled = queue.length > 0;
      // setImmediate from within an immediate runs in the next turn, after that turn's I/O.
      if (scheduled) setImmediate(startQueued);
    }
  };
  return (req, res) => {
    queue.push([req, res]);
    if (scheduled) return;
    scheduled = true;
    setImmediate(startQueued);
  };
}
