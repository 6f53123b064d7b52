// The portal server starts its requests in arrival order, a turn of the event loop starting no
// more after 1 ms of work (lib/server/request-turns.ts), so that a burst of new connections is
// accepted while the open ones keep it busy. A counter that advances once per turn shows it;
// the handlers here take 2 ms, so each gets a turn of its own.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startRequestsInTurns } from "@/lib/server/request-turns";

let turn = 0;
let ticking = true;
const tick = () => {
  turn++;
  if (ticking) setImmediate(tick);
};
const startTicking = () => {
  ticking = true;
  setImmediate(tick);
};
afterEach(() => {
  ticking = false;
});

const turnsPassed = (n: number) =>
  new Promise<void>((resolve) => {
    const until = turn + n;
    const wait = () => (turn >= until ? resolve() : setImmediate(wait));
    setImmediate(wait);
  });

/** A handler's synchronous work: longer than the turn's budget. */
const work = () => {
  const until = performance.now() + 2;
  while (performance.now() < until);
};

const fakeRequest = (name: string, destroyed = false) =>
  [{ url: name, socket: { destroyed } } as unknown as IncomingMessage, {} as ServerResponse] as const;

describe("requests started in turns", () => {
  it("starts queued requests in order, a turn each, and skips a client that left", async () => {
    startTicking();
    const started: [string, number][] = [];
    const handle = startRequestsInTurns((req) => {
      work();
      started.push([req.url!, turn]);
    });
    handle(...fakeRequest("/a"));
    handle(...fakeRequest("/b", true));
    handle(...fakeRequest("/c"));
    handle(...fakeRequest("/d"));
    expect(started).toEqual([]); // nothing runs in the turn the requests arrived in
    await turnsPassed(8);
    expect(started.map(([url]) => url)).toEqual(["/a", "/c", "/d"]);
    const turns = started.map(([, t]) => t);
    expect(new Set(turns).size).toBe(turns.length);

    // The queue empties and starts again on the next request.
    handle(...fakeRequest("/e"));
    await turnsPassed(3);
    expect(started.at(-1)?.[0]).toBe("/e");
  });

  it("answers every request of 40 connections opened at once, each in a turn of its own", async () => {
    startTicking();
    const turns: number[] = [];
    const server = http.createServer(
      startRequestsInTurns((req, res) => {
        turns.push(turn);
        work();
        res.end(`answer to ${req.url}`);
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const bodies = await Promise.all(
        Array.from({ length: 40 }, async (_, k) => {
          const r = await fetch(`http://127.0.0.1:${port}/r${k}`, { headers: { connection: "close" } });
          return [r.status, await r.text()];
        }),
      );
      expect(bodies).toEqual(Array.from({ length: 40 }, (_, k) => [200, `answer to /r${k}`]));
      expect(turns).toHaveLength(40);
      expect(new Set(turns).size).toBe(40);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
