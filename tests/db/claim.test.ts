// Claims on background work (lib/db/claim.ts) and on queued rows (lib/db/claim-queue.ts), on a real
// SQLite file and on PostgreSQL (POGS_TEST_POSTGRES_URL): of many clients racing for one piece of
// work exactly one gets it, a dead holder's claim is taken over and the holder learns it lost it,
// and racing job workers each take different jobs.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimNextJob } from "@/lib/access/jobs/job-claim";
import { createDb, type Db } from "@/lib/db/client";
import { tryClaimWork, waitForRelease, withWorkClaim } from "@/lib/db/claim";
import { TEST_POSTGRES_URL, createPostgresDatabase } from "@/lib/testing/postgres-database";
import { createTempDatabase } from "@/lib/testing/temp-database";

type Engine = { db: Db; url: string; cleanup(): Promise<void> };

const engines: [string, boolean, () => Promise<Engine>][] = [
  [
    "SQLite",
    true,
    async () => {
      const t = await createTempDatabase();
      return { db: t.db, url: t.databaseUrl, cleanup: t.cleanup };
    },
  ],
  [
    "PostgreSQL",
    !!TEST_POSTGRES_URL,
    async () => {
      const p = await createPostgresDatabase("claim");
      return { db: p.db, url: p.databaseUrl, cleanup: p.drop };
    },
  ],
];

describe.each(engines)("claims on %s", (_name, available, open) => {
  let engine: Engine;
  // Separate clients (separate connections, as separate processes have).
  let clients: Db[] = [];
  beforeAll(async () => {
    if (!available) return;
    engine = await open();
    clients = Array.from({ length: 8 }, () => createDb(engine.url));
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await engine?.cleanup();
  });

  it.runIf(available)("gives one piece of work to exactly one of many racing processes", async () => {
    for (let round = 0; round < 5; round++) {
      const key = `race-${round}`;
      const claims = await Promise.all(
        clients.map((db, i) => tryClaimWork(db, "pyramid", key, { owner: `process-${i}` })),
      );
      const winners = claims.filter((c) => c !== null);
      expect(winners).toHaveLength(1);
      const row = await engine.db.workClaim.findUniqueOrThrow({ where: { kind_key: { kind: "pyramid", key } } });
      expect(row.owner).toBe(winners[0]!.owner);
      // Held: nobody else gets it; released: the next one does.
      expect(await tryClaimWork(clients[0], "pyramid", key, { owner: "late" })).toBeNull();
      await winners[0]!.release();
      const next = await tryClaimWork(clients[1], "pyramid", key, { owner: "next" });
      expect(next?.owner).toBe("next");
      await next!.release();
    }
    expect(await engine.db.workClaim.count()).toBe(0);
  });

  it.runIf(available)("keys by kind: an archive and a pyramid of the same key are separate work", async () => {
    const a = await tryClaimWork(engine.db, "archive", "7", { owner: "a" });
    const p = await tryClaimWork(engine.db, "pyramid", "7", { owner: "p" });
    expect(a && p).toBeTruthy();
    await Promise.all([a!.release(), p!.release()]);
  });

  it.runIf(available)("takes over a claim whose holder stopped renewing it, and the holder learns", async () => {
    // The holder renews every 40 ms; a claimer that thinks 300 ms of silence means death.
    const holder = (await tryClaimWork(clients[0], "archive", "12", { owner: "holder", heartbeatMs: 40 }))!;
    await new Promise((r) => setTimeout(r, 400));
    // Still renewing: not stale.
    expect(await tryClaimWork(clients[1], "archive", "12", { owner: "taker", staleMs: 300 })).toBeNull();
    const frozen = (await tryClaimWork(clients[2], "archive", "13", { owner: "frozen", heartbeatMs: 60_000 }))!;
    await new Promise((r) => setTimeout(r, 400));
    const taker = await tryClaimWork(clients[1], "archive", "13", { owner: "taker", staleMs: 300 });
    expect(taker?.owner).toBe("taker");
    // The frozen holder's release must not remove the new holder's claim.
    await frozen.release();
    const row = await engine.db.workClaim.findUniqueOrThrow({ where: { kind_key: { kind: "archive", key: "13" } } });
    expect(row.owner).toBe("taker");

    // A holder whose claim was taken over sees its signal abort at its next heartbeat.
    await engine.db.workClaim.update({
      where: { kind_key: { kind: "archive", key: "12" } },
      data: { owner: "someone else" },
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(holder.signal.aborted).toBe(true);
    await Promise.all([holder.release(), taker!.release()]);
  });

  it.runIf(available)("takes over at once a claim of a process of this machine that is gone", async () => {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    const dead = `${hostname()}:${gone}:abcdef`;
    const alive = `${hostname()}:${process.pid}:abcdef`;
    const now = new Date();
    await engine.db.workClaim.createMany({
      data: [
        { kind: "pyramid", key: "dead", owner: dead, heartbeatAt: now },
        { kind: "pyramid", key: "alive", owner: alive, heartbeatAt: now },
      ],
    });
    expect(await tryClaimWork(clients[0], "pyramid", "alive", { owner: "other" })).toBeNull();
    await waitForRelease(clients[1], "pyramid", "dead"); // returns at once
    const taken = await tryClaimWork(clients[0], "pyramid", "dead", { owner: "other" });
    expect(taken?.owner).toBe("other");
    await taken!.release();
    await engine.db.workClaim.delete({ where: { kind_key: { kind: "pyramid", key: "alive" } } });
  });

  it.runIf(available)("runs work under a claim once and lets waiters see it finish", async () => {
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 200));
      return "done";
    };
    const results = await Promise.all(clients.map((db) => withWorkClaim(db, "pyramid", "1/v2/mu", work)));
    expect(runs).toBe(1);
    expect(results.filter((r) => r.ran)).toEqual([{ ran: true, value: "done" }]);
    await waitForRelease(engine.db, "pyramid", "1/v2/mu");
    expect(await engine.db.workClaim.count({ where: { key: "1/v2/mu" } })).toBe(0);
  });

  it.runIf(available)("hands each queued job to exactly one of several racing workers", async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    for (const [i, id] of ids.entries())
      await engine.db.dataRequest.create({
        data: { id, format: "fits", params: "{}", createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) },
      });
    const taken = await Promise.all(
      clients.map(async (db, w) => {
        const mine: string[] = [];
        for (let job = await claimNextJob(db, `worker-${w}`); job; job = await claimNextJob(db, `worker-${w}`))
          mine.push(job.id);
        return mine;
      }),
    );
    const all = taken.flat();
    expect(all.sort()).toEqual([...ids].sort());
    expect(new Set(all).size).toBe(ids.length);
    // The claims recorded are the ones returned.
    const rows = await engine.db.dataRequest.findMany({ select: { id: true, status: true, claimedBy: true } });
    for (const [w, mine] of taken.entries())
      for (const id of mine)
        expect(rows.find((r) => r.id === id)).toMatchObject({ status: "running", claimedBy: `worker-${w}` });
  });
});
