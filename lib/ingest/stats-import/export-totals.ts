/**
 * What an import adds up while it streams the users (the records themselves are not kept): the
 * country leaderboard's rows, the volunteers active at the export time and the project's RAC (its
 * computing power: 200 credits a day make a GFLOPS). Written when the export is the newest one.
 */
import { insertRows, type SqlClient } from "./batch-insert";
import type { TableShape } from "./batch-insert";
import { quoteName, type SqlDialect, type SqlLiteral } from "./sql-dialect";

/** BOINC's own threshold for "active" in its statistics pages: RAC of at least 1 credit a day. */
const ACTIVE_RAC = 1;

const COUNTRY_TABLE: TableShape = {
  table: "country_total",
  columns: ["country", "users", "total_credit", "rac", "updated_at"],
  key: ["country"],
};

export class ExportTotals {
  activeUsers = 0;
  totalRac = 0;
  private readonly countries = new Map<string, { users: number; credit: number; rac: number }>();

  addUser(country: string | null, totalCredit: number, rac: number): void {
    if (rac >= ACTIVE_RAC) this.activeUsers++;
    this.totalRac += rac;
    const name = country?.trim();
    // BOINC's "None" is the country of volunteers who did not give one.
    if (!name || name === "None") return;
    const c = this.countries.get(name) ?? { users: 0, credit: 0, rac: 0 };
    c.users++;
    c.credit += totalCredit;
    c.rac += rac;
    this.countries.set(name, c);
  }

  /** Replaces the country leaderboard with this export's sums. */
  async writeCountries(client: SqlClient, dialect: SqlDialect, updatedAt: SqlLiteral): Promise<void> {
    await client.$executeRawUnsafe(`DELETE FROM ${quoteName(COUNTRY_TABLE.table)}`);
    const values: unknown[] = [];
    for (const [country, c] of this.countries) values.push(country, c.users, c.credit, c.rac, updatedAt);
    await insertRows(client, dialect, COUNTRY_TABLE, values, "fail");
  }
}

/** Team.member_count from this export's team snapshots; teams missing from it have no members. */
export async function updateTeamMemberCounts(client: SqlClient, exportTime: SqlLiteral): Promise<void> {
  const members =
    `COALESCE((SELECT s."member_count" FROM "team_credit_snapshot" s ` +
    `WHERE s."team_id" = "team"."id" AND s."time" = ${exportTime.sql}), 0)`;
  // Only the teams whose count moved: rewriting every team would rewrite every member_count index entry.
  await client.$executeRawUnsafe(
    `UPDATE "team" SET "member_count" = ${members} WHERE "member_count" IS DISTINCT FROM ${members}`,
  );
}
