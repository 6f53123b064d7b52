// The rank checkpoints (lib/credit/rank-checkpoints.ts) give the same leaderboard pages and ranks
// as sorting every volunteer, on SQLite and (with POGS_TEST_POSTGRES_URL) PostgreSQL: after the
// statistics import that builds them, after the next import that moves everyone (its follow-up
// rebuilds them; until then they are not used), and after a results ingest's placeholder
// volunteers join the rows at 0, which the checkpoints do not cover (they are kept as they were).
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLeaderboard } from "@/lib/credit/leaderboards";
import { detectMilestones } from "@/lib/credit/milestones/detect";
import { currentCheckpoints } from "@/lib/credit/rank-checkpoints";
import { userOrder } from "@/lib/credit/leaderboard-users";
import { hiddenUserKeys } from "@/lib/credit/listed";
import { listedRank } from "@/lib/credit/ranked-order";
import type { Db } from "@/lib/db/client";
import { importStatsExport } from "@/lib/ingest/stats-import";
import { DAY, T0, user, writeDump } from "@/lib/testing/synthetic-dump";
import { createPostgresDatabase, TEST_POSTGRES_URL } from "@/lib/testing/postgres-database";
import { createTempDatabase } from "@/lib/testing/temp-database";
import { hideFromLists } from "@/tests/credit/helpers";

const USERS = 2600;
// Credit tied in threes, RAC in pairs; one in seven has none of either.
const exportOf = (day: number, shift: number) => ({
  updateTime: T0 + day * DAY,
  teams: [],
  users: Array.from({ length: USERS }, (_, k) => {
    const id = k + 1;
    const none = (id + shift) % 7 === 0;
    return user(id, {
      totalCredit: none ? 0 : 10 * Math.floor(((id * 7919 + shift) % USERS) / 3) + 1,
      expavgCredit: none ? 0 : 1 + Math.floor(((id * 104729 + shift) % USERS) / 2),
      expavgTime: T0 + day * DAY - 3600,
    });
  }),
});

/** Every listed volunteer in list order with competition ranks, by sorting them all. */
async function sortedList(db: Db, by: "credit" | "rac") {
  const field = by === "credit" ? "totalCredit" : "racOrder";
  const hidden = new Set((await db.account.findMany({ where: { hideFromLists: true } })).map((a) => a.boincUserId));
  const all = (await db.boincUser.findMany({ orderBy: [{ [field]: "desc" }, { id: "asc" }] })).filter(
    (u) => !hidden.has(u.id),
  );
  let rank = 0;
  return all.map((u, i) => {
    if (i === 0 || u[field] !== all[i - 1][field]) rank = i + 1;
    return { id: u.id, rank };
  });
}

async function expectListsRight(db: Db, now: number) {
  for (const by of ["credit", "rac"] as const) {
    const sorted = await sortedList(db, by);
    for (const page of [1, 10, 11, 20, 21, 22, 23, 24, 25, 26, 27]) {
      const board = await getLeaderboard({ kind: "users", by, page, size: 100 }, { db, nowMs: now * 1000 });
      expect(board.total).toBe(sorted.length);
      const want = sorted.slice(100 * (page - 1), 100 * page);
      expect(board.rows.map((r) => ({ id: r.id, rank: r.rank }))).toEqual(want);
    }
    const hidden = await hiddenUserKeys(db, by === "credit" ? "total_credit" : "rac_order");
    for (const { id, rank } of sorted.filter((_, i) => i % 97 === 5)) {
      const u = await db.boincUser.findUniqueOrThrow({ where: { id } });
      expect(await listedRank(db, userOrder(by), by === "credit" ? u.totalCredit : u.racOrder, hidden)).toBe(rank);
    }
  }
}

const engines: [string, boolean, () => Promise<{ db: Db; close(): Promise<void> }>][] = [
  ["SQLite", true, async () => createTempDatabase().then((t) => ({ db: t.db, close: () => t.cleanup() }))],
  [
    "PostgreSQL",
    Boolean(TEST_POSTGRES_URL),
    async () => createPostgresDatabase("scale_ranks").then((p) => ({ db: p.db, close: () => p.drop() })),
  ],
];

describe.each(engines)("rank checkpoints on %s", (_engine, enabled, open) => {
  let db: Db;
  let close: () => Promise<void>;
  const dumps = mkdtempSync(path.join(os.tmpdir(), "pogs-rank-checkpoints-"));
  beforeAll(async () => {
    if (!enabled) return;
    ({ db, close } = await open());
  }, 120_000);
  afterAll(async () => {
    await close?.();
    rmSync(dumps, { recursive: true, force: true });
  });

  it.runIf(enabled)(
    "are built by an import and give the sorted pages and ranks",
    async () => {
      await importStatsExport(db, await writeDump(path.join(dumps, "d0"), exportOf(0, 0)));
      await hideFromLists(db, [5, 1200, 2500]);
      expect((await currentCheckpoints(db, "rac_order"))?.points.length).toBe(3);
      await expectListsRight(db, T0);
    },
    120_000,
  );

  it.runIf(enabled)(
    "are rebuilt by the next import, and not used before that",
    async () => {
      const next = await writeDump(path.join(dumps, "d1"), exportOf(1, 11));
      await db.statsExport.create({ data: { exportTime: new Date((T0 + DAY / 2) * 1000), source: "test" } });
      expect(await currentCheckpoints(db, "total_credit")).toBeNull();
      await expectListsRight(db, T0);
      await importStatsExport(db, next);
      expect(await currentCheckpoints(db, "total_credit")).not.toBeNull();
      await expectListsRight(db, T0 + DAY);
    },
    120_000,
  );

  it.runIf(enabled)(
    "stay right when an ingest adds volunteers without credit",
    async () => {
      // What an ingest does: placeholders for volunteers the statistics do not know, then its
      // follow-up, which keeps the checkpoints (no new export) and recounts the volunteers.
      const before = await currentCheckpoints(db, "total_credit");
      const created = new Date(T0 * 1000);
      await db.boincUser.createMany({
        data: [1, 90, 4000].map((k) => ({ id: USERS + k, name: `new ${k}`, createTime: created })),
      });
      await detectMilestones(db);
      expect(await currentCheckpoints(db, "total_credit")).toEqual(before);
      await expectListsRight(db, T0 + DAY);
    },
    120_000,
  );
});
