/**
 * Replaces a challenge's standings, contributions and race points in one transaction, so a page
 * never sees half of a recomputation. Multi-row INSERTs with the numbers written into the SQL
 * (raw-sql.ts): Prisma's createMany took seconds for the rows of a thousand-team challenge.
 */
import type { Db } from "@/lib/db/client";
import { BoundParams, sqlNumber } from "./raw-sql";
import type { RacePoint, TeamStanding } from "./standings";

/** Sums of float credit leave residues like 1e-12 where a volunteer gained nothing. */
const NOTHING = 1e-6;
const ROWS_PER_STATEMENT = 500;

export interface ComputedStandings {
  standings: TeamStanding[];
  contributions: Iterable<{ userId: number; teamId: number; credit: number }>;
  points: RacePoint[];
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function insert<T>(
  tx: Tx,
  db: Db,
  table: string,
  columns: string[],
  rows: T[],
  values: (row: T, p: BoundParams) => string[],
) {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const p = new BoundParams(db);
    const tuples = rows.slice(i, i + ROWS_PER_STATEMENT).map((row) => `(${values(row, p).join(", ")})`);
    const names = columns.map((c) => `"${c}"`).join(", ");
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) VALUES ${tuples.join(", ")}`, ...p.values);
  }
}

export async function storeStandings(
  db: Db,
  challengeId: number,
  computed: ComputedStandings,
  at: { updatedAt: Date; frozen: boolean },
): Promise<void> {
  const id = sqlNumber(challengeId);
  const contributions = [...computed.contributions].filter((c) => Math.abs(c.credit) > NOTHING);
  await db.$transaction(
    async (tx) => {
      for (const table of ["challenge_contribution", "challenge_standing", "challenge_point"])
        await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "challenge_id" = ${id}`);
      await insert(
        tx,
        db,
        "challenge_standing",
        ["challenge_id", "team_id", "credit", "rank", "members"],
        computed.standings,
        (s) => [id, ...[s.teamId, s.credit, s.rank, s.members].map(sqlNumber)],
      );
      await insert(
        tx,
        db,
        "challenge_contribution",
        ["challenge_id", "user_id", "team_id", "credit"],
        contributions,
        (c) => [id, ...[c.userId, c.teamId, c.credit].map(sqlNumber)],
      );
      await insert(
        tx,
        db,
        "challenge_point",
        ["challenge_id", "team_id", "time", "credit"],
        computed.points,
        (pt, p) => [id, sqlNumber(pt.teamId), p.time(new Date(pt.time)), sqlNumber(pt.credit)],
      );
      await tx.challenge.update({
        where: { id: challengeId },
        data: { standingsUpdatedAt: at.updatedAt, frozenAt: at.frozen ? at.updatedAt : null },
      });
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
